import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../api/client';
import { ProblemAlert, applyFieldErrors } from '../../../lib/ProblemAlert';
import { useAreas } from '../../../lib/areas';
import { useTerms } from '../../../lib/terms';
import { formatDateTime } from '../../../lib/format';
import { apiClientKeys } from '../queries';

type Client = Schemas['Api.ApiClientView'];
type Register = Schemas['Api.RegisterApiClient'];

/** Third-party systems: API keys with scopes, shown once, revocable with a reason. */
export function ApiClientsPage() {
  const { tree } = useAreas();
  const terms = useTerms();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Register>();
  const [open, setOpen] = useState(false);
  const [issuedKey, setIssuedKey] = useState<string | null>(null);
  const clients = useQuery({ queryKey: apiClientKeys.all, queryFn: () => unwrap(api.GET('/api/admin/api-clients')) });
  const register = useMutation({
    mutationFn: (body: Register) => unwrap(api.POST('/api/admin/api-clients', { body })),
    onSuccess: async (issued) => {
      setIssuedKey(issued.apiKey);
      setOpen(false);
      await client.invalidateQueries({ queryKey: apiClientKeys.all });
    },
    onError: (e) => applyFieldErrors(form, e),
  });
  const revoke = useMutation({
    mutationFn: (c: Client) =>
      unwrap(api.POST('/api/admin/api-clients/{clientId}/revoke', {
        params: { path: { clientId: c.id } }, body: { version: c.version, reason: '管理员吊销' },
      })),
    onSuccess: async () => {
      message.success('密钥已吊销');
      await client.invalidateQueries({ queryKey: apiClientKeys.all });
    },
  });

  return (
    <Card title="第三方系统" extra={<Button type="primary" onClick={() => setOpen(true)}>登记第三方系统</Button>}
      styles={{ header: { flexWrap: 'wrap', rowGap: 8, paddingBlock: 8 } }}>
      {issuedKey && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setIssuedKey(null)}
          title="请立即保存该密钥，关闭后将无法再次查看"
          description={<Typography.Text copyable code>{issuedKey}</Typography.Text>}
          style={{ marginBottom: 16 }}
        />
      )}
      <ProblemAlert error={clients.error ?? revoke.error} />
      <Table<Client>
        rowKey="id"
        loading={clients.isLoading}
        dataSource={clients.data ?? []}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '名称', dataIndex: 'name', width: 200 },
          { title: '代表', width: 220, render: (_, c) => c.authorityName ?? c.organizationName ?? '—' },
          {
            title: '权限', dataIndex: 'scopes', width: 320,
            render: (s: string[]) => <Space size={[0, 4]} wrap>{s.map((x) => <Tag key={x}>{terms.name('apiScopes', x)}</Tag>)}</Space>,
          },
          { title: '登记时间', dataIndex: 'registeredAt', width: 150, render: (t: string) => formatDateTime(t) },
          { title: '状态', dataIndex: 'revoked', width: 80, render: (r: boolean) => (r ? <Tag color="red">已吊销</Tag> : <Tag color="green">有效</Tag>) },
          {
            title: '操作',
            width: 80,
            render: (_, c) =>
              !c.revoked && (
                <a onClick={() => modal.confirm({
                  title: `吊销“${c.name}”的密钥？`, content: '吊销后该系统的请求将立即被拒绝，且不能恢复。', okText: '确认吊销', cancelText: '取消',
                  okButtonProps: { danger: true },
                  // the failure is shown above the table; the dialog just closes
                  onOk: () => revoke.mutateAsync(c).then(() => undefined, () => undefined),
                })}>吊销</a>
              ),
          },
        ]}
      />
      <Modal open={open} title="登记第三方系统" onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={register.isPending}
        destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => register.mutate(v)}>
          <Form.Item name="name" label="系统名称" rules={[{ required: true, message: '请输入系统名称' }]}><Input /></Form.Item>
          <Form.Item name="authorityCode" label="代表的主管部门" rules={[{ required: true, message: '请选择主管部门' }]}>
            <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" />
          </Form.Item>
          <Form.Item name="scopes" label="权限" rules={[{ required: true, message: '请至少选择一项权限' }]}>
            <Select mode="multiple" options={terms.options('apiScopes')} />
          </Form.Item>
          {register.error && <ProblemAlert error={register.error} />}
        </Form>
      </Modal>
    </Card>
  );
}
