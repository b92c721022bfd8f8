/** Query keys of accounts, API clients and sign-in failures (src/Api/Identity). */
export const accountKeys = {
  all: ['accounts'] as const,
  list: (filter: { role?: string; q: string; page: number }) => [...accountKeys.all, 'list', filter] as const,
  detail: (id: string) => [...accountKeys.all, 'detail', id] as const,
};

export const apiClientKeys = {
  all: ['api-clients'] as const,
};

export const signInFailureKeys = {
  all: ['sign-in-failures'] as const,
  /** One account's failures (an administrator's view) or the caller's own. */
  of: (accountId: string | undefined) => [...signInFailureKeys.all, accountId ?? 'own'] as const,
};
