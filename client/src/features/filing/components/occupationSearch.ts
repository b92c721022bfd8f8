import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../api/client';
import { occupationKeys } from '../queries';

type Occupation = Schemas['Filing.CatalogOccupation'];

/** The occupation catalog as the applicant types a name (first 30 hits); the lines and the majors pick from it. */
export function useOccupationSearch() {
  const [search, setSearch] = useState('');
  const occupations = useQuery({
    queryKey: occupationKeys.search(search, 30),
    queryFn: () => unwrap(api.GET('/api/occupations', { params: { query: { q: search || undefined, limit: 30 } } })),
  });
  const options = (occupations.data ?? []).map((o) => ({ value: o.name, label: `${o.name}（${o.group}）`, code: o.code }));
  return { options, setSearch, loading: occupations.isFetching };
}

/** The catalog entry of exactly this name, looked up on the server (cached per name). */
export function useCatalogEntry() {
  const client = useQueryClient();
  return async (name: string): Promise<Occupation | undefined> => {
    const hits = await client.fetchQuery({
      queryKey: occupationKeys.search(name, 50),
      queryFn: () => unwrap(api.GET('/api/occupations', { params: { query: { q: name, limit: 50 } } })),
      staleTime: 5 * 60_000,
    });
    return hits.find((o) => o.name === name);
  };
}
