import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Result, Spin } from 'antd';
import { useMe } from './session';

/** Signed-in users of the given roles only (any signed-in user when no roles are given). */
export function RequireRole({ roles, children }: { roles?: string[]; children: ReactNode }) {
  const { data: me, isLoading } = useMe();
  const location = useLocation();
  if (isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!me) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (roles && !roles.includes(me.role)) {
    return <Result status="403" title="无权访问" subTitle={`当前角色“${me.roleName}”不能使用此页面。`} />;
  }
  return <>{children}</>;
}
