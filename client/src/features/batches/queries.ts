/** Query keys of certification batches (src/Modules/Batches): lists and queues, one batch, its candidates and staff. */
export const batchKeys = {
  all: ['batches'] as const,
  lists: () => [...batchKeys.all, 'lists'] as const,
  list: (filter: { page: number; status?: string; dispatchedToMe?: boolean }) => [...batchKeys.lists(), filter] as const,
  queueCounts: () => [...batchKeys.lists(), 'queue-counts'] as const,
  /** One batch; its candidates are keyed apart, so invalidating the batch does not read them again. */
  detail: (id: string) => [...batchKeys.all, 'detail', id] as const,
  candidate: (id: string, candidateId: string) => [...batchKeys.all, 'candidate', id, candidateId] as const,
  eligibleInspectors: (id: string) => [...batchKeys.all, 'eligible-inspectors', id] as const,
  /** The organization's roster of examiners and supervisors. */
  staff: () => [...batchKeys.all, 'staff'] as const,
};
