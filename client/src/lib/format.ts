import dayjs from 'dayjs';

/** A domain rule ID of the specification (FIL-06, BAT-01); technical codes such as WORKDAYS or AUTH are not shown as rules. */
export const isRuleId = (id: string | null | undefined): id is string => !!id && /^[A-Z]{3}-\d{2}$/.test(id);

/** A file size people read: 193 B, 12.4 KB, 3.1 MB. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

/** An instant in local time with its year: 2026-11-24 14:05. */
export const formatDateTime = (instant: string | null | undefined) => (instant ? dayjs(instant).format('YYYY-MM-DD HH:mm') : '—');

/** An instant's local date: 2026-11-24. */
export const formatDate = (instant: string | null | undefined) => (instant ? dayjs(instant).format('YYYY-MM-DD') : '—');

/** The certificate's 工种 field when an occupation has no work type (CRT-03); only that field shows it. */
export const noWorkType = '——';

/** An occupation as people read it: 电工（高压电工） with a work type, plain 电工 without one — never 电工（——）. */
export function occupationName(occupation: string, workType?: string | null): string {
  const type = workType?.trim();
  return type && type !== noWorkType ? `${occupation}（${type}）` : occupation;
}
