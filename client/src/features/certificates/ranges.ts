import type { Schemas } from '../../api/client';

type Policy = Schemas['SharedKernel.JurisdictionPolicy'];
type AuthorityNode = Schemas['Api.AuthorityNode'];

/** What a jurisdiction's policy says about certificate number ranges (CRT-01), and what the signed-in authority may do with them. */
export interface RangeRule {
  /** Serials come from ranges an authority allocates ([AH]); otherwise the system counts from 000001. */
  usesRanges: boolean;
  /** The authority that allocates them (the provincial center), if ranges are used. */
  allocator?: { code: string; name: string };
  /** The signed-in authority is of the allocating level. */
  mayAllocate: boolean;
}

export function rangeRule(policy: Policy | undefined, authorityLevel: string | undefined): RangeRule {
  const c = policy?.certificates;
  if (!policy || !c?.serialsFromAllocatedRanges) return { usesRanges: false, mayAllocate: false };
  const allocator = policy.authorities.find((a) => a.level === c.rangesAllocatedBy);
  return {
    usesRanges: true,
    allocator: allocator ? { code: allocator.code, name: allocator.name } : undefined,
    mayAllocate: !!authorityLevel && authorityLevel === c.rangesAllocatedBy,
  };
}

/** The jurisdiction an authority belongs to, from the authority tree (GET /api/authorities). */
export function jurisdictionOf(nodes: AuthorityNode[] | undefined, code: string | undefined): string | undefined {
  if (!code) return undefined;
  for (const n of nodes ?? []) {
    if (n.code === code) return n.jurisdiction;
    const below = jurisdictionOf(n.children, code);
    if (below) return below;
  }
  return undefined;
}

/** The first serial after every allocated range (ranges never overlap), as six digits; none once 999999 is allocated. */
export function suggestedFrom(ranges: { to: string }[]): string | undefined {
  const last = ranges.reduce((max, r) => Math.max(max, Number(r.to)), 0);
  return last >= 999_999 ? undefined : String(last + 1).padStart(6, '0');
}

/** A serial as the form takes it: exactly six digits. */
export const isSerial = (value: string | undefined) => !!value && /^\d{6}$/.test(value);

/** How many serials a range from–to holds, or 0 when it is no range. */
export function rangeSize(from: string | undefined, to: string | undefined): number {
  if (!isSerial(from) || !isSerial(to)) return 0;
  const size = Number(to) - Number(from) + 1;
  return size > 0 && Number(from) > 0 ? size : 0;
}
