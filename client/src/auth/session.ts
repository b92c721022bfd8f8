import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';
import { setReadPurpose } from '../lib/readPurpose';
import { sessionKeys } from './queries';

export type Me = Schemas['Api.MeResponse'];

/** The signed-in user, or null for the public (GET /api/auth/session answers 200 to everyone: no 401 in the console). */
export function useMe() {
  return useQuery({
    queryKey: sessionKeys.me(),
    queryFn: async (): Promise<Me | null> => {
      const session = await unwrap(api.GET('/api/auth/session'));
      return session.signedIn && session.user ? session.user : null;
    },
    staleTime: 60_000,
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { userName: string; password: string }) => unwrap(api.POST('/api/auth/sign-in', { body })),
    onSuccess: (me) => {
      // a new working session: its purpose of reading personal data is asked afresh (AUD-04)
      setReadPurpose(null);
      startSession(client, me);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/sign-out')),
    onSuccess: () => {
      setReadPurpose(null);
      startSession(client, null);
    },
  });
}

/**
 * Another user's session begins: nothing the previous one read stays cached. The session query itself is updated in place, not
 * removed: a component that watches it without re-rendering for another reason (the layout) would otherwise keep watching the
 * removed query and never see the new user.
 */
function startSession(client: QueryClient, me: Me | null) {
  const session = JSON.stringify(sessionKeys.me());
  client.removeQueries({ predicate: (q) => JSON.stringify(q.queryKey) !== session });
  client.setQueryData(sessionKeys.me(), me);
}
