import { App, Button, Dropdown, Layout, Space, Tag, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useSignOut, type Me } from '../auth/session';
import { ReadPurposeIndicator } from '../lib/readPurpose';

/** Who the user acts for: its authority or its organization. */
export const unitOf = (me: Me) => me.authority?.name ?? me.organizationName ?? null;

/** A unit's name on one line: cut with an ellipsis where it is long, whole on hover (title), never cut silently. */
export function UnitName({ me, maxWidth }: { me: Me; maxWidth: number }) {
  const unit = unitOf(me);
  if (!unit) return null;
  return (
    <span data-testid="current-unit" title={unit} style={{
      display: 'inline-block', maxWidth, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', verticalAlign: 'bottom',
    }}>
      {unit}
    </span>
  );
}

/** Signs out and returns to the home page; says so when it fails. */
export function useLeave() {
  const signOut = useSignOut();
  const navigate = useNavigate();
  const { message } = App.useApp();
  return async () => {
    try {
      await signOut.mutateAsync();
      navigate('/');
    } catch {
      message.error('退出登录失败，请重试。');
    }
  };
}

/**
 * The signed-in user's header: the user's name, role and unit on the right, with account security and sign-out under the name.
 * On a phone (`compact`) a menu button opens the navigation drawer, which shows the role and unit in full.
 */
export function UserBar({ me, compact, onOpenMenu, menuOpen }: { me: Me; compact: boolean; onOpenMenu: () => void; menuOpen: boolean }) {
  const navigate = useNavigate();
  const leave = useLeave();
  const { token } = theme.useToken();
  const unit = unitOf(me);
  const userMenu: MenuProps = {
    items: [
      { key: 'who', disabled: true, label: <span data-testid="current-user-details">{me.roleName}{unit ? ` · ${unit}` : ''}</span> },
      { type: 'divider' },
      { key: 'account', label: '账号安全' },
      { key: 'sign-out', icon: <LogoutOutlined />, label: '退出登录' },
    ],
    onClick: ({ key }) => {
      if (key === 'sign-out') void leave();
      if (key === 'account') navigate('/account');
    },
  };

  return (
    <Layout.Header style={{
      display: 'flex', alignItems: 'center', gap: compact ? 8 : 16, padding: compact ? '0 12px' : '0 24px', background: token.colorBgContainer,
      borderBottom: `1px solid ${token.colorBorderSecondary}`, position: 'sticky', top: 0, zIndex: 10,
    }}>
      {compact && (
        <Button type="text" icon={<MenuOutlined style={{ fontSize: 18 }} />} aria-label="打开导航菜单" aria-expanded={menuOpen} onClick={onOpenMenu} />
      )}
      {compact ? (
        <Typography.Title level={4} style={{ margin: 0, fontSize: 16, whiteSpace: 'nowrap', flex: 1, minWidth: 0, cursor: 'pointer' }}
          onClick={() => navigate('/')}>
          职业技能等级认定
        </Typography.Title>
      ) : (
        <div style={{ flex: 1 }} />
      )}
      {!compact && <ReadPurposeIndicator />}
      {!compact && (
        <Space size={8} align="center" style={{ minWidth: 0, lineHeight: 'normal' }} data-testid="current-role-unit">
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>{me.roleName}</Tag>
          <Typography.Text type="secondary"><UnitName me={me} maxWidth={320} /></Typography.Text>
        </Space>
      )}
      <Dropdown menu={userMenu} trigger={['click', 'hover']}>
        <Button type="text" style={{ flexShrink: 0, maxWidth: 240, paddingInline: 8 }} data-testid="current-user"
          aria-label={`当前用户：${me.displayName}`} title={`${me.displayName}（${me.roleName}${unit ? ` · ${unit}` : ''}）`}>
          <Space size={6} style={{ maxWidth: '100%' }}>
            <UserOutlined />
            {/* on a phone the icon alone: the name, role and unit are at the top of the navigation drawer */}
            {!compact && (
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'inline-block', maxWidth: 200,
                verticalAlign: 'bottom' }}>
                {me.displayName}
              </span>
            )}
          </Space>
        </Button>
      </Dropdown>
    </Layout.Header>
  );
}
