import { describe, expect, it } from 'vitest';
import { entriesOf, menuFor, publicEntries, selectedKey, type MenuContext } from './menu';
import { Roles } from '../lib/roles';

/** Each group's title with the labels of its entries, as the side menu shows them. */
const shown = (role: string | undefined, context: MenuContext = {}) =>
  Object.fromEntries(menuFor(role, context).map((g) => [g.label, g.entries.map((e) => e.label)]));
const keys = (role: string | undefined, context: MenuContext = {}) => entriesOf(menuFor(role, context)).map((e) => e.key);
const publicGroups = { 公示公告: ['公示公告', '辖区政策', '工作日查询'] };

describe('the side menu by role', () => {
  it('keeps the public’s top bar as it was, and gives the public no side menu', () => {
    expect(publicEntries.map((e) => e.label)).toEqual(['首页', '公示公告', '机构目录', '辖区政策', '工作日查询', '证书查询', '进度查询']);
    expect(menuFor(undefined)).toEqual([]);
  });

  it('gives an organization its own page, its applications and filings, batches and certificates, and no number ranges', () => {
    expect(shown(Roles.organization, { rangesInUse: true })).toEqual({
      工作台: ['首页', '本机构'],
      备案: ['备案申请', '备案管理', '机构目录'],
      认定批次: ['认定批次'],
      证书: ['证书管理', '证书查询', '进度查询'],
      ...publicGroups,
    });
  });

  it('gives an Anhui reviewer the number ranges its provincial center allocates (CRT-01 [AH])', () => {
    expect(shown(Roles.reviewer, { rangesInUse: true })).toEqual({
      工作台: ['首页', '审核工作台'],
      备案: ['备案受理', '备案管理', '机构目录'],
      认定批次: ['认定批次'],
      证书: ['证书管理', '证书号段', '证书查询', '进度查询'],
      ...publicGroups,
    });
  });

  it('gives a Guangxi reviewer no number ranges entry: its page would only say 不分配号段', () => {
    expect(shown(Roles.reviewer, { rangesInUse: false }).证书).toEqual(['证书管理', '证书查询', '进度查询']);
    // nor while the policy is still loading
    expect(keys(Roles.reviewer)).not.toContain('/certificate-ranges');
    expect(keys(Roles.reviewer, { rangesInUse: false })).toEqual(expect.arrayContaining(['/workbench', '/applications', '/batches']));
  });

  it('gives an expert its assignments and the public pages, no batches, certificates or workbench', () => {
    expect(shown(Roles.expert, { rangesInUse: true })).toEqual({
      工作台: ['首页', '我的评估任务'],
      备案: ['机构目录'],
      证书: ['证书查询', '进度查询'],
      ...publicGroups,
    });
  });

  it('gives an inspector the supervising workbench, filings, batches and certificates, ranges where its jurisdiction uses them', () => {
    expect(shown(Roles.inspector, { rangesInUse: true })).toEqual({
      工作台: ['首页', '督查工作台'],
      备案: ['备案申请', '备案管理', '机构目录'],
      认定批次: ['认定批次'],
      证书: ['证书管理', '证书号段', '证书查询', '进度查询'],
      ...publicGroups,
    });
    expect(keys(Roles.inspector, { rangesInUse: false })).not.toContain('/certificate-ranges');
  });

  it('gives the auditor the overview, the read log and activity count under 监管, and the accounts read-only (AUD-01, AUD-04)', () => {
    expect(shown(Roles.auditor, { rangesInUse: true })).toEqual({
      工作台: ['首页', '机构总览'],
      备案: ['机构目录'],
      认定批次: ['认定批次'],
      证书: ['证书管理', '证书号段', '证书查询', '进度查询'],
      ...publicGroups,
      监管: ['个人信息查阅记录', '人员操作统计'],
      系统管理: ['账号（只读）'],
    });
  });

  it('gives the administrator accounts, the occupation catalog, API clients and the yearly holidays under 系统管理', () => {
    expect(shown(Roles.administrator, { rangesInUse: true })).toEqual({
      工作台: ['首页', '机构总览'],
      备案: ['机构目录'],
      认定批次: ['认定批次'],
      证书: ['证书管理', '证书查询', '进度查询'],
      ...publicGroups,
      系统管理: ['账号管理', '职业目录', '第三方系统', '节假日安排'],
    });
    expect(keys(Roles.administrator)).toEqual(expect.arrayContaining(['/admin/accounts', '/admin/occupations', '/admin/api-clients']));
  });

  it('orders the groups by task and shows only the audit pages and administration to whom they belong', () => {
    expect(menuFor(Roles.auditor, { rangesInUse: true }).map((g) => g.label)).toEqual(['工作台', '备案', '认定批次', '证书', '公示公告', '监管', '系统管理']);
    for (const role of [Roles.organization, Roles.reviewer, Roles.inspector, Roles.expert, Roles.administrator]) {
      expect(keys(role, { rangesInUse: true })).not.toContain('/audit/personal-data-reads');
      expect(keys(role, { rangesInUse: true })).not.toContain('/audit/activity');
    }
    for (const role of [Roles.organization, Roles.reviewer, Roles.inspector, Roles.expert]) {
      expect(keys(role, { rangesInUse: true }).filter((k) => k.startsWith('/admin'))).toEqual([]);
    }
  });

  it('marks the entry a page belongs to: the longest key, the home page only for itself', () => {
    const entries = entriesOf(menuFor(Roles.reviewer, { rangesInUse: true }));
    expect(selectedKey(entries, '/')).toBe('/');
    expect(selectedKey(entries, '/filings/f1/receipt')).toBe('/filings');
    expect(selectedKey(entries, '/certificate-ranges')).toBe('/certificate-ranges');
    expect(selectedKey(entries, '/certificates')).toBe('/certificates');
    expect(selectedKey(entries, '/account')).toBeUndefined();
  });
});
