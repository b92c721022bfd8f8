import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { SignInFailures, type SignInFailureList } from './SignInFailures';

function renderWith(list: SignInFailureList, accountId?: string) {
  const fetch = vi.spyOn(api, 'GET').mockImplementation((() =>
    Promise.resolve({ data: list, response: new Response(null, { status: 200 }) })) as unknown as typeof api.GET);
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <SignInFailures accountId={accountId} />
    </QueryClientProvider>,
  );
  return fetch;
}

describe('SignInFailures (issue 15 item 1)', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('shows the owner when and from where someone failed to sign in as it, and warns', async () => {
    const fetch = renderWith({
      total: 2, sinceLastSignIn: 2, lastSignInAt: null,
      items: [{ at: '2026-11-23T02:01:00Z', remoteAddress: '198.51.100.82' }, { at: '2026-11-23T02:00:00Z', remoteAddress: null }],
    });
    expect(await screen.findByText('198.51.100.82')).toBeTruthy();
    expect(screen.getByText('未知')).toBeTruthy();
    expect(screen.getByTestId('sign-in-failure-summary').textContent).toBe('共记录登录失败 2 次，自上次成功登录以来 2 次。 上次成功登录：尚无。');
    expect(screen.getByText('如果这些登录失败不是您本人所为，请修改密码并告知系统管理员。')).toBeTruthy();
    expect(fetch.mock.calls[0][0]).toBe('/api/auth/sign-in-failures');
  });

  it('asks for any account of an administrator’s choosing, without the owner’s warning', async () => {
    const fetch = renderWith({ total: 0, sinceLastSignIn: 0, lastSignInAt: null, items: [] }, 'a1b2');
    expect((await screen.findByTestId('sign-in-failure-summary')).textContent).toContain('没有登录失败记录。');
    expect(screen.queryByText(/请修改密码/)).toBeNull();
    expect(fetch.mock.calls[0][0]).toBe('/api/admin/accounts/{accountId}/sign-in-failures');
    expect(fetch.mock.calls[0][1]).toEqual({ params: { path: { accountId: 'a1b2' } } });
  });
});
