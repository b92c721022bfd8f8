import { describe, expect, it } from 'vitest';
import {
  batchDeadline, blockingByStep, candidateFieldErrors, residentIdCheckCharacter, residentIdProblem, rowErrorsByCandidate, rulesByLine, stepOf,
} from './batches';

const rule = (ruleId: string, code: string, target?: string) => ({ ruleId, code, message: `${ruleId} ${code}`, inPrinciple: false, target });

describe('where a refused rule belongs', () => {
  it('groups rules by the plan line their target points at', () => {
    const rules = [
      rule('BAT-03', 'batch.occupation-not-filed', '/occupations/1'),
      rule('FIL-23', 'batch.site-outside-territory', '/sites/0'),
      rule('FIL-22', 'batch.pilot-outside-registration-city', '/sites/0'),
      rule('BAT-01', 'batch.no-exam-days'),
    ];
    expect([...rulesByLine(rules, 'occupations').keys()]).toEqual([1]);
    expect(rulesByLine(rules, 'sites').get(0)?.map((r) => r.ruleId)).toEqual(['FIL-23', 'FIL-22']);
    expect(rulesByLine(rules, 'candidates').size).toBe(0);
    // "/occupations/10" is line 10, not line 1
    expect([...rulesByLine([rule('BAT-03', 'x', '/occupations/10')], 'occupations').keys()]).toEqual([10]);
  });

  it('puts each blocking rule in the draft step that fixes it', () => {
    expect(stepOf(rule('BAT-01', 'batch.no-sites'))).toBe('plan');
    expect(stepOf(rule('BAT-10', 'batch.fee-standard-missing'))).toBe('plan');
    expect(stepOf(rule('BAT-01', 'batch.plan-too-late'))).toBe('plan');
    expect(stepOf(rule('BAT-01', 'batch.staff-missing'))).toBe('staff');
    expect(stepOf(rule('BAT-05', 'batch.no-qualified-examiner'))).toBe('staff');
    expect(stepOf(rule('BAT-01', 'batch.no-candidates'))).toBe('candidates');
    expect(stepOf(rule('BAT-09', 'batch.candidate-outside-plan', '/candidates/3'))).toBe('candidates');
    expect(stepOf(rule('BAT-03', 'batch.filing-not-active'))).toBe('file');
    // a calendar year not loaded is fixed by whoever loads the year (WORKDAYS), not in the plan: no 去计划 link
    expect(stepOf(rule('WORKDAYS', 'calendar.year-not-loaded'))).toBe('file');
    expect(blockingByStep([rule('BAT-01', 'batch.no-sites'), rule('BAT-01', 'batch.staff-missing'), rule('BAT-01', 'batch.staff-missing')]))
      .toEqual({ plan: 1, staff: 2, candidates: 0, file: 0 });
  });

  it('puts a refused candidate’s row errors on the form fields of their columns', () => {
    expect(candidateFieldErrors([
      { row: 1, column: '证件号码', ruleId: 'BAT-09', message: '校验位错误' },
      { row: 1, column: '职业技能等级', ruleId: 'BAT-09', message: '等级无效' },
      { row: 1, column: '职业名称', ruleId: 'BAT-09', message: '不在计划中' },
      { row: 1, column: '未知列', ruleId: 'BAT-09', message: '—' },
    ])).toEqual([
      { name: 'documentNumber', errors: ['校验位错误'] },
      { name: 'occupation', errors: ['等级无效', '不在计划中'] },
    ]);
  });

  it('finds the candidate of a results row by its position in the list sent', () => {
    const byCandidate = rowErrorsByCandidate([{ row: 2, column: '理论知识', message: '请填写' }, { row: 9, message: '?' }], ['a', 'b']);
    expect([...byCandidate]).toEqual([['b', ['请填写']]]);
  });
});

describe('resident identity numbers (GB 11643)', () => {
  it('computes the check character', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('34020219900307123')).toBe(residentIdCheckCharacter('34020219900307123'));
  });

  it('accepts a valid number (a lower-case x too) and names what is wrong with others', () => {
    expect(residentIdProblem('11010519491231002X')).toBeNull();
    expect(residentIdProblem('11010519491231002x')).toBeNull();
    expect(residentIdProblem('110105194912310021')).toBe('居民身份证号码校验位错误：第18位应为“X”，实际为“1”。');
    expect(residentIdProblem('1101051949')).toBe('居民身份证号码应为18位，实际为10位。');
    expect(residentIdProblem('11010A19491231002X')).toBe('居民身份证号码第6位应为数字。');
    expect(residentIdProblem('110105194902310020')).toBe('居民身份证号码中的出生日期“19490231”无效。');
    const future = `110105${'20990101'}001`;
    expect(residentIdProblem(future + residentIdCheckCharacter(future), '2026-11-24')).toBe('居民身份证号码中的出生日期“20990101”不在合理范围内。');
  });
});

describe('the date a batch runs against', () => {
  const today = '2026-11-24';
  it('shows the exam day of a filed batch, the end of its publicity, then the report deadline', () => {
    expect(batchDeadline({ status: 'Filed', firstExamDay: '2026-12-15' }, today)).toEqual({ label: '认定日', text: '2026-12-15（还有21天）', color: 'blue' });
    expect(batchDeadline({ status: 'InPublicity', publicityEnd: '2026-12-21' }, today)?.text).toBe('2026-12-21');
    expect(batchDeadline({ status: 'Publicized', reportDueOn: '2026-12-10' }, today))
      .toEqual({ label: '结果报备', text: '应于2026-12-10前（还有16天）', color: 'green' });
    expect(batchDeadline({ status: 'Publicized', reportDueOn: '2026-11-26' }, today)?.color).toBe('orange');
    expect(batchDeadline({ status: 'Publicized', reportDueOn: '2026-11-20' }, today))
      .toEqual({ label: '结果报备', text: '已逾期4天（应于2026-11-20前）', color: 'red' });
  });

  it('counts no days down to the exam of a suspended batch, which cannot take place until it is resumed (issue 18 item 6)', () => {
    expect(batchDeadline({ status: 'Suspended', firstExamDay: '2026-12-15' }, today))
      .toEqual({ label: '已暂停', text: '认定日2026-12-15须待批次恢复后举行', color: 'red' });
  });

  it('shows none for a draft, a reported or a finished batch', () => {
    for (const status of ['Draft', 'Reported', 'Accepted', 'ResultsRecorded']) {
      expect(batchDeadline({ status, firstExamDay: '2026-12-15', reportDueOn: '2026-12-10' }, today)).toBeNull();
    }
  });
});
