/**
 * Query keys of the filing module (src/Modules/Filing): applications, filings, the public directory, organizations and
 * the occupation catalog. `lists()` of a resource holds every list, count and queue of it, never a single item: a
 * command invalidates the lists and the one item it changed.
 */
export const applicationKeys = {
  all: ['applications'] as const,
  lists: () => [...applicationKeys.all, 'lists'] as const,
  list: (filter: { page: number; status?: string }) => [...applicationKeys.lists(), filter] as const,
  /** How many applications the organization has (its next step). */
  mineCount: () => [...applicationKeys.lists(), 'mine-count'] as const,
  assigned: (page: number) => [...applicationKeys.lists(), 'assigned', page] as const,
  awaitingMe: (page: number) => [...applicationKeys.lists(), 'awaiting-me', page] as const,
  queueCounts: () => [...applicationKeys.lists(), 'queue-counts'] as const,
  detail: (id: string | undefined) => [...applicationKeys.all, 'detail', id] as const,
  eligibleExperts: (id: string) => [...applicationKeys.all, 'eligible-experts', id] as const,
};

export const filingKeys = {
  all: ['filings'] as const,
  lists: () => [...filingKeys.all, 'lists'] as const,
  list: (filter: { page: number; status?: string; name: string }) => [...filingKeys.lists(), filter] as const,
  /** The organization's own active filings (a new batch is planned under one). */
  ownActive: () => [...filingKeys.lists(), 'own-active'] as const,
  detail: (id: string | undefined) => [...filingKeys.all, 'detail', id] as const,
  receipt: (id: string | undefined) => [...filingKeys.all, 'receipt', id] as const,
};

export const directoryKeys = {
  all: ['directory'] as const,
  search: (filters: unknown, page: number) => [...directoryKeys.all, 'search', filters, page] as const,
  entry: (filingId: string | undefined) => [...directoryKeys.all, 'entry', filingId] as const,
};

export const organizationKeys = {
  all: ['organizations'] as const,
  details: () => [...organizationKeys.all, 'detail'] as const,
  detail: (id: string | null | undefined) => [...organizationKeys.details(), id] as const,
  list: (filter: { name: string; page: number }) => [...organizationKeys.all, 'list', filter] as const,
  /** Organizations by name for a picker (first page). */
  search: (name: string) => [...organizationKeys.all, 'search', name] as const,
};

/** The occupation catalog (职业（工种）目录) and its import. */
export const occupationKeys = {
  all: ['occupations'] as const,
  search: (q: string, limit: number) => [...occupationKeys.all, 'search', { q, limit }] as const,
  importState: () => [...occupationKeys.all, 'import'] as const,
};
