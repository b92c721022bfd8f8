/** Query keys of the jurisdictions' policies (src/Api/Policies). */
export const policyKeys = {
  all: ['policies'] as const,
  list: () => [...policyKeys.all, 'list'] as const,
  detail: (jurisdiction: string | undefined) => [...policyKeys.all, 'detail', jurisdiction] as const,
};
