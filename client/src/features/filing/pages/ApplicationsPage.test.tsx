import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import { type Schemas } from '../../../api/client';
import { anhuiPreferences, stubGets } from '../testFixtures';
import { ApplicationsPage } from './ApplicationsPage';

type Summary = Schemas['Filing.ApplicationSummary'];

const row = (id: string, organizationName: string, preferenceFlags: Summary['preferenceFlags']): Summary => ({
  id, version: 1, organizationName, jurisdiction: 'anhui', jurisdictionName: '安徽省', scope: 'province', scopeName: '面向全省',
  kind: 'New', kindName: '新申请', status: 'Submitted', statusName: '已提交', submittedOn: '2026-11-02', waitingFor: '受理部门审核',
  awaitingCaller: true, preferenceFlags, organizationId: `o-${id}`,
});

// the server orders the queue (preferred applications first); the table keeps that order
const items = [
  row('a2', '芜湖职业技能评价中心', [
    { name: anhuiPreferences[1].name, basis: anhuiPreferences[1].basis },
    { name: anhuiPreferences[0].name, basis: anhuiPreferences[0].basis },
  ]),
  row('a1', '合肥培训学校', []),
];

describe('the reviewer’s application queue', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
  vi.setConfig({ testTimeout: 60_000 });

  it('shows each row’s preference flags as tags, in the server’s order, with the basis on hover', async () => {
    stubGets({ list: { items, total: 2, page: 1, pageSize: 20, actions: [] } });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <ConfigProvider button={{ autoInsertSpace: false }}>
          <AntApp><MemoryRouter><ApplicationsPage /></MemoryRouter></AntApp>
        </ConfigProvider>
      </QueryClientProvider>,
    );
    const first = (await screen.findByText('芜湖职业技能评价中心')).closest('tr')!;
    const rows = [...document.querySelectorAll('tbody tr[data-row-key]')].map((r) => r.getAttribute('data-row-key'));
    expect(rows).toEqual(['a2', 'a1']);
    const tags = within(first as HTMLElement).getAllByText(/^择优 · /).map((t) => t.textContent);
    expect(tags).toEqual([`择优 · ${anhuiPreferences[1].name}`, `择优 · ${anhuiPreferences[0].name}`]);
    const second = screen.getByText('合肥培训学校').closest('tr')!;
    expect(within(second as HTMLElement).queryByText(/^择优 · /)).toBeNull();
    fireEvent.mouseEnter(within(first as HTMLElement).getByText(`择优 · ${anhuiPreferences[0].name}`));
    expect(await screen.findByText(`依据：${anhuiPreferences[0].basis}`)).toBeTruthy();
  });
});
