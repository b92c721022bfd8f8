import { describe, expect, it } from 'vitest';
import { termsOf } from './terms';
import { formatBytes, formatDateTime, isRuleId } from './format';

const lists = {
  skillLevels: [1, 2, 3, 4, 5].map((n) => ({ code: String(n), name: ['一级/高级技师', '二级/技师', '三级/高级工', '四级/中级工', '五级/初级工'][n - 1] })),
  serviceScopes: [{ code: 'anhui/city', name: '面向本市' }],
  applicationStatuses: [{ code: 'Draft', name: '草稿' }],
};

describe('terms from the server', () => {
  it('names codes, service scopes and level ranges', () => {
    const t = termsOf(lists);
    expect(t.name('applicationStatuses', 'Draft')).toBe('草稿');
    expect(t.scopeName('anhui', 'city')).toBe('面向本市');
    expect(t.levelRange(3, 5)).toBe('五级/初级工 至 三级/高级工');
    expect(t.options('applicationStatuses')).toEqual([{ value: 'Draft', label: '草稿' }]);
  });

  it('never shows a raw code: unknown codes become a dash, nothing while loading', () => {
    expect(termsOf(lists).name('applicationStatuses', 'Nope')).toBe('—');
    expect(termsOf(undefined).name('applicationStatuses', 'Draft')).toBe('');
  });
});

describe('formatting', () => {
  it('shows file sizes people read', () => {
    expect(formatBytes(193)).toBe('193 B');
    expect(formatBytes(874)).toBe('874 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });

  it('keeps the year in times', () => {
    expect(formatDateTime('2026-11-24T06:25:35Z')).toMatch(/^2026-11-24 \d{2}:\d{2}$/);
  });

  it('treats only the specification’s rule IDs as rules', () => {
    expect(isRuleId('FIL-06')).toBe(true);
    expect(isRuleId('BAT-01')).toBe(true);
    expect(isRuleId('WORKDAYS')).toBe(false);
    expect(isRuleId('NTC')).toBe(false);
    expect(isRuleId('AUTH')).toBe(false);
  });
});
