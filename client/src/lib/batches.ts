import dayjs from 'dayjs';
import type { RowError, RuleViolation } from '../api/problem';

/**
 * Helpers of the certification batch pages (认定批次): where a refused rule or row belongs on the page, resident identity
 * numbers as GB 11643 checks them, and the deadline a batch runs against now.
 */

/** The rules that point at lines of one section ("/occupations/1", "/sites/0", "/candidates/3"), by line index. */
export function rulesByLine(rules: readonly RuleViolation[], section: string): Map<number, RuleViolation[]> {
  const lines = new Map<number, RuleViolation[]>();
  const pattern = new RegExp(`^/${section}/(\\d+)(?:/|$)`);
  for (const rule of rules) {
    const match = pattern.exec(rule.target ?? '');
    if (!match) continue;
    const index = Number(match[1]);
    lines.set(index, [...(lines.get(index) ?? []), rule]);
  }
  return lines;
}

/** The draft's steps, in the order they are done: plan, staff, candidates, then filing. */
export type DraftStep = 'plan' | 'staff' | 'candidates' | 'file';

export const draftSteps: DraftStep[] = ['plan', 'staff', 'candidates', 'file'];

/** The step of the draft where a rule that blocks filing is fixed. */
export function stepOf(rule: RuleViolation): DraftStep {
  const target = rule.target ?? '';
  if (target.startsWith('/candidates/') || rule.code === 'batch.no-candidates' || rule.code.startsWith('batch.candidate')) return 'candidates';
  if (rule.ruleId === 'BAT-05' || rule.code === 'batch.staff-missing') return 'staff';
  // the filing itself (suspended, cancelled …) cannot be fixed in the batch; nor a calendar year not loaded yet (WORKDAYS: the
  // administrator or the regional reviewer loads it, as the message says)
  if (rule.code === 'batch.filing-not-active' || rule.code === 'batch.filing-unknown' || rule.code === 'calendar.year-not-loaded') return 'file';
  return 'plan';
}

/** How many blocking rules each step still has. */
export function blockingByStep(rules: readonly RuleViolation[]): Record<DraftStep, number> {
  const counts: Record<DraftStep, number> = { plan: 0, staff: 0, candidates: 0, file: 0 };
  for (const rule of rules) counts[stepOf(rule)]++;
  return counts;
}

/** The candidate form's field for a column the server names in a row error (the import template's columns). */
const candidateColumns: Record<string, string> = {
  姓名: 'name',
  证件类型: 'documentType',
  证件号码: 'documentNumber',
  所在单位: 'employer',
  职业名称: 'occupation',
  职业技能等级: 'occupation',
  考生所在地市: 'city',
  联系电话: 'phone',
};

/** A refused candidate's row errors as form field errors (several errors of one field are kept together). */
export function candidateFieldErrors(rows: readonly RowError[]): { name: string; errors: string[] }[] {
  const fields = new Map<string, string[]>();
  for (const row of rows) {
    const name = candidateColumns[row.column ?? row.field ?? ''];
    if (!name) continue;
    fields.set(name, [...(fields.get(name) ?? []), row.message]);
  }
  return [...fields].map(([name, errors]) => ({ name, errors }));
}

/** Row errors of entered results (row = position in the list sent, from 1) by the candidate they concern. */
export function rowErrorsByCandidate(rows: readonly RowError[], sentCandidateIds: readonly string[]): Map<string, string[]> {
  const byCandidate = new Map<string, string[]>();
  for (const row of rows) {
    const id = sentCandidateIds[row.row - 1];
    if (!id) continue;
    byCandidate.set(id, [...(byCandidate.get(id) ?? []), row.message]);
  }
  return byCandidate;
}

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkCharacters = '10X98765432';

/** The GB 11643 check character of the first 17 digits of a resident identity number. */
export function residentIdCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i], 0);
  return checkCharacters[sum % 11];
}

/** What is wrong with a resident identity number (居民身份证, type 201), as the server would say it; null when it is valid. */
export function residentIdProblem(input: string, today: string = dayjs().format('YYYY-MM-DD')): string | null {
  const text = input.trim().toUpperCase();
  if (text.length !== 18) return `居民身份证号码应为18位，实际为${text.length}位。`;
  const nonDigit = [...text.slice(0, 17)].findIndex((c) => c < '0' || c > '9');
  if (nonDigit >= 0) return `居民身份证号码第${nonDigit + 1}位应为数字。`;
  const birth = text.slice(6, 14);
  // dayjs rolls an impossible date over (0231 → 0303): a date that does not read back the same is invalid
  const date = dayjs(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`);
  const valid = date.isValid() && date.format('YYYYMMDD') === birth;
  if (!valid) return `居民身份证号码中的出生日期“${birth}”无效。`;
  if (date.year() < 1900 || date.format('YYYY-MM-DD') > today) return `居民身份证号码中的出生日期“${birth}”不在合理范围内。`;
  const expected = residentIdCheckCharacter(text.slice(0, 17));
  if (text[17] !== expected) return `居民身份证号码校验位错误：第18位应为“${expected}”，实际为“${text[17]}”。`;
  return null;
}

/** The date a batch runs against now, for a tag: its exam day, the end of its publicity, or the report deadline (BAT-07). */
export interface BatchDeadline {
  label: string;
  text: string;
  /** red: past; orange: three days or less; green: more; blue: a date that is no deadline (the exam day). */
  color: 'red' | 'orange' | 'green' | 'blue';
}

export interface BatchDates {
  status: string;
  firstExamDay?: string | null;
  examDays?: string[];
  publicityEnd?: string | null;
  reportDueOn?: string | null;
}

/** Calendar days from today to a date (negative once it has passed). */
const daysUntil = (date: string, today: string) => dayjs(date).startOf('day').diff(dayjs(today).startOf('day'), 'day');

export function batchDeadline(b: BatchDates, today: string = dayjs().format('YYYY-MM-DD')): BatchDeadline | null {
  const examDay = b.firstExamDay ?? b.examDays?.[0] ?? null;
  switch (b.status) {
    case 'Suspended':
      // no countdown to an exam that cannot take place while the batch is suspended (issue 18 item 6)
      return examDay ? { label: '已暂停', text: `认定日${examDay}须待批次恢复后举行`, color: 'red' } : null;
    case 'Filed': {
      if (!examDay) return null;
      const days = daysUntil(examDay, today);
      return { label: '认定日', text: days > 0 ? `${examDay}（还有${days}天）` : days === 0 ? `${examDay}（今天）` : examDay, color: 'blue' };
    }
    case 'InPublicity': {
      if (!b.publicityEnd) return null;
      const days = daysUntil(b.publicityEnd, today);
      return { label: '公示截止', text: b.publicityEnd, color: days < 0 ? 'green' : 'blue' };
    }
    case 'Publicized': {
      if (!b.reportDueOn) return null;
      const days = daysUntil(b.reportDueOn, today);
      if (days < 0) return { label: '结果报备', text: `已逾期${-days}天（应于${b.reportDueOn}前）`, color: 'red' };
      return { label: '结果报备', text: `应于${b.reportDueOn}前（还有${days}天）`, color: days <= 3 ? 'orange' : 'green' };
    }
    default:
      return null;
  }
}
