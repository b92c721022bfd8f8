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
];

/** The navigation a role sees; the public items come first for everyone. */
export function navigationFor(role: string | undefined): NavItem[] {
  switch (role) {
    case Roles.organization:
      return [...publicItems, { key: '/organization', label: '本机构' }, { key: '/applications', label: '备案申请' }, { key: '/filings', label: '备案管理' }];
    case Roles.reviewer:
    case Roles.inspector:
      return [...publicItems, { key: '/workbench', label: '审核工作台' }, { key: '/applications', label: '备案受理' }, { key: '/filings', label: '备案管理' }];
    case Roles.expert:
      return [...publicItems, { key: '/workbench', label: '审核工作台' }, { key: '/applications', label: '技术评估' }];
    case Roles.auditor:
      return [...publicItems, { key: '/workbench', label: '机构总览' }, { key: '/admin/accounts', label: '账号（只读）' }];
    case Roles.administrator:
      return [...publicItems, { key: '/workbench', label: '机构总览' }, { key: '/admin/accounts', label: '账号管理' }, { key: '/admin/occupations', label: '职业目录' }, { key: '/admin/api-clients', label: '第三方系统' }];
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
    case undefined:
      return '/';
    default:
      return '/workbench';
  }
}

export const natureNames: Record<string, string> = {
  Enterprise: '企业',
  PrivateNonEnterprise: '民办非企业单位',
  IndustryAssociation: '行业协会',
  ResearchInstitute: '科研院所',
  TechnicalSchool: '技工院校',
  Other: '其他',
};

export const categoryNames: Record<string, string> = {
  Y: 'Y 用人单位',
  S: 'S 社会培训评价组织',
};

export const noticeKindNames: Record<string, string> = {
  FilingPublicity: '备案公示',
  BatchAnnouncement: '评价认定公告',
  ResultsPublicity: '认定结果公示',
  DirectoryChange: '目录变动',
  SupervisionResult: '监管结果',
  General: '通知公告',
};

export const noticeStatusNames: Record<string, { text: string; color: string }> = {
  Open: { text: '公示中', color: 'green' },
  Closed: { text: '已结束', color: 'default' },
  Withdrawn: { text: '已撤回', color: 'red' },
};

export const filingStatusNames: Record<string, { text: string; color: string }> = {
  Active: { text: '有效', color: 'green' },
  Suspended: { text: '暂停', color: 'orange' },
  Cancelled: { text: '注销', color: 'red' },
  Expired: { text: '过期', color: 'default' },
};

export const levelNames = ['一级/高级技师', '二级/技师', '三级/高级工', '四级/中级工', '五级/初级工'];

export const levelRange = (highest: number, lowest: number) => `${levelNames[lowest - 1]} 至 ${levelNames[highest - 1]}`;
