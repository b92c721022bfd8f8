import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';

export type AuthorityNode = Schemas['Api.Policies.AuthorityNode'];

export interface AreaOption {
  value: string;
  title: string;
  children?: AreaOption[];
}

/** The authority hierarchy as a tree of areas, for pickers; and a code → name lookup. */
export function useAreas() {
  const query = useQuery({ queryKey: ['authorities'], queryFn: () => unwrap(api.GET('/api/authorities')), staleTime: Infinity });
  const names = new Map<string, string>();
  const walk = (nodes: AuthorityNode[]): AreaOption[] =>
    nodes.map((n) => {
      names.set(n.code, n.areaName);
      return { value: n.code, title: `${n.areaName}（${n.code}）`, children: n.children.length ? walk(n.children) : undefined };
    });
  const tree = walk(query.data ?? []);
  return { tree, areaName: (code: string) => names.get(code) ?? code, isLoading: query.isLoading, error: query.error };
}
