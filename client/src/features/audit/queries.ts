/** Query keys of the auditor's log of personal-data reads (src/Api/Privacy). */
export const personalDataReadKeys = {
  all: ['personal-data-reads'] as const,
  list: (filter: unknown, readerId: string | undefined, page: number) => [...personalDataReadKeys.all, 'list', filter, readerId, page] as const,
};

/** Query keys of the activity count (src/Api/Audit). */
export const activityKeys = {
  all: ['actor-activity'] as const,
  list: (range: readonly [string, string] | null, userId: string | undefined, page: number) =>
    [...activityKeys.all, 'list', range, userId, page] as const,
};
