/**
 * Query keys of the reference data every feature reads (TkDodo's key factories: a feature's keys start with its `all`,
 * so invalidating a prefix reaches exactly the queries below it). Each feature has its own in features/<feature>/queries.ts.
 */
export const referenceKeys = {
  /** GET /api/terms: every code list with its names (read once per page load). */
  terms: () => ['terms'] as const,
  /** GET /api/authorities: the authorities and their areas. */
  authorities: () => ['authorities'] as const,
};
