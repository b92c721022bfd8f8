import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Table, Tag, TreeSelect, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, unwrap, type Schemas } from '../api/client';
import { ProblemAlert, applyFieldErrors } from '../lib/ProblemAlert';
import { useAreas } from '../lib/areas';

type Client = Schemas['Api.Identity.ApiClientView'];
type Register = Schemas['Api.Identity.RegisterApiClient'];

const scopeOptions = [
  { value: 'directory:read', label: '读取评价机构目录' },
  { value: 'filing:read', label: '读取备案申请' },
  { value: 'filing:write', label: '提交备案申请' },
  { value: 'batches:write', label: '报送认定批次与结果' },
  { value: 'certificates:read', label: '查询证书' },
  { value: 'certificates:write', label: '报送证书信息' },
  { value: 'calendar:read', label: '读取工作日历' },
];

/** Third-party systems: API keys with scopes, shown once, revocable with a reason. */
export function ApiClientsPage() {
  const { areaName, tree } = useAreas();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Register>();
  const [open, setOpen] = useState(false);
  const [issuedKey, setIssuedKey] = useState<string | null>(null);
  const clients = useQuery({ queryKey: ['api-clients'], queryFn: () => unwrap(api.GET('/api/admin/api-clients')) });
  const register = useMutation({
    mutationFn: (body: Register) => unwrap(api.POST('/api/admin/api-clients', { body })),
    onSuccess: async (issued) => {
      setIssuedKey(issued.apiKey);
      setOpen(false);
      await client.invalidateQueries({ queryKey: ['api-clients'] });
    },
    onError: (e) => applyFieldErrors(form, e),
  });
  const revoke = useMutation({
    mutationFn: (c: Client) =>
      unwrap(api.POST('/api/admin/api-clients/{clientId}/revoke', { params: { path: { clientId: c.id } }, body: { version: c.version, reason: '管理员吊销' } })),
    onSuccess: async () => {
      message.success('密钥已吊销');
      await client.invalidateQueries({ queryKey: ['api-clients'] });
    },
  });

  return (
    <Card title="第三方系统" extra={<Button type="primary" onClick={() => setOpen(true)}>登记第三方系统</Button>}>
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
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '代表', render: (_, c) => (c.authorityCode ? areaName(c.authorityCode) : '评价机构') },
          { title: '权限', dataIndex: 'scopes', render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>) },
          { title: '登记时间', dataIndex: 'registeredAt', render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm') },
          { title: '状态', dataIndex: 'revoked', render: (r: boolean) => (r ? <Tag color="red">已吊销</Tag> : <Tag color="green">有效</Tag>) },
          {
            title: '操作',
            render: (_, c) =>
              !c.revoked && <a onClick={() => modal.confirm({ title: `吊销“${c.name}”的密钥？`, content: '吊销后该系统的请求将立即被拒绝。', onOk: () => revoke.mutateAsync(c) })}>吊销</a>,
          },
        ]}
      />
      <Modal open={open} title="登记第三方系统" onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={register.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => register.mutate(v)}>
          <Form.Item name="name" label="系统名称" rules={[{ required: true, message: '请输入系统名称' }]}><Input /></Form.Item>
          <Form.Item name="authorityCode" label="代表的主管部门" rules={[{ required: true, message: '请选择主管部门' }]}>
            <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" />
          </Form.Item>
          <Form.Item name="scopes" label="权限" rules={[{ required: true, message: '请至少选择一项权限' }]}><Select mode="multiple" options={scopeOptions} /></Form.Item>
          {register.error && <ProblemAlert error={register.error} />}
        </Form>
      </Modal>
    </Card>
  );
}
