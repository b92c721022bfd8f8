/** Query keys of certificates (src/Modules/Certificates): issuance, corrections, number ranges, public verification. */
export const certificateKeys = {
  all: ['certificates'] as const,
  lists: () => [...certificateKeys.all, 'lists'] as const,
  list: (filter: { batchId?: string; q: string; page: number }) => [...certificateKeys.lists(), filter] as const,
  detail: (id: string) => [...certificateKeys.all, 'detail', id] as const,
  histories: () => [...certificateKeys.all, 'history'] as const,
  history: (id: string) => [...certificateKeys.histories(), id] as const,
  issuances: () => [...certificateKeys.all, 'issuances'] as const,
  correctionLists: () => [...certificateKeys.all, 'corrections'] as const,
  correctionList: (status: string | undefined, page: number) => [...certificateKeys.correctionLists(), status, page] as const,
  correction: (id: string) => [...certificateKeys.all, 'correction', id] as const,
};

interface RangeFilter { organizationId?: string; year?: number | null; level?: number | null }

export const rangeKeys = {
  all: ['certificate-ranges'] as const,
  list: (filter: RangeFilter & { page: number }) => [...rangeKeys.all, 'list', filter] as const,
  allocation: (filter: RangeFilter) => [...rangeKeys.all, 'allocation', filter] as const,
};

/** Public verification of a certificate's QR link. */
export const verificationKeys = {
  all: ['certificate-verification'] as const,
  link: (token: string) => [...verificationKeys.all, 'link', token] as const,
  signature: (token: string, hash: string, payload: string | null | undefined) =>
    [...verificationKeys.all, 'signature', token, hash, payload] as const,
};
