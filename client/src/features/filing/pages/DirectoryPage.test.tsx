import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import { api } from '../../../api/client';
import { DirectoryPage } from './DirectoryPage';

const ok = (data: unknown) => Promise.resolve({ data, response: new Response(null, { status: 200 }) });

const entry = {
  id: 'f1', filingNumber: 'P340200001', name: '芜湖奇瑞汽车股份有限公司', areaCode: '340200', status: 'Active',
  validFrom: '2026-01-05', validUntil: '2029-01-04', occupations: [{ name: '汽车维修工', highestLevel: 3, lowestLevel: 5 }],
};

function stubApi() {
  vi.spyOn(api, 'GET').mockImplementation(((path: string) => {
    switch (path) {
      case '/api/directory': return ok({ items: [entry], total: 1, page: 1, pageSize: 20 });
      case '/api/terms': return ok({
        filingStatuses: [{ code: 'Active', name: '有效' }],
        skillLevels: [{ code: '3', name: '三级/高级工' }, { code: '5', name: '五级/初级工' }],
      });
      case '/api/authorities': return ok([{ code: '340200', name: '芜湖市职业技能鉴定指导中心', areaName: '芜湖', children: [] }]);
      default: throw new Error(`unexpected GET ${path}`);
    }
  }) as never);
}

/** A window of this width, as antd's breakpoints see it through min-width/max-width queries. */
function atWidth(width: number) {
  vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => {
    const min = /min-width:\s*([\d.]+)px/.exec(query);
    const max = /max-width:\s*([\d.]+)px/.exec(query);
    const matches = (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]));
    return { matches, media: query, onchange: null, addListener: () => undefined, removeListener: () => undefined,
      addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false } as MediaQueryList;
  });
}

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}><MemoryRouter><DirectoryPage /></MemoryRouter></QueryClientProvider>);
}

describe('the public directory (FIL-19)', { timeout: 30_000 }, () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('shows a phone (390 px) cards with every column as a labelled line, and no table', async () => {
    atWidth(390);
    stubApi();
    renderPage();
    const card = await screen.findByTestId('directory-card', {}, { timeout: 15_000 });
    expect(within(card).getByRole('link', { name: '芜湖奇瑞汽车股份有限公司' }).getAttribute('href')).toBe('/directory/f1');
    await within(card).findByText('芜湖');
    for (const text of ['备案号：P340200001', '职业（工种）及等级：汽车维修工（五级/初级工 至 三级/高级工）', '有效期：2026-01-05 至 2029-01-04']) {
      expect(card.textContent).toContain(text);
    }
    expect(within(card).getByTestId('filing-status').textContent).toBe('有效');
    expect(document.querySelector('.ant-table')).toBeNull();
  });

  it('keeps the table on a desktop (1440 px)', async () => {
    atWidth(1440);
    stubApi();
    renderPage();
    expect(await screen.findByRole('cell', { name: '芜湖奇瑞汽车股份有限公司' }, { timeout: 15_000 })).toBeTruthy();
    expect(screen.queryByTestId('directory-card')).toBeNull();
  });
});
