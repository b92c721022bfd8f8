import { useState } from 'react';
import { App, Button, ConfigProvider, Drawer, Dropdown, Grid, Layout, Menu, Space, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useMe, useSignOut, type Me } from '../auth/session';
import { navigationFor } from '../lib/roles';
import { ReadPurposeHost, ReadPurposeIndicator } from '../lib/readPurpose';
import { useTerms } from '../lib/terms';

const { Header, Content, Footer } = Layout;

/** Who the user acts for: its authority or its organization. */
const boundTo = (me: Me) => me.authority?.name ?? me.organizationName ?? null;

export function AppLayout() {
  const { data: me } = useMe();
  // the code lists load once, alongside the session, so pages show names without waiting for them
  useTerms();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  // below antd's lg breakpoint (992 px) the navigation moves behind a menu button
  const compact = !screens.lg;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const items = navigationFor(me?.role);
  const selected = items.map((i) => i.key).filter((k) => (k === '/' ? location.pathname === '/' : location.pathname.startsWith(k)));
  const menuItems = items.map((i) => ({ key: i.key, label: i.label }));

  const leave = async () => {
    try {
      await signOut.mutateAsync();
      navigate('/');
    } catch {
      message.error('退出登录失败，请重试。');
    }
  };
  const userMenu: MenuProps = {
    items: me
      ? [
          {
            key: 'who', disabled: true,
            label: <span data-testid="current-user-details">{me.roleName}{boundTo(me) ? ` · ${boundTo(me)}` : ''}</span>,
          },
          { type: 'divider' },
          { key: 'account', label: '账号安全' },
          { key: 'sign-out', icon: <LogoutOutlined />, label: '退出登录' },
        ]
      : [],
    onClick: ({ key }) => {
      if (key === 'sign-out') void leave();
      if (key === 'account') navigate('/account');
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: compact ? 8 : 24, padding: compact ? '0 12px' : '0 24px' }}>
        {compact && (
          <Button type="text" icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />} aria-label="打开导航菜单" aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)} />
        )}
        <Typography.Title
          level={4}
          style={{
            color: '#fff', margin: 0, whiteSpace: 'nowrap', cursor: 'pointer', fontSize: compact ? 16 : undefined, overflow: 'hidden',
            textOverflow: 'ellipsis', minWidth: 0, flex: compact ? 1 : undefined,
          }}
          onClick={() => navigate('/')}
        >
          {compact ? '职业技能等级认定' : '职业技能等级认定服务平台'}
        </Typography.Title>
        {!compact && (
          // items a little closer than antd's default, so a reviewer's own pages stay in the bar beside the public ones
          <ConfigProvider theme={{ components: { Menu: { itemPaddingInline: 12 } } }}>
            <Menu
              theme="dark"
              mode="horizontal"
              selectedKeys={selected}
              items={menuItems}
              onClick={(e) => navigate(e.key)}
              style={{ flex: 1, minWidth: 0 }}
              aria-label="主导航"
            />
          </ConfigProvider>
        )}
        {me && !compact && <ReadPurposeIndicator color="rgba(255, 255, 255, 0.75)" />}
        {me ? (
          <Dropdown menu={userMenu} trigger={['click', 'hover']}>
            <Button type="text" style={{ color: '#fff', flexShrink: 0, maxWidth: 220, paddingInline: 8 }} data-testid="current-user"
              aria-label={`当前用户：${me.displayName}`} title={`${me.displayName}（${me.roleName}${boundTo(me) ? ` · ${boundTo(me)}` : ''}）`}>
              <Space size={6} style={{ maxWidth: '100%' }}>
                <UserOutlined />
                {/* on a phone the icon alone: the name and role are at the top of the navigation drawer */}
                {!compact && (
                  <span style={{
                    overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'inline-block', maxWidth: 180,
                    verticalAlign: 'bottom',
                  }}>
                    {me.displayName}
                  </span>
                )}
              </Space>
            </Button>
          </Dropdown>
        ) : (
          <Button type="primary" style={{ flexShrink: 0 }} onClick={() => navigate('/sign-in')}>登录</Button>
        )}
      </Header>
      {compact && (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={280}
          title="导航"
          styles={{ body: { padding: 0 } }}
        >
          {me && (
            <div style={{ padding: '12px 24px', borderBottom: '1px solid #f0f0f0' }}>
              <div><UserOutlined /> {me.displayName}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{me.roleName}{boundTo(me) ? ` · ${boundTo(me)}` : ''}</Typography.Text>
              <div><ReadPurposeIndicator /></div>
            </div>
          )}
          <Menu
            mode="inline"
            selectedKeys={selected}
            items={menuItems}
            onClick={(e) => {
              setDrawerOpen(false);
              navigate(e.key);
            }}
            style={{ borderInlineEnd: 'none' }}
            aria-label="主导航"
          />
          {me && (
            <div style={{ padding: '12px 24px' }}>
              <Button block icon={<LogoutOutlined />} onClick={() => { setDrawerOpen(false); void leave(); }}>退出登录</Button>
            </div>
          )}
        </Drawer>
      )}
      <Content style={{ padding: compact ? '12px 12px' : '24px 48px', minWidth: 0 }}>
        <Outlet />
      </Content>
      {/* asks the purpose of reading personal data when the server wants it (AUD-04) */}
      <ReadPurposeHost />
      <Footer style={{ textAlign: 'center', color: '#666', padding: compact ? '16px 12px' : undefined }}>
        职业技能等级认定 · 备案、认定、证书与监管全程留痕 · <a href="/swagger">开放接口</a>
      </Footer>
    </Layout>
  );
}
