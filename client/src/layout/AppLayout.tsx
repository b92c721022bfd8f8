import { useState, type ReactNode } from 'react';
import { Button, Drawer, Grid, Layout, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useMe, type Me } from '../auth/session';
import { ReadPurposeHost, ReadPurposeIndicator } from '../lib/readPurpose';
import { useTerms } from '../lib/terms';
import { menuFor } from './menu';
import { PublicBar } from './PublicBar';
import { SideMenu } from './SideMenu';
import { UnitName, UserBar, unitOf, useLeave } from './UserBar';
import { useRangesInUse } from './useRangesInUse';

const { Content, Footer, Sider } = Layout;

/** The page itself, the personal-data purpose question and the footer: the same for the public and the signed-in. */
function Page({ compact, padding = '24px 48px' }: { compact: boolean; padding?: string }) {
  return (
    <>
      <Content style={{ padding: compact ? '12px 12px' : padding, minWidth: 0 }}>
        <Outlet />
      </Content>
      {/* asks the purpose of reading personal data when the server wants it (AUD-04) */}
      <ReadPurposeHost />
      <Footer style={{ textAlign: 'center', color: '#666', padding: compact ? '16px 12px' : undefined }}>
        职业技能等级认定 · 备案、认定、证书与监管全程留痕 · <a href="/swagger">开放接口</a>
      </Footer>
    </>
  );
}

export function AppLayout() {
  const me = useMe();
  // the code lists load once, alongside the session, so pages show names without waiting for them
  useTerms();
  const compact = !Grid.useBreakpoint().lg;
  if (me.data) return <SignedInLayout me={me.data} />;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <PublicBar pending={me.isPending} />
      <Page compact={compact} />
    </Layout>
  );
}

/**
 * Everyone signed in works in an Ant Design Pro-style layout: a collapsible side bar with the menu grouped by task (see menu.ts),
 * the user's name, role and unit in the header. Below 768 px (antd's md breakpoint) the side bar becomes a drawer behind a menu
 * button; between 768 and 992 px it starts collapsed to its icons.
 */
function SignedInLayout({ me }: { me: Me }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const groups = menuFor(me.role, { rangesInUse: useRangesInUse(me) });
  const leave = useLeave();

  let navigation: ReactNode;
  if (phone) {
    navigation = (
      <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="left" size={280} title="导航" styles={{ body: { padding: 0 } }}>
        <div style={{ padding: '12px 24px', borderBottom: '1px solid #f0f0f0' }}>
          <div><UserOutlined /> {me.displayName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {me.roleName}{unitOf(me) ? ' · ' : ''}<UnitName me={me} maxWidth={220} />
          </Typography.Text>
          <div><ReadPurposeIndicator /></div>
        </div>
        <SideMenu groups={groups} pathname={pathname} theme="light" onNavigate={(key) => { setDrawerOpen(false); navigate(key); }} />
        <div style={{ padding: '12px 24px' }}>
          <Button block icon={<LogoutOutlined />} onClick={() => { setDrawerOpen(false); void leave(); }}>退出登录</Button>
        </div>
      </Drawer>
    );
  } else {
    navigation = (
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" onBreakpoint={setCollapsed} width={216}
        style={{ position: 'sticky', top: 0, height: '100vh' }} data-testid="side-menu">
        {/* the menu scrolls by itself above the collapse button when a role's entries are taller than the window */}
        <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
          <Typography.Title level={4} onClick={() => navigate('/')} title="职业技能等级认定服务平台" style={{
            color: '#fff', margin: 0, padding: collapsed ? '18px 8px' : '18px 20px', whiteSpace: 'nowrap', overflow: 'hidden', cursor: 'pointer',
            fontSize: collapsed ? 15 : 17, textAlign: collapsed ? 'center' : undefined, flexShrink: 0,
          }}>
            {collapsed ? '认定' : '职业技能等级认定'}
          </Typography.Title>
          <div style={{ flex: 1, minHeight: 0, overflowY: 'auto', overflowX: 'hidden' }}>
            <SideMenu groups={groups} pathname={pathname} collapsed={collapsed} onNavigate={navigate} />
          </div>
        </div>
      </Sider>
    );
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {navigation}
      <Layout style={{ minWidth: 0 }}>
        <UserBar me={me} compact={phone} menuOpen={drawerOpen} onOpenMenu={() => setDrawerOpen(true)} />
        <Page compact={phone} padding="24px" />
      </Layout>
    </Layout>
  );
}
