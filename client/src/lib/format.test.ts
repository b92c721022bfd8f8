import { describe, expect, it } from 'vitest';
import { isRuleId, occupationName } from './format';

describe('occupationName (issue 18 item 8)', () => {
  it('joins a work type in full-width brackets', () => {
    expect(occupationName('电工', '高压电工')).toBe('电工（高压电工）');
  });

  it('reads a plain occupation where there is no work type, never 电工（——）', () => {
    expect(occupationName('电工', '——')).toBe('电工');
    expect(occupationName('电工', null)).toBe('电工');
    expect(occupationName('电工', ' ')).toBe('电工');
  });
});

describe('isRuleId', () => {
  it('knows the specification\'s rule IDs from technical codes', () => {
    expect(isRuleId('BAT-09')).toBe(true);
    expect(isRuleId('WORKDAYS')).toBe(false);
  });
});
