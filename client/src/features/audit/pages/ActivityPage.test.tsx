import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import { api, type Schemas } from '../../../api/client';
import { ActivityPage, lagText } from './ActivityPage';

type ActivityEntry = Schemas['Api.ActorActivityEntry'];

const reviewerDay: ActivityEntry = {
  userId: 'u7', name: '周审核', roleName: '审核人员', unit: '芜湖市职业技能鉴定指导中心', day: '2026-11-24', events: 42, kinds: 5,
  organizationId: null,
};
const organizationDay: ActivityEntry = {
  userId: 'u9', name: '张伟', roleName: '评价机构用户', unit: null, day: '2026-11-23', events: 3, kinds: 2, organizationId: null,
};

const ok = (data: unknown) => Promise.resolve({ data, response: new Response(null, { status: 200 }) });

function stubApi(items: ActivityEntry[], countedThrough: number, logPosition: number) {
  return vi.spyOn(api, 'GET').mockImplementation(((path: string) => {
    if (path === '/api/audit/activity') return ok({ items, total: items.length, page: 1, pageSize: 20, countedThrough, logPosition });
    throw new Error(`unexpected GET ${path}`);
  }) as never);
}

function renderPage(at = '/audit/activity') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ConfigProvider button={{ autoInsertSpace: false }}>
        <MemoryRouter initialEntries={[at]}><AntApp><ActivityPage /></AntApp></MemoryRouter>
      </ConfigProvider>
    </QueryClientProvider>,
  );
}

const activityCalls = (get: ReturnType<typeof stubApi>) =>
  get.mock.calls.filter((c) => c[0] === '/api/audit/activity').map((c) => (c[1] as { params: { query: Record<string, unknown> } }).params.query);

describe('the activity count (人员操作统计, AUD-01)', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
  vi.setConfig({ testTimeout: 60_000 });

  it('says how many recorded actions the count has not reached yet, and nothing once it has', () => {
    expect(lagText(120, 125)).toBe('统计正在更新：尚有 5 条记录未计入，请稍后刷新。');
    expect(lagText(125, 125)).toBeNull();
  });

  it('lists each person-day by name, role and unit, says when the count trails the log, and narrows to one person on a click', async () => {
    const get = stubApi([reviewerDay, organizationDay], 120, 125);
    renderPage();
    const table = await screen.findByTestId('actor-activity');
    await within(table).findByText('周审核');
    expect(within(table).getByText('芜湖市职业技能鉴定指导中心')).toBeTruthy();
    expect(within(table).getByText('42')).toBeTruthy();
    expect(within(table).getByText('—')).toBeTruthy();
    expect(screen.getByText('统计正在更新：尚有 5 条记录未计入，请稍后刷新。')).toBeTruthy();

    fireEvent.click(within(table).getByText('张伟'));
    await waitFor(() => expect(activityCalls(get).at(-1)?.userId).toBe('u9'));
    expect(screen.getByTestId('person-filter').textContent).toContain('人员：张伟');
  });

  it('opens the organization of a person who works for one (dead ends, issue 18)', async () => {
    stubApi([{ ...organizationDay, unit: '芜湖奇瑞汽车股份有限公司', organizationId: 'o9' }, reviewerDay], 125, 125);
    renderPage();
    const table = await screen.findByTestId('actor-activity');
    const link = (await within(table).findByText('芜湖奇瑞汽车股份有限公司')).closest('a')!;
    expect(link.getAttribute('href')).toBe('/organizations/o9');
    // an authority is not an organization: its name stays plain text
    expect(within(table).getByText('芜湖市职业技能鉴定指导中心').closest('a')).toBeNull();
  });

  it('shows one person at once when another audit page links to their activity', async () => {
    const get = stubApi([reviewerDay], 125, 125);
    renderPage('/audit/activity?userId=u7&name=%E5%91%A8%E5%AE%A1%E6%A0%B8');
    await waitFor(() => expect(activityCalls(get)[0]?.userId).toBe('u7'));
    expect(screen.getByTestId('person-filter').textContent).toContain('人员：周审核');
  });
});
