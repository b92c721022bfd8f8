import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import { api } from '../../../api/client';
import { HomePage } from './HomePage';

const ok = (data: unknown) => Promise.resolve({ data, response: new Response(null, { status: 200 }) });

function stubApi(user: object | null) {
  vi.spyOn(api, 'GET').mockImplementation(((path: string) => {
    switch (path) {
      case '/api/auth/session': return ok(user ? { signedIn: true, user } : { signedIn: false });
      case '/api/policies': return ok([]);
      default: throw new Error(`unexpected GET ${path}`);
    }
  }) as never);
}

function renderHome() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}><MemoryRouter><HomePage /></MemoryRouter></QueryClientProvider>);
}

describe('the home page', { timeout: 30_000 }, () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('gives the public its services and the guide to filing and to checking a certificate', async () => {
    stubApi(null);
    renderHome();
    const services = await screen.findByRole('list', { name: '公众服务' }, { timeout: 15_000 });
    expect(within(services).getByRole('link', { name: /证书查询/ }).getAttribute('href')).toBe('/verify');
    const guide = screen.getByTestId('service-guide');
    expect(guide.textContent).toContain('评价机构如何备案');
    expect(guide.textContent).toContain('考生如何查询证书');
    expect(screen.getByRole('button', { name: /^登\s?录$/ })).toBeTruthy();
  });

  it('sends a signed-in user to the workbench and leaves the public entries out', async () => {
    stubApi({ id: 'u1', userName: 'r', displayName: '审核员甲', role: 'reviewer', roleName: '审核人员', scopes: [] });
    renderHome();
    expect(await screen.findByRole('button', { name: '进入我的工作台' }, { timeout: 15_000 })).toBeTruthy();
    expect(screen.queryByRole('list', { name: '公众服务' })).toBeNull();
    expect(screen.queryByTestId('service-guide')).toBeNull();
  });
});
