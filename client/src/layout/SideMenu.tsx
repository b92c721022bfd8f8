import type { ReactNode } from 'react';
import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import {
  ApartmentOutlined, ApiOutlined, AuditOutlined, BarChartOutlined, BookOutlined, CalendarOutlined, DashboardOutlined, EyeOutlined,
  FileDoneOutlined, FileSearchOutlined, FormOutlined, HomeOutlined, NotificationOutlined, NumberOutlined, ReadOutlined,
  SafetyCertificateOutlined, ScheduleOutlined, SearchOutlined, ShopOutlined, TeamOutlined,
} from '@ant-design/icons';
import { entriesOf, selectedKey, type MenuGroup, type MenuIcon } from './menu';

const icons: Record<MenuIcon, ReactNode> = {
  home: <HomeOutlined />,
  workbench: <DashboardOutlined />,
  organization: <ShopOutlined />,
  assignments: <AuditOutlined />,
  applications: <FormOutlined />,
  filings: <FileDoneOutlined />,
  directory: <ApartmentOutlined />,
  batches: <ScheduleOutlined />,
  certificates: <SafetyCertificateOutlined />,
  ranges: <NumberOutlined />,
  verify: <SearchOutlined />,
  cases: <FileSearchOutlined />,
  notices: <NotificationOutlined />,
  policies: <ReadOutlined />,
  calendar: <CalendarOutlined />,
  reads: <EyeOutlined />,
  activity: <BarChartOutlined />,
  accounts: <TeamOutlined />,
  occupations: <BookOutlined />,
  apiClients: <ApiOutlined />,
  calendarLoad: <CalendarOutlined />,
};

type Items = NonNullable<MenuProps['items']>;

/**
 * The menu's items: each task a titled item group; a collapsed side bar shows icons only, so there the groups are divided by lines
 * (a group's title would not fit) and each entry names itself in a tooltip.
 */
export function menuItems(groups: MenuGroup[], collapsed: boolean): Items {
  const entries = (g: MenuGroup) => g.entries.map((e) => ({ key: e.key, label: e.label, icon: icons[e.icon] }));
  if (collapsed) return groups.flatMap((g, i): Items => [...(i > 0 ? [{ type: 'divider' as const, key: `${g.key}-divider` }] : []), ...entries(g)]);
  return groups.map((g) => ({ type: 'group' as const, key: g.key, label: g.label, children: entries(g) }));
}

/**
 * The signed-in user's navigation (Ant Design Pro style): an inline menu, grouped by task, in the side bar or the phone's drawer.
 * Inside a collapsed Layout.Sider the menu folds to its icons by itself; `collapsed` only shapes the items for it.
 */
export function SideMenu({ groups, pathname, collapsed = false, theme = 'dark', onNavigate }: {
  groups: MenuGroup[];
  pathname: string;
  collapsed?: boolean;
  theme?: 'dark' | 'light';
  onNavigate: (key: string) => void;
}) {
  const selected = selectedKey(entriesOf(groups), pathname);
  return (
    <Menu
      mode="inline"
      theme={theme}
      selectedKeys={selected ? [selected] : []}
      items={menuItems(groups, collapsed)}
      onClick={(e) => onNavigate(e.key)}
      style={{ borderInlineEnd: 'none' }}
      aria-label="主导航"
    />
  );
}
