import { describe, expect, it } from 'vitest';
import { ApiProblem, describeProblem } from './problem';

describe('describeProblem', () => {
  it('names every broken rule in Chinese, its ID a reference after the message', () => {
    const text = describeProblem(422, {
      title: '业务规则校验未通过',
      rules: [
        { ruleId: 'FIL-06', code: 'filing.experience.years', message: '连续培训评价年限不足5年。' },
        { ruleId: 'FIL-07', code: 'filing.level-cap', message: '面向本地市原则上申报三级（高级工）及以下等级。' },
      ],
    });
    expect(text).toBe('连续培训评价年限不足5年。（FIL-06）；面向本地市原则上申报三级（高级工）及以下等级。（FIL-07）');
  });

  it('does not present technical codes (WORKDAYS, AUTH) as rule numbers', () => {
    expect(describeProblem(422, { rules: [{ ruleId: 'WORKDAYS', code: 'calendar.out-of-range', message: '2030年的节假日安排尚未载入。' }] }))
      .toBe('2030年的节假日安排尚未载入。');
  });

  it('lists field errors when the request shape was wrong', () => {
    expect(describeProblem(400, { errors: { contactPhone: ['联系电话格式不正确。'], contactEmail: ['电子邮箱格式不正确。'] } }))
      .toBe('联系电话格式不正确。；电子邮箱格式不正确。');
  });

  it('falls back to the detail, then the title, then a message for the status', () => {
    expect(describeProblem(404, { detail: '机构不存在或您无权查看。', title: '未找到' })).toBe('机构不存在或您无权查看。');
    expect(describeProblem(409, { title: '数据冲突' })).toBe('数据冲突');
    expect(describeProblem(413, {})).toBe('提交的内容过大。');
    expect(describeProblem(418, {})).toBe('请求失败（418）。');
  });
});

describe('ApiProblem', () => {
  it('exposes status, rules and field errors', () => {
    const p = new ApiProblem(422, { rules: [{ ruleId: 'FIL-11', code: 'organization.credit-code-taken', message: '已被登记。' }] });
    expect(p.status).toBe(422);
    expect(p.rules.map((r) => r.ruleId)).toEqual(['FIL-11']);
    expect(p.fieldErrors).toEqual({});
    expect(p.message).toContain('FIL-11');
  });
});
