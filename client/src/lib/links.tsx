import type { MouseEvent, ReactNode } from 'react';
import { Link } from 'react-router-dom';

// a link inside a clickable table row opens its own page, not the row's
const own = (e: MouseEvent) => e.stopPropagation();

/** A name that opens its page when the id is known (a list row, a detail), else the name alone. */
export function ToLink({ to, children }: { to: string | null; children: ReactNode }) {
  return to ? <Link to={to} onClick={own}>{children}</Link> : <>{children}</>;
}

/** An organization by name, opening its page (/organizations/:id). */
export function OrganizationLink({ id, name }: { id?: string | null; name: string }) {
  return <ToLink to={id ? `/organizations/${id}` : null}>{name}</ToLink>;
}

/** A filing by its number, opening its page (/filings/:id). */
export function FilingLink({ id, number }: { id?: string | null; number: string }) {
  return <ToLink to={id ? `/filings/${id}` : null}>{number}</ToLink>;
}

/** A person's recorded actions (人员操作统计, auditors): where an account is opened from the audit pages. */
export function activityOf(userId: string, name: string): string {
  return `/audit/activity?userId=${encodeURIComponent(userId)}&name=${encodeURIComponent(name)}`;
}
