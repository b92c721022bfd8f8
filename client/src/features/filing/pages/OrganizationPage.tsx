import { Alert, App, Button, Card, Form, Input, Select, Space, Skeleton, TreeSelect, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../../api/client';
import { ApiProblem } from '../../../api/problem';
import { useMe } from '../../../auth/session';
import { ProblemAlert, applyFieldErrors } from '../../../lib/ProblemAlert';
import { useAreas } from '../../../lib/areas';
import { useTerms } from '../../../lib/terms';
import { OrganizationDescriptions } from '../components/OrganizationDescriptions';
import { OrganizationSeal } from '../components/OrganizationSeal';
import { sessionKeys } from '../../../auth/queries';
import { WaitingWork } from '../../workbench/WaitingWork';
import { organizationKeys, applicationKeys } from '../queries';

type Register = Schemas['Filing.RegisterOrganization'];
type Contact = Schemas['Filing.ChangeOrganizationContact'];

/** The organization user's home: register the organization (FIL-11) once, then keep its contact details current. */
export function OrganizationPage() {
  const { data: me } = useMe();
  const id = me?.organizationId;
  const query = useQuery({
    queryKey: organizationKeys.detail(id),
    enabled: !!id,
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/api/organizations/{organizationId}', { params: { path: { organizationId: id! } } }));
      } catch (e) {
        if (e instanceof ApiProblem && e.status === 404) return null;
        throw e;
      }
    },
  });
  if (!id) return <Card>该账号未绑定评价机构，请联系管理员。</Card>;
  if (query.isLoading) return <Skeleton active />;
  if (query.error) return <ProblemAlert error={query.error} />;
  return query.data ? (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <NextStep />
      <WaitingWork />
      <RegisteredOrganization organization={query.data} />
      <OrganizationSeal organization={query.data} />
    </Space>
  ) : <RegistrationForm />;
}

/** After registration the next step is an application: say so while the organization has none. */
function NextStep() {
  const navigate = useNavigate();
  const applications = useQuery({
    queryKey: applicationKeys.mineCount(),
    queryFn: () => unwrap(api.GET('/api/filing/applications', { params: { query: { pageSize: 1 } } })),
  });
  if (!applications.data) return null;
  if (applications.data.total > 0) {
    return (
      <Alert type="info" showIcon title="本机构的备案申请" description="查看申请的办理进度、补正要求和备案结果。"
        action={<Button onClick={() => navigate('/applications')}>查看备案申请</Button>} />
    );
  }
  return (
    <Alert type="success" showIcon data-testid="next-step" title="下一步：起草备案申请"
      description="机构信息已登记。请选择备案辖区和服务范围，起草备案申请，填写申报内容并上传申报材料后提交。"
      action={<Button type="primary" onClick={() => navigate('/applications?new=1')}>起草备案申请</Button>} />
  );
}

function RegistrationForm() {
  const [form] = Form.useForm<Register>();
  const client = useQueryClient();
  const { tree } = useAreas();
  const terms = useTerms();
  const { message } = App.useApp();
  const register = useMutation({
    mutationFn: (body: Register) => unwrap(api.POST('/api/organizations', { body })),
    onSuccess: () => {
      message.success('机构信息已登记');
      client.invalidateQueries({ queryKey: sessionKeys.me() });
      return client.invalidateQueries({ queryKey: organizationKeys.details() });
    },
    onError: (e) => applyFieldErrors(form, e),
  });
  return (
    <Card title="登记评价机构基本信息">
      <Typography.Paragraph type="secondary">请按营业执照或法人登记证书如实填写。统一社会信用代码将校验第18位校验码。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => register.mutate(v)} style={{ maxWidth: 720 }}>
        <Form.Item name="name" label="机构名称" rules={[{ required: true, message: '请输入机构名称' }]}><Input /></Form.Item>
        <Form.Item name="creditCode" label="统一社会信用代码" rules={[{ required: true, len: 18, message: '统一社会信用代码为18位' }]}>
          <Input maxLength={18} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="category" label="评价机构类别" rules={[{ required: true, message: '请选择类别' }]}>
            <Select style={{ width: 240 }} options={terms.options('organizationCategories')} />
          </Form.Item>
          <Form.Item name="nature" label="机构性质" rules={[{ required: true, message: '请选择机构性质' }]}>
            <Select style={{ width: 240 }} options={terms.options('organizationNatures')} />
          </Form.Item>
        </Space>
        <Form.Item name="areaCode" label="登记所在地" rules={[{ required: true, message: '请选择登记所在地' }]}>
          <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" treeDefaultExpandAll={false} placeholder="选择省、市或县（市、区）" />
        </Form.Item>
        <Form.Item name="address" label="地址" rules={[{ required: true, message: '请输入地址' }]}><Input /></Form.Item>
        <Form.Item name="legalRepresentative" label="法定代表人" rules={[{ required: true, message: '请输入法定代表人' }]}><Input /></Form.Item>
        <ContactFields />
        {register.error && <div style={{ marginBottom: 16 }}><ProblemAlert error={register.error} /></div>}
        <Button type="primary" htmlType="submit" loading={register.isPending}>提交登记</Button>
      </Form>
    </Card>
  );
}

function ContactFields() {
  return (
    <>
      <Form.Item name="contactName" label="联系人" rules={[{ required: true, message: '请输入联系人' }]}><Input /></Form.Item>
      <Form.Item name="contactPhone" label="联系电话" rules={[{ required: true, message: '请输入联系电话' }]}>
        <Input placeholder="11位手机号或 0551-12345678" />
      </Form.Item>
      <Form.Item name="contactEmail" label="电子邮箱" rules={[{ required: true, type: 'email', message: '请输入有效的电子邮箱' }]}><Input /></Form.Item>
    </>
  );
}

function RegisteredOrganization({ organization }: { organization: Schemas['Filing.OrganizationView'] }) {
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Contact>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const change = useMutation({
    mutationFn: (body: Contact) =>
      unwrap(api.PUT('/api/organizations/{organizationId}/contact', { params: { path: { organizationId: organization.id } }, body })),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: organizationKeys.detail(organization.id) });
      setEditing(false);
      message.success('联系信息已更新');
    },
    onError: (e) => applyFieldErrors(form, e),
  });
  return (
    <Card title="本机构" extra={!editing && organization.actions.includes('changeOrganizationContact') && (
      <Button onClick={() => { form.setFieldsValue(organization); setEditing(true); }}>修改联系信息</Button>
    )}>
      {editing ? (
        <Form form={form} layout="vertical" style={{ maxWidth: 640 }} onFinish={(v) => change.mutate({ ...v, version: organization.version })}>
          <Form.Item name="address" label="地址" rules={[{ required: true, message: '请输入地址' }]}><Input /></Form.Item>
          <ContactFields />
          {change.error && <div style={{ marginBottom: 16 }}><ProblemAlert error={change.error} /></div>}
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={change.isPending}>保存</Button>
            <Button onClick={() => setEditing(false)}>取消</Button>
            {change.error instanceof ApiProblem && change.error.status === 409 && (
              <Button onClick={() => client.invalidateQueries({ queryKey: organizationKeys.detail(organization.id) }).then(() => setEditing(false))}>
                刷新最新数据
              </Button>
            )}
          </Space>
        </Form>
      ) : (
        <OrganizationDescriptions organization={organization} />
      )}
    </Card>
  );
}
