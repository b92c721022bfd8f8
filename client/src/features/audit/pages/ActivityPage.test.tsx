import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { api, type Schemas } from '../../../api/client';
import { ActivityPage, lagText } from './ActivityPage';

type ActivityEntry = Schemas['Api.ActorActivityEntry'];

const reviewerDay: ActivityEntry = {
  userId: 'u7', name: '周审核', roleName: '审核人员', unit: '芜湖市职业技能鉴定指导中心', day: '2026-11-24', events: 42, kinds: 5,
};
const organizationDay: ActivityEntry = { userId: 'u9', name: '张伟', roleName: '评价机构用户', unit: null, day: '2026-11-23', events: 3, kinds: 2 };

const ok = (data: unknown) => Promise.resolve({ data, response: new Response(null, { status: 200 }) });

function stubApi(items: ActivityEntry[], countedThrough: number, logPosition: number) {
  return vi.spyOn(api, 'GET').mockImplementation(((path: string) => {
    if (path === '/api/audit/activity') return ok({ items, total: items.length, page: 1, pageSize: 20, countedThrough, logPosition });
    throw new Error(`unexpected GET ${path}`);
  }) as never);
}

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ConfigProvider button={{ autoInsertSpace: false }}>
        <AntApp><ActivityPage /></AntApp>
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
});
