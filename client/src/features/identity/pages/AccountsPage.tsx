import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, TreeSelect } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../api/client';
import { ProblemAlert, applyFieldErrors } from '../../../lib/ProblemAlert';
import { useAreas } from '../../../lib/areas';
import { Roles } from '../../../lib/roles';
import { useTerms } from '../../../lib/terms';
import { formatDateTime } from '../../../lib/format';
import { AccountDrawer } from '../components/AccountDrawer';
import { DecisionModal, hasAuthority, type Decision } from '../components/AccountModals';
import { accountKeys } from '../queries';

type Account = Schemas['Api.AccountView'];
type CreateAccount = Schemas['Api.CreateAccount'];

/** Roles a person's account can have (third-party systems are registered on their own page). */
function useRoleOptions() {
  const terms = useTerms();
  return terms.options('roles').filter((o) => o.value !== Roles.apiClient);
}

/**
 * Administrators manage accounts; auditors read them — the buttons follow each account's actions (AccountGuards). An account
 * opens in a drawer (修改信息, 重置密码, 停用/启用, 登录失败记录). Every decision asks for a reason (全程留痕).
 */
export function AccountsPage() {
  const roleOptions = useRoleOptions();
  const [role, setRole] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [deciding, setDeciding] = useState<{ account: Account; decision: Decision } | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const accounts = useQuery({
    queryKey: accountKeys.list({ role, q, page }),
    queryFn: () => unwrap(api.GET('/api/admin/accounts', { params: { query: { role, q: q || undefined, page, pageSize: 20 } } })),
  });

  return (
    <Card
      title="账号管理"
      extra={
        <Space wrap>
          <Select allowClear placeholder="按角色筛选" style={{ width: 160 }} options={roleOptions} onChange={(v) => { setRole(v); setPage(1); }}
            aria-label="按角色筛选" />
          <Input.Search allowClear placeholder="用户名或姓名" onSearch={(v) => { setQ(v); setPage(1); }} style={{ width: 220 }} aria-label="用户名或姓名" />
          {accounts.data?.actions.includes('createAccount') && <Button type="primary" onClick={() => setCreating(true)}>新建账号</Button>}
        </Space>
      }
      styles={{ header: { flexWrap: 'wrap', rowGap: 8, paddingBlock: 8 } }}
    >
      <ProblemAlert error={accounts.error} />
      <Table<Account>
        rowKey="id"
        loading={accounts.isLoading}
        dataSource={accounts.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 20, total: accounts.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: '用户名', dataIndex: 'userName', width: 150, render: (name: string, a) => <a onClick={() => setOpened(a.id)}>{name}</a> },
          { title: '姓名', dataIndex: 'displayName', width: 180 },
          { title: '角色', dataIndex: 'roleName', width: 110 },
          { title: '主管部门 / 机构', width: 240, render: (_, a) => a.authorityName ?? a.organizationName ?? '—' },
          {
            title: '状态',
            width: 150,
            render: (_, a) =>
              <Space size={4}>
                {a.disabled ? <Tag color="red">已停用</Tag> : <Tag color="green">正常</Tag>}
                {a.temporaryPassword && <Tag>临时密码</Tag>}
              </Space>,
          },
          { title: '最近登录', dataIndex: 'lastSignInAt', width: 150, render: (t?: string | null) => formatDateTime(t) },
          {
            title: '操作',
            render: (_: unknown, a: Account) => (
              <Space>
                <a onClick={() => setOpened(a.id)} aria-label={`查看账号${a.userName}`}>查看</a>
                {a.actions.includes('enableAccount') && <a onClick={() => setDeciding({ account: a, decision: 'enable' })}>启用</a>}
                {a.actions.includes('disableAccount') && <a onClick={() => setDeciding({ account: a, decision: 'disable' })}>停用</a>}
              </Space>
            ),
          },
        ]}
      />
      {creating && <CreateAccountModal onClose={() => setCreating(false)} />}
      {deciding && <DecisionModal {...deciding} onClose={() => setDeciding(null)} />}
      {opened && <AccountDrawer accountId={opened} onClose={() => setOpened(null)} />}
    </Card>
  );
}

function CreateAccountModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<CreateAccount>();
  const role = Form.useWatch('role', form);
  const { tree } = useAreas();
  const roleOptions = useRoleOptions();
  const client = useQueryClient();
  const { message } = App.useApp();
  const create = useMutation({
    mutationFn: (body: CreateAccount) => unwrap(api.POST('/api/admin/accounts', { body })),
    onSuccess: async () => {
      message.success('账号已创建');
      await client.invalidateQueries({ queryKey: accountKeys.all });
      onClose();
    },
    onError: (e) => applyFieldErrors(form, e),
  });
  const needsAuthority = !!role && hasAuthority(role);
  return (
    <Modal open title="新建账号" onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} okText="创建" destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate({ ...v, authorityCode: needsAuthority ? v.authorityCode : undefined })}>
        <Form.Item name="userName" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}><Input /></Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}><Input /></Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}><Select options={roleOptions} /></Form.Item>
        {needsAuthority && (
          <Form.Item name="authorityCode" label="所属主管部门" rules={[{ required: true, message: '请选择主管部门' }]}>
            <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" />
          </Form.Item>
        )}
        <Form.Item name="password" label="初始密码" extra="至少10位，包含大写字母、小写字母、数字、符号中的三类" rules={[{ required: true, message: '请输入初始密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {create.error && <ProblemAlert error={create.error} />}
      </Form>
    </Modal>
  );
}
