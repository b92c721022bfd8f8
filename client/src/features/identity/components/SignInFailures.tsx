import { Alert, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../api/client';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { formatDateTime } from '../../../lib/format';
import { signInFailureKeys } from '../queries';

export type SignInFailureList = Schemas['Api.SignInFailureList'];

function load(accountId?: string): Promise<SignInFailureList> {
  return accountId
    ? unwrap(api.GET('/api/admin/accounts/{accountId}/sign-in-failures', { params: { path: { accountId } } }))
    : unwrap(api.GET('/api/auth/sign-in-failures'));
}

/** Recent failed sign-ins on an account: the owner's own (no id) or, for administrators and auditors, any account's. */
export function SignInFailures({ accountId }: { accountId?: string }) {
  const failures = useQuery({ queryKey: signInFailureKeys.of(accountId), queryFn: () => load(accountId) });
  const data = failures.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ProblemAlert error={failures.error} />
      {data && (
        <Typography.Paragraph data-testid="sign-in-failure-summary" style={{ marginBottom: 0 }}>
          {data.total === 0 ? '没有登录失败记录。' : `共记录登录失败 ${data.total} 次，自上次成功登录以来 ${data.sinceLastSignIn} 次。`}
          {` 上次成功登录：${data.lastSignInAt ? formatDateTime(data.lastSignInAt) : '尚无'}。`}
        </Typography.Paragraph>
      )}
      {!accountId && data && data.sinceLastSignIn > 0 && (
        <Alert type="warning" showIcon message="如果这些登录失败不是您本人所为，请修改密码并告知系统管理员。" />
      )}
      <Table
        size="small"
        rowKey={(r) => `${r.at}|${r.remoteAddress ?? ''}`}
        loading={failures.isLoading}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '没有登录失败记录' }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: (t: string) => formatDateTime(t) },
          { title: '来源地址', dataIndex: 'remoteAddress', render: (a?: string | null) => a ?? '未知' },
        ]}
      />
    </Space>
  );
}
