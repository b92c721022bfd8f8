/** Query keys of the auditor's log of personal-data reads (src/Api/Privacy). */
export const personalDataReadKeys = {
  all: ['personal-data-reads'] as const,
  list: (filter: unknown, readerId: string | undefined, page: number) => [...personalDataReadKeys.all, 'list', filter, readerId, page] as const,
};
