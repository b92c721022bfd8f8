import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import { api, type Schemas } from '../../../api/client';
import { PersonalDataReadsPage, scopeText } from './PersonalDataReadsPage';

type ReadEntry = Schemas['Api.PersonalDataReadEntry'];

const terms = { identityDocumentTypes: [{ code: '201', name: '居民身份证' }, { code: '227', name: '中国护照' }] };

const opened: ReadEntry = {
  id: 'r1', at: '2026-11-24T06:05:09Z', readerId: 'u7', readerName: '周审核', readerRoleName: '审核人员', readerUnit: '芜湖市职业技能鉴定指导中心',
  relationName: '受理该批次的主管部门', purposeName: '审核', operation: 'getBatchCandidate', operationName: '查看考生个人信息',
  fields: ['姓名', '身份证件号码', '联系电话'], scopeKind: 'candidate', scopeId: 'c1', scopeTitle: '2026年第4批电工认定·考生',
  personName: '李*明', personDocumentNumber: '3402**********1234', rowCount: 1, readerOrganizationId: null, batchId: 'b1',
};

const exported: ReadEntry = {
  ...opened, id: 'r2', readerId: 'u9', readerName: '张伟', readerRoleName: '评价机构用户', readerUnit: '芜湖奇瑞汽车股份有限公司',
  relationName: '持有数据的评价机构', purposeName: '其他：报送人社部门', operation: 'downloadCertificateTable', operationName: '下载附件5',
  fields: ['姓名', '身份证件号码'], scopeKind: 'batch', scopeTitle: '2026年第4批电工认定', personName: null, personDocumentNumber: null, rowCount: 38,
  readerOrganizationId: 'o9',
};

const ok = (data: unknown) => Promise.resolve({ data, response: new Response(null, { status: 200 }) });

function stubApi(items: ReadEntry[]) {
  return vi.spyOn(api, 'GET').mockImplementation(((path: string) => {
    switch (path) {
      case '/api/terms': return ok(terms);
      case '/api/audit/personal-data-reads': return ok({ items, total: items.length, page: 1, pageSize: 20 });
      default: throw new Error(`unexpected GET ${path}`);
    }
  }) as never);
}

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ConfigProvider button={{ autoInsertSpace: false }}>
        <MemoryRouter><AntApp><PersonalDataReadsPage /></AntApp></MemoryRouter>
      </ConfigProvider>
    </QueryClientProvider>,
  );
}

const readsCalls = (get: ReturnType<typeof stubApi>) =>
  get.mock.calls
    .filter((c) => c[0] === '/api/audit/personal-data-reads')
    .map((c) => (c[1] as { params: { query: Record<string, unknown> } }).params.query);

describe('the personal-data read log (个人信息查阅记录, AUD-04)', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
  vi.setConfig({ testTimeout: 60_000 });

  it('names the object read: whose data (masked) for one record, the row count for an export', () => {
    expect(scopeText(opened)).toBe('2026年第4批电工认定·考生（李*明 3402**********1234）');
    expect(scopeText(exported)).toBe('2026年第4批电工认定（共 38 条）');
  });

  it('lists who read what, when and why, and filters by a person’s document and by a reader', async () => {
    const get = stubApi([opened, exported]);
    renderPage();
    const page = await screen.findByTestId('personal-data-reads');
    const row = (await within(page).findByText('周审核')).closest('tr')!;
    for (const text of ['审核人员', '芜湖市职业技能鉴定指导中心', '受理该批次的主管部门', '审核', '查看考生个人信息', '姓名、身份证件号码、联系电话']) {
      expect(within(row).getByText(text)).toBeTruthy();
    }
    expect(within(row).getByText('2026年第4批电工认定·考生（李*明 3402**********1234）')).toBeTruthy();
    expect(within(page).getByText('2026年第4批电工认定（共 38 条）')).toBeTruthy();
    expect(within(page).getByText('其他：报送人社部门')).toBeTruthy();
    expect(readsCalls(get)[0]).toEqual({ documentNumber: undefined, documentType: undefined, readerId: undefined, page: 1, pageSize: 20 });

    // one person, by resident identity card (the default type)
    fireEvent.change(within(page).getByLabelText('证件号码'), { target: { value: ' 11010519491231002X ' } });
    fireEvent.click(within(page).getByText('查询').closest('button')!);
    await waitFor(() => expect(readsCalls(get).at(-1)).toMatchObject({ documentNumber: '11010519491231002X', documentType: 201, page: 1 }));

    // a click on a reader's name shows only that reader's reads
    fireEvent.click(within(page).getByText('张伟'));
    await waitFor(() => expect(readsCalls(get).at(-1)).toMatchObject({ readerId: 'u9' }));
    expect(screen.getByTestId('reader-filter').textContent).toContain('查阅人：张伟');
  });

  it('checks a resident identity number before asking', async () => {
    const get = stubApi([]);
    renderPage();
    const page = await screen.findByTestId('personal-data-reads');
    expect(await within(page).findByText('没有查阅记录')).toBeTruthy();
    fireEvent.change(within(page).getByLabelText('证件号码'), { target: { value: '110105194912310021' } });
    fireEvent.click(within(page).getByText('查询').closest('button')!);
    expect(await screen.findByText('居民身份证号码校验位错误：第18位应为“X”，实际为“1”。')).toBeTruthy();
    expect(readsCalls(get)).toHaveLength(1);
  });

  it('opens the reader\'s organization, the reader\'s activity and the batch read (dead ends, issue 18)', async () => {
    stubApi([opened, exported]);
    renderPage();
    const table = await screen.findByTestId('personal-data-reads');
    const unit = (await within(table).findByText('芜湖奇瑞汽车股份有限公司')).closest('a')!;
    expect(unit.getAttribute('href')).toBe('/organizations/o9');
    expect(within(table).getByText('芜湖市职业技能鉴定指导中心').closest('a')).toBeNull();
    const activity = within(table).getAllByText('操作统计').map((e) => e.closest('a')!.getAttribute('href'));
    expect(activity[0]).toBe(`/audit/activity?userId=u7&name=${encodeURIComponent('周审核')}`);
    const scope = within(table).getByText('2026年第4批电工认定·考生（李*明 3402**********1234）').closest('a')!;
    expect(scope.getAttribute('href')).toBe('/batches/b1');
  });
});
