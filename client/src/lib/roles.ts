/** Roles as the API names them (Assessment.SharedKernel.Events.Roles). */
export const Roles = {
  organization: 'organization',
  reviewer: 'reviewer',
  expert: 'expert',
  inspector: 'inspector',
  auditor: 'auditor',
  administrator: 'administrator',
  apiClient: 'api-client',
} as const;

export type Role = (typeof Roles)[keyof typeof Roles];

export interface NavItem {
  key: string;
  label: string;
}

const publicItems: NavItem[] = [
  { key: '/', label: '首页' },
  { key: '/notices', label: '公示公告' },
  { key: '/directory', label: '机构目录' },
  { key: '/policies', label: '辖区政策' },
  { key: '/calendar', label: '工作日查询' },
  { key: '/verify', label: '证书查询' },
  { key: '/cases', label: '进度查询' },
];

/** Certification batches (认定批次): organizations run them, authorities receive and supervise them; experts have no part. */
const batches: NavItem = { key: '/batches', label: '认定批次' };

/** Certificates (CRT-01 … CRT-05): the same people as batches. */
const certificates: NavItem = { key: '/certificates', label: '证书管理' };

/** Certificate number ranges (CRT-01 [AH]): the authorities allocate and watch them; auditors read them. */
const numberRanges: NavItem = { key: '/certificate-ranges', label: '证书号段' };

/** AUD-04: who read personal data in full, when, why and what — for auditors. */
const personalDataReads: NavItem = { key: '/audit/personal-data-reads', label: '个人信息查阅记录' };

/** AUD-01: each person's recorded actions per day — for auditors. */
const activity: NavItem = { key: '/audit/activity', label: '人员操作统计' };

/** The roles that open the number ranges page. */
export const numberRangeRoles: string[] = [Roles.reviewer, Roles.inspector, Roles.auditor, Roles.administrator];

/** The roles that see batches (the menu entry and the pages). */
export const batchRoles: string[] = [Roles.organization, Roles.reviewer, Roles.inspector, Roles.auditor, Roles.administrator];

/** The navigation a role sees; the public items come first for everyone. */
export function navigationFor(role: string | undefined): NavItem[] {
  switch (role) {
    case Roles.organization:
      return [
        ...publicItems, { key: '/organization', label: '本机构' }, { key: '/applications', label: '备案申请' }, { key: '/filings', label: '备案管理' },
        batches, certificates,
      ];
    case Roles.reviewer:
      return [
        ...publicItems, { key: '/workbench', label: '审核工作台' }, { key: '/applications', label: '备案受理' }, { key: '/filings', label: '备案管理' },
        batches, certificates, numberRanges,
      ];
    case Roles.inspector:
      return [
        ...publicItems, { key: '/workbench', label: '督查工作台' }, { key: '/applications', label: '备案申请' }, { key: '/filings', label: '备案管理' },
        batches, certificates, numberRanges,
      ];
    case Roles.expert:
      return [...publicItems, { key: '/assignments', label: '我的评估任务' }];
    case Roles.auditor:
      return [...publicItems, { key: '/workbench', label: '机构总览' }, batches, certificates, numberRanges, personalDataReads, activity,
        { key: '/admin/accounts', label: '账号（只读）' }];
    case Roles.administrator:
      return [
        ...publicItems, { key: '/workbench', label: '机构总览' }, batches, certificates,
        { key: '/admin/accounts', label: '账号管理' }, { key: '/admin/occupations', label: '职业目录' }, { key: '/admin/api-clients', label: '第三方系统' },
        { key: '/calendar/load', label: '节假日安排' },
      ];
    default:
      return publicItems;
  }
}

/** The page a user lands on after signing in. */
export function homeFor(role: string | undefined): string {
  switch (role) {
    case Roles.organization:
      return '/organization';
    case Roles.administrator:
      return '/admin/accounts';
    case Roles.expert:
      return '/assignments';
    case undefined:
      return '/';
    default:
      return '/workbench';
  }
}
