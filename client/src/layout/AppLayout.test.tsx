import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { api } from '../api/client';
import { AppLayout } from './AppLayout';

const tree = [{
  code: '000000', name: '人力资源社会保障部职业技能鉴定中心', areaName: '全国', level: 'national', jurisdiction: 'national', children: [
    { code: '340000', name: '安徽省职业技能鉴定指导中心', areaName: '安徽省', level: 'province', jurisdiction: 'anhui', children: [] },
    { code: '450000', name: '广西壮族自治区职业技能鉴定指导中心', areaName: '广西', level: 'province', jurisdiction: 'guangxi', children: [] },
  ],
}];

const policy = (id: string) => ({
  id, shortName: id, authorities: [],
  certificates: {
    serialDigits: 6, issuedBy: '评价机构', serialsFromAllocatedRanges: id === 'anhui', rangesAllocatedBy: id === 'anhui' ? 'province' : null,
  },
});

const ok = (data: unknown) => Promise.resolve({ data, response: new Response(null, { status: 200 }) });

function stub(user: object | null) {
  return vi.spyOn(api, 'GET').mockImplementation(((path: string, init?: { params?: { path?: { jurisdiction?: string } } }) => {
    switch (path) {
      case '/api/auth/session': return ok(user ? { signedIn: true, user } : { signedIn: false });
      case '/api/terms': return ok({});
      case '/api/authorities': return ok(tree);
      case '/api/policies/{jurisdiction}': return ok(policy(init!.params!.path!.jurisdiction!));
      default: throw new Error(`unexpected GET ${path}`);
    }
  }) as never);
}

const reviewer = (code: string, name: string) => ({
  id: 'u1', userName: 'r', displayName: '审核员甲', role: 'reviewer', roleName: '审核人员', scopes: [],
  authority: { code, name, level: 'province' },
});

function renderAt(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <AntApp>
        <MemoryRouter initialEntries={[path]}>
          <Routes><Route element={<AppLayout />}><Route path="*" element={<div>页面</div>} /></Route></Routes>
        </MemoryRouter>
      </AntApp>
    </QueryClientProvider>,
  );
}

// role queries over the whole layout are slow in jsdom, the more so on a busy machine
describe('the layout at 1440 px', { timeout: 30_000 }, () => {
  beforeAll(() => {
    // a desktop: antd's breakpoints read min-width and max-width queries
    window.matchMedia = (query: string) => {
      const min = /min-width:\s*([\d.]+)px/.exec(query);
      const max = /max-width:\s*([\d.]+)px/.exec(query);
      const matches = (!min || 1440 >= Number(min[1])) && (!max || 1440 <= Number(max[1]));
      return { matches, media: query, onchange: null, addListener: () => undefined, removeListener: () => undefined,
        addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false } as MediaQueryList;
    };
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('shows an Anhui reviewer the side menu by task with its number ranges, and its unit whole on hover', async () => {
    stub(reviewer('340000', '安徽省职业技能鉴定指导中心'));
    renderAt('/batches');
    expect(await screen.findByRole('menuitem', { name: /证书号段/ }, { timeout: 15_000 })).toBeTruthy();
    for (const name of ['认定批次', '证书管理', '备案受理', '审核工作台']) expect(screen.getByRole('menuitem', { name: new RegExp(name) })).toBeTruthy();
    for (const title of ['备案', '证书', '公示公告']) expect(screen.getByText(title, { selector: '.ant-menu-item-group-title' })).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: /认定批次/ }).className).toContain('ant-menu-item-selected');
    expect(screen.getByTestId('current-unit').getAttribute('title')).toBe('安徽省职业技能鉴定指导中心');
    expect(screen.getByText('审核人员')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /登\s*录/ })).toBeNull();
  });

  it('shows a Guangxi reviewer no number ranges entry', async () => {
    const get = stub(reviewer('450000', '广西壮族自治区职业技能鉴定指导中心'));
    renderAt('/workbench');
    await screen.findByRole('menuitem', { name: /证书管理/ }, { timeout: 15_000 });
    await waitFor(() => expect((get.mock.calls as unknown[][]).some(([path]) => path === '/api/policies/{jurisdiction}')).toBe(true),
      { timeout: 15_000 });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('menuitem', { name: /证书号段/ })).toBeNull();
  });

  it('keeps the public’s top bar with its pages and 登录', async () => {
    stub(null);
    renderAt('/');
    expect(await screen.findByRole('button', { name: /登\s*录/ }, { timeout: 15_000 })).toBeTruthy();
    for (const name of ['证书查询', '进度查询', '机构目录', '公示公告', '辖区政策', '工作日查询']) {
      expect(screen.getAllByText(name).length).toBeGreaterThan(0);
    }
    expect(screen.queryByTestId('side-menu')).toBeNull();
  });
});
