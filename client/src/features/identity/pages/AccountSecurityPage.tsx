import { Card } from 'antd';
import { SignInFailures } from '../components/SignInFailures';

/** The signed-in user's own account: who tried to sign in as it and failed, when and from where. */
export function AccountSecurityPage() {
  return (
    <Card title="账号安全 · 近期登录失败记录">
      <SignInFailures />
    </Card>
  );
}
