import { describe, expect, it } from 'vitest';
import { homeFor, navigationFor, Roles } from './roles';

describe('role-aware navigation', () => {
  it('shows the public only public pages', () => {
    expect(navigationFor(undefined).map((i) => i.key)).toEqual(['/', '/notices', '/directory', '/policies', '/calendar', '/verify', '/cases']);
  });

  it('gives reviewers their workbench, the filing queue and filings, and no administration', () => {
    const keys = navigationFor(Roles.reviewer).map((i) => i.key);
    expect(keys).toEqual(expect.arrayContaining(['/workbench', '/applications', '/filings']));
    expect(keys).not.toContain('/admin/accounts');
  });

  it('gives organizations their own page only', () => {
    const keys = navigationFor(Roles.organization).map((i) => i.key);
    expect(keys).toContain('/organization');
    expect(keys).not.toContain('/workbench');
  });

  it('gives experts their assignments, not the reviewers’ workbench', () => {
    const keys = navigationFor(Roles.expert).map((i) => i.key);
    expect(keys).toContain('/assignments');
    expect(keys).not.toContain('/workbench');
  });

  it('gives administrators account and API client management', () => {
    expect(navigationFor(Roles.administrator).map((i) => i.key)).toEqual(expect.arrayContaining(['/admin/accounts', '/admin/api-clients']));
  });

  it('lands each role on its home', () => {
    expect(homeFor(Roles.reviewer)).toBe('/workbench');
    expect(homeFor(Roles.inspector)).toBe('/workbench');
    expect(homeFor(Roles.expert)).toBe('/assignments');
    expect(homeFor(Roles.organization)).toBe('/organization');
    expect(homeFor(Roles.administrator)).toBe('/admin/accounts');
  });

  it('shows the public directory to everyone and the catalog import to administrators only', () => {
    expect(navigationFor(undefined).map((i) => i.key)).toContain('/directory');
    expect(navigationFor('administrator').map((i) => i.key)).toContain('/admin/occupations');
    expect(navigationFor('reviewer').map((i) => i.key)).not.toContain('/admin/occupations');
  });

  it('shows certification batches to organizations and authorities, never to experts or the public', () => {
    for (const role of [Roles.organization, Roles.reviewer, Roles.inspector, Roles.auditor, Roles.administrator]) {
      expect(navigationFor(role).find((i) => i.key === '/batches')?.label).toBe('认定批次');
    }
    expect(navigationFor(Roles.expert).map((i) => i.key)).not.toContain('/batches');
    expect(navigationFor(undefined).map((i) => i.key)).not.toContain('/batches');
  });

  it('shows the certificate number ranges to the authorities and auditors, never to organizations, experts or the public', () => {
    for (const role of [Roles.reviewer, Roles.inspector, Roles.auditor]) {
      expect(navigationFor(role).find((i) => i.key === '/certificate-ranges')?.label).toBe('证书号段');
    }
    for (const role of [Roles.organization, Roles.expert, undefined])
      expect(navigationFor(role).map((i) => i.key)).not.toContain('/certificate-ranges');
  });

  it('gives auditors, and only them, the personal-data read log and the activity count', () => {
    expect(navigationFor(Roles.auditor).find((i) => i.key === '/audit/personal-data-reads')?.label).toBe('个人信息查阅记录');
    expect(navigationFor(Roles.auditor).find((i) => i.key === '/audit/activity')?.label).toBe('人员操作统计');
    for (const role of [Roles.organization, Roles.reviewer, Roles.inspector, Roles.expert, Roles.administrator, undefined]) {
      expect(navigationFor(role).map((i) => i.key)).not.toContain('/audit/personal-data-reads');
      expect(navigationFor(role).map((i) => i.key)).not.toContain('/audit/activity');
    }
  });
});
