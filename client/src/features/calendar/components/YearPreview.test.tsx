import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { YearPreview } from './YearPreview';
import { draftProblems, parseEntries } from '../yearDraft';

describe('the year preview before loading a calendar year (载入节假日安排)', () => {
  afterEach(cleanup);

  it('reads pasted ranges and single days in the forms a notice is copied in', () => {
    const off = parseEntries('2027-01-01..2027-01-03\n2027年2月6日至2027年2月8日；2027/4/5, 2027-04-05');
    expect(off.errors).toEqual([]);
    expect(off.entries).toEqual(['2027-01-01..2027-01-03', '2027-02-06..2027-02-08', '2027-04-05', '2027-04-05']);
    expect(off.days).toEqual(['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05']);
    expect(parseEntries('2027-02-30\n2027-03-05..2027-03-01').errors).toEqual([
      '“2027-02-30”不是日期或日期区间（如 2027-01-01 或 2027-01-01..2027-01-03）',
      '“2027-03-05..2027-03-01”的结束日期早于开始日期',
    ]);
  });

  it('names make-up days on weekdays, days both off and worked, and days outside the year', () => {
    const off = parseEntries('2027-01-01..2027-01-03\n2028-03-01');
    const work = parseEntries('2027-01-04\n2027-01-02\n2026-12-26');
    expect(draftProblems(2027, off, work)).toEqual([
      '调休上班日 2026-12-26 不属于2027年',
      '2027-01-02 同时列为放假和上班',
      '调休上班日 2027-01-04 不是周六或周日',
      '放假日 2028-03-01 不属于2027年',
    ]);
  });

  it('shows twelve months, Monday first, marking holidays and make-up working days', () => {
    render(<YearPreview year={2027} off={['2027-01-01', '2027-01-02', '2027-01-03']} work={['2027-02-20']} />);
    const preview = screen.getByTestId('year-preview');
    expect(within(preview).getAllByTestId(/^month-/)).toHaveLength(12);
    const january = screen.getByTestId('month-1');
    // 2027-01-01 is a Friday: four empty cells before it after the 一…日 header
    const newYear = within(january).getByLabelText('2027-01-01 放假');
    expect(newYear.getAttribute('data-kind')).toBe('off');
    expect([...newYear.parentElement!.children].indexOf(newYear)).toBe(7 + 4);
    expect(within(january).getByLabelText('2027-01-03 放假')).toBeTruthy();
    expect(within(january).getByLabelText('2027-01-04 工作日')).toBeTruthy();
    expect(within(january).getByLabelText('2027-01-09 周末休息')).toBeTruthy();
    expect(within(screen.getByTestId('month-2')).getByLabelText('2027-02-20 调休上班').getAttribute('data-kind')).toBe('work');
    expect(within(screen.getByTestId('month-2')).queryByLabelText(/2027-02-29/)).toBeNull();
    expect(within(screen.getByTestId('month-12')).getByLabelText('2027-12-31 工作日')).toBeTruthy();
    expect(screen.getByText('放假 3 天（含周末）')).toBeTruthy();
    expect(screen.getByText('调休上班 1 天')).toBeTruthy();
  });

  it('shows a holiday that spills into the year before as such', () => {
    render(<YearPreview year={2023} off={['2022-12-31', '2023-01-01', '2023-01-02']} work={[]} />);
    expect(screen.getByText('跨年放假：2022-12-31')).toBeTruthy();
    expect(screen.getByText('放假 2 天（含周末）')).toBeTruthy();
  });
});
