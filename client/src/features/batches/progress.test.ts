import { describe, expect, it } from 'vitest';
import { batchProgress, outcomeText, progressSteps } from './progress';

const result = (passed: boolean, absent = false) => ({ candidateId: 'x', passed, absent, scores: [] });
const candidate = (r?: ReturnType<typeof result>) =>
  ({
    id: 'c', name: '张*', documentType: 201, documentNumber: '3402**', employer: '奇瑞', occupation: '电工', level: 4, cityName: '芜湖市',
    hasPhoto: false, result: r,
  });

const base = {
  examDays: ['2026-12-15'], planDeadline: '2026-12-01', publicityEnd: '2026-12-28', reportDueOn: '2027-01-12',
  receivingAuthorityName: '芜湖市职业技能鉴定指导中心', candidates: [] as ReturnType<typeof candidate>[],
};

describe('a batch’s progress (issue 18 item 5)', () => {
  it('counts every outcome: 合格, 不合格 and 缺考', () => {
    const candidates = [
      ...Array.from({ length: 6 }, () => candidate(result(true))), candidate(result(false)), candidate(result(false, true)),
    ];
    expect(outcomeText({ candidates })).toBe('8 人（合格 6，不合格 1，缺考 1）');
    expect(outcomeText({ candidates: [candidate(), candidate()] })).toBe('2 人');
  });

  it('walks the eight steps, saying what comes next and who acts', () => {
    expect(progressSteps).toEqual(['计划', '报备', '考试', '成绩', '公示', '报告', '验收', '发证']);
    const at = (status: string, today = '2026-12-01') => batchProgress({ ...base, status } as never, today);
    expect(at('Draft')).toEqual({ current: 0, state: 'process', next: '评价机构完善认定计划、人员和考生后报备（最迟 2026-12-01）' });
    expect(at('Filed').current).toBe(2);
    expect(at('Filed', '2026-12-16')).toMatchObject({ current: 3, next: '评价机构录入全部考生的成绩（缺考也须记录）' });
    expect(at('InPublicity').next).toContain('至 2026-12-28');
    expect(at('Publicized').next).toContain('应于 2027-01-12 前');
    expect(at('Reported').next).toBe('芜湖市职业技能鉴定指导中心审核认定结果，通过或退回');
    expect(at('Accepted')).toMatchObject({ current: 7, state: 'finish' });
  });

  it('marks a suspended batch on the step it stopped at, with the way out', () => {
    const before = batchProgress({ ...base, status: 'Suspended' } as never, '2026-12-10');
    expect(before).toMatchObject({ current: 2, state: 'error' });
    expect(before.next).toContain('提交整改报告');
    const scored = batchProgress({ ...base, status: 'Suspended', candidates: [candidate(result(true))] } as never, '2026-12-20');
    expect(scored.current).toBe(3);
  });
});
