import { describe, expect, it } from 'vitest';
import { homeFor, Roles } from './roles';

// the navigation each role sees is tested in layout/menu.test.ts
describe('role homes', () => {
  it('lands each role on its home', () => {
    expect(homeFor(Roles.reviewer)).toBe('/workbench');
    expect(homeFor(Roles.inspector)).toBe('/workbench');
    expect(homeFor(Roles.expert)).toBe('/assignments');
    expect(homeFor(Roles.organization)).toBe('/organization');
    expect(homeFor(Roles.administrator)).toBe('/admin/accounts');
  });
});
