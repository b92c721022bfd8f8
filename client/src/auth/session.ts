import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiProblem } from '../api/problem';

export type Me = Schemas['Api.Identity.MeResponse'];

/** The signed-in user, or null for the public. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me | null> => {
      try {
        return await unwrap(api.GET('/api/auth/me'));
      } catch (e) {
        if (e instanceof ApiProblem && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { userName: string; password: string }) => unwrap(api.POST('/api/auth/sign-in', { body })),
    onSuccess: (me) => {
      client.clear();
      client.setQueryData(['me'], me);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/sign-out')),
    onSuccess: () => {
      client.clear();
      client.setQueryData(['me'], null);
    },
  });
}
