import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { api, type Schemas } from '../../../api/client';
import { ok } from '../testFixtures';
import { WorkbenchPage } from './WorkbenchPage';

type Item = Schemas['Api.WorkbenchItem'];

const item = (objectId: string, kind: string, kindName: string, title: string, expected: string, deadline: Partial<Item>): Item => ({
  kind, kindName, objectId, title, link: `/batches/${objectId}`, expected, dueOn: null, deadlineRule: null, workingDaysLeft: null,
  overdue: false, uncounted: false, deadlineText: '无办理时限', since: '2026-11-20T02:00:00Z', ...deadline,
});

// the server sorts: overdue first, then by deadline, then those without one
const items: Item[] = [
  item('b1', 'batchReportDue', '待报备的认定结果', '芜湖家政·2026年第一批', '结果公示期满无异议，向主管部门报备认定结果',
    { dueOn: '2026-11-30', deadlineRule: 'BAT-07', workingDaysLeft: -2, overdue: true, deadlineText: '已逾期 2 个工作日（2026-11-30）' }),
  item('a1', 'filingApplication', '备案申请', '合肥培训学校·新申请', '受理或退回补正',
    { dueOn: '2026-12-10', deadlineRule: 'FIL-15', workingDaysLeft: 6, deadlineText: '剩 6 个工作日（2026-12-10）' }),
  item('b2', 'batchReportToReview', '结果报备审核', '芜湖家政·2026年第二批', '审核认定结果报备（2026-11-28报备），通过或退回', {}),
];

function stub() {
  return vi.spyOn(api, 'GET').mockImplementation(((path: string) => {
    switch (path) {
      case '/api/auth/session':
        return ok({ signedIn: true, user: { id: 'u1', userName: 'r', displayName: '王审核', role: 'reviewer', roleName: '审核人员' } });
      case '/api/workbench': return ok({ items, overdue: 1, truncated: false });
      case '/api/terms': return ok({});
      case '/api/authorities': return ok([]);
      case '/api/organizations': return ok({ items: [], total: 0, page: 1, pageSize: 20, actions: [] });
      case '/api/filing/applications':
      case '/api/batches': return ok({ items: [], total: 0, page: 1, pageSize: 1, actions: [] });
      default: throw new Error(`unexpected GET ${path}`);
    }
  }) as never);
}

describe('the workbench (待我处理)', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
  vi.setConfig({ testTimeout: 60_000 });

  it('lists everything waiting in the server’s order: kind by name, what is expected, red 已逾期 first; a click opens the decision page',
    async () => {
      stub();
      const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      render(
        <QueryClientProvider client={client}>
          <ConfigProvider>
            <AntApp>
              <MemoryRouter initialEntries={['/workbench']}>
                <Routes>
                  <Route path="/workbench" element={<WorkbenchPage />} />
                  <Route path="/batches/:id" element={<div data-testid="batch-page">批次</div>} />
                </Routes>
              </MemoryRouter>
            </AntApp>
          </ConfigProvider>
        </QueryClientProvider>,
      );
      const card = await screen.findByTestId('waiting-work');
      await within(card).findByText('芜湖家政·2026年第一批');
      const rows = [...card.querySelectorAll('tbody tr[data-row-key]')].map((r) => r.getAttribute('data-row-key'));
      expect(rows).toEqual(['batchReportDue:b1', 'filingApplication:a1', 'batchReportToReview:b2']);
      expect(within(card).getByText('已逾期 1 项')).toBeTruthy();

      const first = card.querySelector('tbody tr[data-row-key="batchReportDue:b1"]') as HTMLElement;
      expect(within(first).getByText('待报备的认定结果')).toBeTruthy();
      const overdue = within(first).getByTestId('overdue');
      expect(overdue.textContent).toBe('已逾期 2 个工作日（2026-11-30）');
      expect(overdue.className).toContain('red');
      expect(within(card).getByText('剩 6 个工作日（2026-12-10）')).toBeTruthy();
      expect(within(card).getByText('无办理时限')).toBeTruthy();
      expect(within(card).getByText('审核认定结果报备（2026-11-28报备），通过或退回')).toBeTruthy();
      // names, never codes
      expect(within(card).queryByText('batchReportDue')).toBeNull();
      expect(within(card).queryByText('filingApplication')).toBeNull();

      fireEvent.click(within(card).getByText('芜湖家政·2026年第二批'));
      expect(await screen.findByTestId('batch-page')).toBeTruthy();
    });
});
