import { batchRoles, Roles } from '../lib/roles';

/** The icon an entry shows (SideMenu maps the names to @ant-design/icons; this file stays free of components). */
export type MenuIcon =
  | 'home' | 'workbench' | 'organization' | 'assignments' | 'applications' | 'filings' | 'directory' | 'batches' | 'certificates'
  | 'ranges' | 'verify' | 'cases' | 'notices' | 'policies' | 'calendar' | 'reads' | 'activity' | 'accounts' | 'occupations' | 'apiClients'
  | 'calendarLoad';

export interface MenuEntry {
  /** The route the entry opens. */
  key: string;
  label: string;
  icon: MenuIcon;
}

/** A group of entries of one task (备案, 认定批次, 证书 …), shown as an item group of the side menu. */
export interface MenuGroup {
  key: string;
  label: string;
  entries: MenuEntry[];
}

/** What the menu needs to know beyond the role. */
export interface MenuContext {
  /**
   * CRT-01 [AH]: the signed-in user's jurisdiction numbers certificates from ranges an authority allocates (Anhui), or the user is not
   * bound to one jurisdiction's policy (a national authority, an auditor). False where the number ranges page would only say
   * 不分配号段 (Guangxi, Hubei), and while the policy is still loading.
   */
  rangesInUse?: boolean;
}

const entry = (key: string, label: string, icon: MenuIcon): MenuEntry => ({ key, label, icon });

const home = entry('/', '首页', 'home');
const directory = entry('/directory', '机构目录', 'directory');
const filings = entry('/filings', '备案管理', 'filings');
/** 认定批次: organizations run them, authorities receive and supervise them; experts have no part. */
const batches = entry('/batches', '认定批次', 'batches');
/** Certificates (CRT-01 … CRT-05): the same people as batches. */
const certificates = entry('/certificates', '证书管理', 'certificates');
/** CRT-01 [AH]: the authorities allocate and watch number ranges; auditors read them. */
const numberRanges = entry('/certificate-ranges', '证书号段', 'ranges');
const verify = entry('/verify', '证书查询', 'verify');
const cases = entry('/cases', '进度查询', 'cases');
const notices = entry('/notices', '公示公告', 'notices');
const policies = entry('/policies', '辖区政策', 'policies');
const calendar = entry('/calendar', '工作日查询', 'calendar');

/** The public's top bar, as before the side menu: home, then the pages anyone may open. */
export const publicEntries: MenuEntry[] = [home, notices, directory, policies, calendar, verify, cases];

const group = (key: string, label: string, entries: (MenuEntry | false | undefined)[]): MenuGroup =>
  ({ key, label, entries: entries.filter((e): e is MenuEntry => !!e) });

/** The work a role signs in for: its landing page first. */
function workOf(role: string): MenuEntry[] {
  switch (role) {
    case Roles.organization: return [entry('/organization', '本机构', 'organization')];
    case Roles.reviewer: return [entry('/workbench', '审核工作台', 'workbench')];
    case Roles.inspector: return [entry('/workbench', '督查工作台', 'workbench')];
    case Roles.expert: return [entry('/assignments', '我的评估任务', 'assignments')];
    case Roles.auditor:
    case Roles.administrator: return [entry('/workbench', '机构总览', 'workbench')];
    default: return [];
  }
}

/** 备案: organizations apply, reviewers receive (备案受理), inspectors follow; everyone reads the public directory. */
function filingOf(role: string): (MenuEntry | false)[] {
  switch (role) {
    case Roles.organization: return [entry('/applications', '备案申请', 'applications'), filings, directory];
    case Roles.reviewer: return [entry('/applications', '备案受理', 'applications'), filings, directory];
    case Roles.inspector: return [entry('/applications', '备案申请', 'applications'), filings, directory];
    default: return [directory];
  }
}

/**
 * The side menu of a signed-in user, grouped by task; a role sees only what it can use (the routes' RequireRole agree).
 * Groups without entries are left out: experts have no 认定批次, only auditors have 监管, only administrators and auditors 系统管理.
 */
export function menuFor(role: string | undefined, context: MenuContext = {}): MenuGroup[] {
  if (!role) return [];
  const runsBatches = batchRoles.includes(role);
  const watchesRanges = ([Roles.reviewer, Roles.inspector, Roles.auditor] as string[]).includes(role) && !!context.rangesInUse;
  const groups = [
    group('work', '工作台', [home, ...workOf(role)]),
    group('filing', '备案', filingOf(role)),
    group('batches', '认定批次', [runsBatches && batches]),
    group('certificates', '证书', [runsBatches && certificates, watchesRanges && numberRanges, verify, cases]),
    group('notices', '公示公告', [notices, policies, calendar]),
    // AUD-04, AUD-01: who read personal data in full and why, each person's recorded actions — for auditors
    group('supervision', '监管', role === Roles.auditor
      ? [entry('/audit/personal-data-reads', '个人信息查阅记录', 'reads'), entry('/audit/activity', '人员操作统计', 'activity')]
      : []),
    group('system', '系统管理', systemOf(role)),
  ];
  return groups.filter((g) => g.entries.length > 0);
}

function systemOf(role: string): MenuEntry[] {
  if (role === Roles.auditor) return [entry('/admin/accounts', '账号（只读）', 'accounts')];
  if (role !== Roles.administrator) return [];
  return [entry('/admin/accounts', '账号管理', 'accounts'), entry('/admin/occupations', '职业目录', 'occupations'),
    entry('/admin/api-clients', '第三方系统', 'apiClients'), entry('/calendar/load', '节假日安排', 'calendarLoad')];
}

/** Every entry of the groups, in order. */
export const entriesOf = (groups: MenuGroup[]): MenuEntry[] => groups.flatMap((g) => g.entries);

/** The entry a path belongs to: the longest entry key the path starts with (the home page only for itself). */
export function selectedKey(entries: MenuEntry[], pathname: string): string | undefined {
  const matches = entries.map((e) => e.key).filter((k) => (k === '/' ? pathname === '/' : pathname === k || pathname.startsWith(`${k}/`)));
  return matches.sort((a, b) => b.length - a.length)[0];
}
