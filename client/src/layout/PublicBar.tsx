import { useState } from 'react';
import { Button, ConfigProvider, Drawer, Grid, Layout, Menu, Typography } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { publicEntries, selectedKey } from './menu';

/**
 * The public's slim top bar: the pages anyone may open and 登录. Below antd's lg breakpoint (992 px) the pages move behind a menu
 * button into a drawer. While the session is still being read (`pending`) the bar shows only the title, so a signed-in user
 * never sees the public items flash.
 */
export function PublicBar({ pending = false }: { pending?: boolean }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const compact = !Grid.useBreakpoint().lg;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const selected = selectedKey(publicEntries, pathname);
  const items = publicEntries.map((e) => ({ key: e.key, label: e.label }));

  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: compact ? 8 : 24, padding: compact ? '0 12px' : '0 24px' }}>
      {compact && !pending && (
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
        // items a little closer than antd's default, so all seven stay in the bar
        <ConfigProvider theme={{ components: { Menu: { itemPaddingInline: 12 } } }}>
          <Menu theme="dark" mode="horizontal" selectedKeys={selected ? [selected] : []} items={pending ? [] : items}
            onClick={(e) => navigate(e.key)} style={{ flex: 1, minWidth: 0 }} aria-label="主导航" />
        </ConfigProvider>
      )}
      {!pending && <Button type="primary" style={{ flexShrink: 0 }} onClick={() => navigate('/sign-in')}>登录</Button>}
      {compact && (
        <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="left" size={280} title="导航"
          styles={{ body: { padding: 0 } }}>
          <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} style={{ borderInlineEnd: 'none' }} aria-label="主导航"
            onClick={(e) => { setDrawerOpen(false); navigate(e.key); }} />
        </Drawer>
      )}
    </Layout.Header>
  );
}
