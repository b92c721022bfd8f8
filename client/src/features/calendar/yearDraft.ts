import dayjs from 'dayjs';

/**
 * A year an administrator is about to load (POST /api/admin/calendar/{layerId}/years), as typed or pasted from the notice:
 * entries "2027-01-01" or "2027-01-01..2027-01-03" (also "至", "~", "—" between the two dates), separated by lines, commas or
 * semicolons. The server checks again; this only lets the month view show the year before it is confirmed.
 */
export interface YearDraft {
  /** The entries as the server takes them ("yyyy-MM-dd" or "yyyy-MM-dd..yyyy-MM-dd"). */
  entries: string[];
  /** Every day the entries cover, in order. */
  days: string[];
  /** What cannot be read, in Chinese. */
  errors: string[];
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function normalizeDate(text: string): string | null {
  const t = text.trim().replace(/[/.年月]/g, '-').replace(/日$/, '');
  const parts = t.split('-');
  if (parts.length !== 3) return null;
  const iso = `${parts[0]}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}`;
  return datePattern.test(iso) && dayjs(iso).isValid() && dayjs(iso).format('YYYY-MM-DD') === iso ? iso : null;
}

/** Reads the typed or pasted entries. */
export function parseEntries(text: string): YearDraft {
  const draft: YearDraft = { entries: [], days: [], errors: [] };
  const seen = new Set<string>();
  for (const raw of text.split(/[\n,，;；、]+/).map((e) => e.trim()).filter((e) => e.length > 0)) {
    const [fromText, toText, ...rest] = raw.split(/\s*(?:\.\.|至|~|～|—|–)\s*/);
    const from = normalizeDate(fromText);
    const to = toText === undefined ? from : normalizeDate(toText);
    if (!from || !to || rest.length > 0) {
      draft.errors.push(`“${raw}”不是日期或日期区间（如 2027-01-01 或 2027-01-01..2027-01-03）`);
      continue;
    }
    if (dayjs(to).isBefore(dayjs(from))) {
      draft.errors.push(`“${raw}”的结束日期早于开始日期`);
      continue;
    }
    if (dayjs(to).diff(dayjs(from), 'day') > 31) {
      draft.errors.push(`“${raw}”超过31天`);
      continue;
    }
    draft.entries.push(from === to ? from : `${from}..${to}`);
    for (let d = dayjs(from); !d.isAfter(dayjs(to)); d = d.add(1, 'day')) {
      const iso = d.format('YYYY-MM-DD');
      if (!seen.has(iso)) draft.days.push(iso);
      seen.add(iso);
    }
  }
  draft.days.sort();
  return draft;
}

export type DayKind = 'off' | 'work' | 'weekend' | 'weekday';

/** What a day is on the layer once the year is loaded (regional days on top of the national ones are the server's matter). */
export function dayKind(date: string, off: ReadonlySet<string>, work: ReadonlySet<string>): DayKind {
  if (off.has(date)) return 'off';
  if (work.has(date)) return 'work';
  const weekday = dayjs(date).day();
  return weekday === 0 || weekday === 6 ? 'weekend' : 'weekday';
}

/** Problems the month view can already show: make-up days on weekdays, days both off and worked, days outside the year. */
export function draftProblems(year: number, off: YearDraft, work: YearDraft): string[] {
  const problems = [...off.errors, ...work.errors];
  const offSet = new Set(off.days);
  for (const d of work.days) {
    const weekday = dayjs(d).day();
    if (weekday !== 0 && weekday !== 6) problems.push(`调休上班日 ${d} 不是周六或周日`);
    if (offSet.has(d)) problems.push(`${d} 同时列为放假和上班`);
    if (dayjs(d).year() !== year) problems.push(`调休上班日 ${d} 不属于${year}年`);
  }
  const earliest = dayjs(`${year}-01-01`).subtract(7, 'day');
  const latest = dayjs(`${year}-12-31`).add(7, 'day');
  for (const d of off.days) {
    if (dayjs(d).isBefore(earliest) || dayjs(d).isAfter(latest)) problems.push(`放假日 ${d} 不属于${year}年`);
  }
  return problems;
}
