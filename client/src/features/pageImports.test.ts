import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * No page imports another page: what two pages share is a component of the feature (features/<feature>/components) or,
 * across features, of lib. Pages are the files in a features/<feature>/pages folder (their tests may render any page).
 */
const features = resolve(__dirname);

function pageFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pageFiles(path);
    const isPage = dir.split(/[\\/]/).pop() === 'pages' && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name);
    return isPage ? [path] : [];
  });
}

/** The modules a file imports: static imports, re-exports and dynamic imports. */
function importsOf(source: string): string[] {
  const pattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  return [...source.matchAll(pattern)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** Whether an import (relative to the importing file) reaches into a pages/ folder. */
function reachesPage(fromFile: string, specifier: string): boolean {
  const target = specifier.startsWith('.') ? resolve(dirname(fromFile), specifier) : specifier;
  return /(^|[\\/])pages([\\/]|$)/.test(target.startsWith(features) ? relative(features, target) : target);
}

describe('pages', () => {
  it('the check sees what it must refuse', () => {
    const page = join(features, 'filing', 'pages', 'AssignmentsPage.tsx');
    const source = `import { a } from './ApplicationsPage';\nimport { b } from '../components/B';`;
    expect(importsOf(source)).toEqual(['./ApplicationsPage', '../components/B']);
    expect(reachesPage(page, './ApplicationsPage')).toBe(true);
    expect(reachesPage(page, '../../batches/pages/BatchPage')).toBe(true);
    expect(reachesPage(page, '../components/AwaitingMe')).toBe(false);
    expect(reachesPage(page, '../../../lib/terms')).toBe(false);
  });

  it('no page imports another page', () => {
    const pages = pageFiles(features);
    expect(pages.length).toBeGreaterThan(20);
    const offending = pages.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8')).filter((s) => reachesPage(file, s)).map((s) => `${relative(features, file)} → ${s}`));
    expect(offending).toEqual([]);
  });
});
