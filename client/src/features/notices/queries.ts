/** Query keys of notices and their objections (src/Modules/Notices). */
export const noticeKeys = {
  all: ['notices'] as const,
  list: (filter: { kind?: string; status?: string; jurisdiction?: string; q: string; page: number }) =>
    [...noticeKeys.all, 'list', filter] as const,
  /** One notice; invalidating it leaves its objections alone (they are keyed by the notice's version). */
  detail: (id: string | undefined) => [...noticeKeys.all, 'detail', id] as const,
  objections: (id: string, version: number) => [...noticeKeys.all, 'objections', id, version] as const,
  objection: (id: string, objectionId: string) => [...noticeKeys.all, 'objection', id, objectionId] as const,
};
