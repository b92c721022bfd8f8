import { Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useSignIn } from '../../../auth/session';
import { ProblemAlert, applyFieldErrors } from '../../../lib/ProblemAlert';
import { homeFor } from '../../../lib/roles';

export function SignInPage() {
  const [form] = Form.useForm();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();

  const submit = async (values: { userName: string; password: string }) => {
    try {
      const me = await signIn.mutateAsync(values);
      navigate(params.get('next') ?? homeFor(me.role), { replace: true });
    } catch (e) {
      applyFieldErrors(form, e);
    }
  };

  return (
    <Card style={{ maxWidth: 420, margin: '48px auto' }}>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>登录</Typography.Title>
      <Form form={form} layout="vertical" onFinish={submit} autoComplete="on">
        <Form.Item name="userName" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        {signIn.error && <div style={{ marginBottom: 16 }}><ProblemAlert error={signIn.error} /></div>}
        <Button type="primary" htmlType="submit" block loading={signIn.isPending}>登录</Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
        多次输入错误后将暂时限制登录尝试，请稍后再试。机构账号由主管部门或平台管理员开通。
      </Typography.Paragraph>
    </Card>
  );
}
