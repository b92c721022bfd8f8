import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Me } from '../auth/session';
import { jurisdictionOf, rangeRule } from '../features/certificates/ranges';
import { policyKeys } from '../features/policies/queries';
import { referenceKeys } from '../lib/queries';
import { Roles } from '../lib/roles';

/**
 * Whether the number ranges page (CRT-01 [AH]) has ranges to show the signed-in user, decided as that page decides it: an authority
 * reads its jurisdiction's policy (same queries, so the page opens from the cache). A national authority and the auditors are bound
 * to no single jurisdiction's policy and see every jurisdiction's ranges; a provincial or city authority of a jurisdiction that
 * numbers certificates itself (Guangxi, Hubei) would only read 不分配号段, and has no menu entry for it.
 */
export function useRangesInUse(me: Me | null | undefined): boolean {
  const authority = me?.authority;
  const bound = !!authority && authority.level !== 'national' && ([Roles.reviewer, Roles.inspector] as string[]).includes(me!.role);
  const authorities = useQuery({
    queryKey: referenceKeys.authorities(),
    enabled: bound,
    queryFn: () => unwrap(api.GET('/api/authorities')),
    staleTime: Infinity,
  });
  const jurisdiction = jurisdictionOf(authorities.data, authority?.code);
  const policy = useQuery({
    queryKey: policyKeys.detail(jurisdiction),
    enabled: bound && !!jurisdiction,
    queryFn: () => unwrap(api.GET('/api/policies/{jurisdiction}', { params: { path: { jurisdiction: jurisdiction! } } })),
  });
  if (!me) return false;
  if (!bound) return true;
  return rangeRule(policy.data, authority!.level).usesRanges;
}
