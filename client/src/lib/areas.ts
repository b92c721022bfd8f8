import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';
import { referenceKeys } from './queries';

export type AuthorityNode = Schemas['Api.AuthorityNode'];

export interface AreaOption {
  value: string;
  title: string;
  children?: AreaOption[];
}

/** The authority hierarchy as a tree of areas for pickers (names only, no codes); code → area and authority names. */
export function useAreas() {
  const query = useQuery({ queryKey: referenceKeys.authorities(), queryFn: () => unwrap(api.GET('/api/authorities')), staleTime: Infinity });
  const areas = new Map<string, string>();
  const authorities = new Map<string, string>();
  const walk = (nodes: AuthorityNode[]): AreaOption[] =>
    nodes.map((n) => {
      areas.set(n.code, n.areaName);
      authorities.set(n.code, n.name);
      return { value: n.code, title: n.areaName, children: n.children.length ? walk(n.children) : undefined };
    });
  const tree = walk(query.data ?? []);
  // while the tree loads nothing is shown rather than a code
  const known = !!query.data;
  return {
    tree,
    areaName: (code: string | null | undefined) => (code ? areas.get(code) ?? (known ? '—' : '') : '—'),
    authorityName: (code: string | null | undefined) => (code ? authorities.get(code) ?? (known ? '—' : '') : '—'),
    isLoading: query.isLoading,
    error: query.error,
  };
}
