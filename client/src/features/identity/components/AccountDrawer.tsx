import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { formatDateTime } from '../../../lib/format';
import { accountKeys } from '../queries';
import { DecisionModal, EditAccountModal, ResetPasswordModal, type Decision } from './AccountModals';
import { SignInFailures } from './SignInFailures';

type Open = { kind: 'decide'; decision: Decision } | { kind: 'edit' } | { kind: 'reset' } | null;

/**
 * One account opened from 账号管理: who it is, its state, its sign-in failures, and the administrator's buttons — exactly the
 * account's <code>actions</code> (AccountGuards: no 停用 on one's own account, nothing for auditors).
 */
export function AccountDrawer({ accountId, onClose }: { accountId: string; onClose: () => void }) {
  const [open, setOpen] = useState<Open>(null);
  const query = useQuery({
    queryKey: accountKeys.detail(accountId),
    queryFn: () => unwrap(api.GET('/api/admin/accounts/{accountId}', { params: { path: { accountId } } })),
  });
  const a = query.data;
  const may = (action: string) => !!a?.actions.includes(action);
  return (
    <Drawer open width={560} title={a ? `账号：${a.displayName}（${a.userName}）` : '账号'} onClose={onClose} destroyOnHidden
      extra={a && (
        <Space wrap data-testid="account-actions">
          {may('editAccount') && <Button onClick={() => setOpen({ kind: 'edit' })}>修改信息</Button>}
          {may('resetPassword') && <Button onClick={() => setOpen({ kind: 'reset' })}>重置密码</Button>}
          {may('enableAccount') && <Button type="primary" onClick={() => setOpen({ kind: 'decide', decision: 'enable' })}>启用</Button>}
          {may('disableAccount') && <Button danger onClick={() => setOpen({ kind: 'decide', decision: 'disable' })}>停用</Button>}
        </Space>
      )}>
      <ProblemAlert error={query.error} />
      {a && (
        <>
          {a.temporaryPassword && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title="该账号使用管理员设置的临时密码，本人尚未修改（请提醒其在“账号安全”中修改）。" />
          )}
          <Descriptions column={1} size="small" bordered data-testid="account-detail">
            <Descriptions.Item label="用户名">{a.userName}</Descriptions.Item>
            <Descriptions.Item label="姓名">{a.displayName}</Descriptions.Item>
            <Descriptions.Item label="角色">{a.roleName}</Descriptions.Item>
            {a.authorityName && <Descriptions.Item label="所属主管部门">{a.authorityName}</Descriptions.Item>}
            {a.organizationName && <Descriptions.Item label="评价机构">{a.organizationName}</Descriptions.Item>}
            <Descriptions.Item label="状态">{a.disabled ? <Tag color="red">已停用</Tag> : <Tag color="green">正常</Tag>}</Descriptions.Item>
            <Descriptions.Item label="创建时间">{formatDateTime(a.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="最近登录">{formatDateTime(a.lastSignInAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>登录失败记录</Typography.Title>
          <SignInFailures accountId={a.id} />
        </>
      )}
      {a && open?.kind === 'decide' && <DecisionModal account={a} decision={open.decision} onClose={() => setOpen(null)} />}
      {a && open?.kind === 'edit' && <EditAccountModal account={a} onClose={() => setOpen(null)} />}
      {a && open?.kind === 'reset' && <ResetPasswordModal account={a} onClose={() => setOpen(null)} />}
    </Drawer>
  );
}
