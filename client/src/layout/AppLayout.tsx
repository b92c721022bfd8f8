import { Layout, Menu, Button, Space, Typography, Dropdown } from 'antd';
import { UserOutlined, LogoutOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useMe, useSignOut } from '../auth/session';
import { navigationFor } from '../lib/roles';

const { Header, Content, Footer } = Layout;

export function AppLayout() {
  const { data: me } = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const items = navigationFor(me?.role);
  const selected = items.map((i) => i.key).filter((k) => k === '/' ? location.pathname === '/' : location.pathname.startsWith(k));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap', cursor: 'pointer' }} onClick={() => navigate('/')}>
          职业技能等级认定服务平台
        </Typography.Title>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={selected}
          items={items.map((i) => ({ key: i.key, label: i.label }))}
          onClick={(e) => navigate(e.key)}
          style={{ flex: 1, minWidth: 0 }}
          aria-label="主导航"
        />
        {me ? (
          <Dropdown
            menu={{
              items: [{ key: 'sign-out', icon: <LogoutOutlined />, label: '退出登录' }],
              onClick: async () => {
                await signOut.mutateAsync();
                navigate('/');
              },
            }}
          >
            <Space style={{ color: '#fff', cursor: 'pointer' }} data-testid="current-user">
              <UserOutlined />
              <span>{me.displayName}</span>
              <span style={{ opacity: 0.75 }}>（{me.roleName}{me.authority ? ` · ${me.authority.name}` : ''}）</span>
            </Space>
          </Dropdown>
        ) : (
          <Button type="primary" onClick={() => navigate('/sign-in')}>登录</Button>
        )}
      </Header>
      <Content style={{ padding: '24px 48px' }}>
        <Outlet />
      </Content>
      <Footer style={{ textAlign: 'center', color: '#666' }}>
        职业技能等级认定 · 备案、认定、证书与监管全程留痕 · <a href="/swagger">API 文档</a>
      </Footer>
    </Layout>
  );
}
