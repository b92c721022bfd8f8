import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { api } from '../api/client';
import { useMe, useSignIn, useSignOut } from './session';

const me = { id: 'u1', userName: 'wuhu.reviewer', displayName: '江芜', role: 'reviewer', roleName: '审核人员', scopes: [] };
const ok = (data: unknown) => Promise.resolve({ data, response: new Response(null, { status: 200 }) });

/** Like the layout: watches the session and nothing else, so it re-renders only when the session query tells it to. */
function Watcher() {
  const { data } = useMe();
  return <span data-testid="who">{data ? data.displayName : '游客'}</span>;
}

/** Like the sign-in page: a sibling that acts on the session. */
function Buttons() {
  const signIn = useSignIn();
  const signOut = useSignOut();
  return (
    <div>
      <button onClick={() => signIn.mutate({ userName: 'wuhu.reviewer', password: 'x' })}>登录</button>
      <button onClick={() => signOut.mutate()}>退出</button>
    </div>
  );
}

describe('the session', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('reaches a component that watches it alone when someone signs in and out (the layout switched menus only after a reload)', async () => {
    vi.spyOn(api, 'GET').mockImplementation((() => ok({ signedIn: false })) as never);
    vi.spyOn(api, 'POST').mockImplementation(((path: string) => ok(path === '/api/auth/sign-in' ? me : null)) as never);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.setQueryData(['other', 'data'], 'of the previous user');
    render(<QueryClientProvider client={client}><Watcher /><Buttons /></QueryClientProvider>);
    expect((await screen.findByTestId('who')).textContent).toBe('游客');
    fireEvent.click(screen.getByText('登录'));
    await vi.waitFor(() => expect(screen.getByTestId('who').textContent).toBe('江芜'));
    expect(client.getQueryData(['other', 'data'])).toBeUndefined(); // nothing the previous user read stays cached
    fireEvent.click(screen.getByText('退出'));
    await vi.waitFor(() => expect(screen.getByTestId('who').textContent).toBe('游客'));
  });
});
