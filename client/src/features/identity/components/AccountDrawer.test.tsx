import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { App } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { api, type Schemas } from '../../../api/client';
import { AccountDrawer } from './AccountDrawer';

const account = (actions: string[], over: Partial<Schemas['Api.AccountView']> = {}): Schemas['Api.AccountView'] => ({
  id: 'a1', version: 3, userName: 'wuhu.reviewer', displayName: '芜湖审核员', role: 'reviewer', roleName: '审核人员',
  authorityCode: '340200', authorityName: '芜湖市职业技能鉴定指导中心', disabled: false, temporaryPassword: false,
  createdAt: '2026-11-01T00:00:00Z', lastSignInAt: null, actions, ...over,
});

function renderWith(view: Schemas['Api.AccountView']) {
  vi.spyOn(api, 'GET').mockImplementation(((url: string) => Promise.resolve({
    data: url.endsWith('sign-in-failures') ? { total: 0, sinceLastSignIn: 0, lastSignInAt: null, items: [] } : view,
    response: new Response(null, { status: 200 }),
  })) as unknown as typeof api.GET);
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <App><AccountDrawer accountId="a1" onClose={() => {}} /></App>
    </QueryClientProvider>,
  );
}

const buttons = async () =>
  within(await screen.findByTestId('account-actions')).getAllByRole('button').map((b) => b.textContent?.replace(/\s/g, ''));

describe('AccountDrawer (issue 18 item 11)', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('offers the administrator exactly the account’s actions', async () => {
    renderWith(account(['editAccount', 'disableAccount', 'resetPassword']));
    expect(await buttons()).toEqual(['修改信息', '重置密码', '停用']);
    expect(screen.getByText('芜湖市职业技能鉴定指导中心')).toBeTruthy();
  });

  it('shows no 停用 on one’s own account (the server does not offer it) and says when a password is temporary', async () => {
    renderWith(account(['editAccount', 'resetPassword'], { temporaryPassword: true }));
    expect(await buttons()).toEqual(['修改信息', '重置密码']);
    expect(screen.getByText(/临时密码，本人尚未修改/)).toBeTruthy();
  });

  it('offers 启用 on a disabled account and nothing to an auditor', async () => {
    renderWith(account([], { disabled: true }));
    expect(await screen.findByText('已停用')).toBeTruthy();
    expect(within(screen.getByTestId('account-actions')).queryAllByRole('button')).toHaveLength(0);
  });
});
