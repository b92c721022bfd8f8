import { describe, expect, it } from 'vitest';
import { homeFor, navigationFor, Roles } from './roles';

describe('role-aware navigation', () => {
  it('shows the public only public pages', () => {
    expect(navigationFor(undefined).map((i) => i.key)).toEqual(['/', '/notices', '/directory', '/policies', '/calendar']);
  });

  it('gives reviewers their workbench and no administration', () => {
    const keys = navigationFor(Roles.reviewer).map((i) => i.key);
    expect(keys).toContain('/workbench');
    expect(keys).not.toContain('/admin/accounts');
  });

  it('gives organizations their own page only', () => {
    const keys = navigationFor(Roles.organization).map((i) => i.key);
    expect(keys).toContain('/organization');
    expect(keys).not.toContain('/workbench');
  });

  it('gives administrators account and API client management', () => {
    expect(navigationFor(Roles.administrator).map((i) => i.key)).toEqual(expect.arrayContaining(['/admin/accounts', '/admin/api-clients']));
  });

  it('lands each role on its home', () => {
    expect(homeFor(Roles.reviewer)).toBe('/workbench');
    expect(homeFor(Roles.inspector)).toBe('/workbench');
    expect(homeFor(Roles.organization)).toBe('/organization');
    expect(homeFor(Roles.administrator)).toBe('/admin/accounts');
  });
});

describe('filing labels', () => {
  it('names a level range from the lowest to the highest level', async () => {
    const { levelRange } = await import('./roles');
    expect(levelRange(3, 5)).toBe('五级/初级工 至 三级/高级工');
  });

  it('shows the public directory to everyone and the catalog import to administrators only', async () => {
    const { navigationFor: nav } = await import('./roles');
    expect(nav(undefined).map((i) => i.key)).toContain('/directory');
    expect(nav('administrator').map((i) => i.key)).toContain('/admin/occupations');
    expect(nav('reviewer').map((i) => i.key)).not.toContain('/admin/occupations');
  });
});
