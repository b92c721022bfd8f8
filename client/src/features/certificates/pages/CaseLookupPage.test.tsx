import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { api, type Schemas } from '../../../api/client';
import { termsOf } from '../../../lib/terms';
import { CaseLookupPage, caseSteps } from './CaseLookupPage';

type HolderCase = Schemas['Certificates.HolderCase'];
type Answer = Schemas['Certificates.HolderCaseAnswer'];

const terms = {
  identityDocumentTypes: [{ code: '201', name: '居民身份证' }, { code: '227', name: '中国护照' }],
  candidateOutcomes: [{ code: 'Qualified', name: '合格' }, { code: 'NotQualified', name: '不合格' }, { code: 'Absent', name: '缺考' }],
  resultsPublicityStates: [{ code: 'NotStarted', name: '尚未公示' }, { code: 'Open', name: '公示中' }, { code: 'Ended', name: '公示期满' }],
  resultsReportStates: [
    { code: 'NotSubmitted', name: '尚未报备' }, { code: 'Submitted', name: '已报备，待审核' }, { code: 'Accepted', name: '审核通过' },
    { code: 'Returned', name: '已退回，待重新报备' },
  ],
  certificateStatuses: [{ code: 'Valid', name: '有效' }, { code: 'Revoked', name: '已撤销' }],
};

const issued: HolderCase = {
  organizationName: '黄石市高级技工学校', batchTitle: '2026年第3批', occupation: '育婴员', level: 4, levelName: '四级/中级工',
  examDays: ['2026-10-12'], suspended: false, outcome: 'Qualified', publicity: 'Ended', publicityStart: '2026-10-20', publicityEnd: '2026-10-26',
  report: 'Accepted', reportedOn: '2026-11-02', certificate: { number: 'Y000042020001264000001', issuedOn: '2026-11-05', status: 'Valid' },
};

const filed: HolderCase = {
  ...issued, batchTitle: '2027年第1批', examDays: ['2099-01-10'], outcome: undefined, publicity: 'NotStarted', publicityStart: undefined,
  publicityEnd: undefined, report: 'NotSubmitted', reportedOn: undefined, certificate: undefined,
};

const idNumber = '11010519491231002X';

function stubApi(answer: Answer) {
  const ok = (data: unknown) => Promise.resolve({ data, response: new Response(null, { status: 200 }) });
  vi.spyOn(api, 'GET').mockImplementation(((path: string) => {
    if (path === '/api/terms') return ok(terms);
    throw new Error(`unexpected GET ${path}`);
  }) as never);
  return vi.spyOn(api, 'POST').mockImplementation(((path: string) => {
    if (path === '/api/public/cases/lookup') return ok(answer);
    throw new Error(`unexpected POST ${path}`);
  }) as never);
}

/** Where the verify link leads: the number in the address, the name only in the page state. */
function VerifyProbe() {
  const location = useLocation();
  return <div data-testid="verify-probe">{`${location.search}|${(location.state as { name?: string } | null)?.name ?? ''}`}</div>;
}

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ConfigProvider button={{ autoInsertSpace: false }}>
        <AntApp>
          <MemoryRouter initialEntries={['/cases']}>
            <Routes>
              <Route path="/cases" element={<CaseLookupPage />} />
              <Route path="/verify" element={<VerifyProbe />} />
            </Routes>
          </MemoryRouter>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>,
  );
}

function fill(documentNumber: string, name: string) {
  fireEvent.change(screen.getByLabelText('证件号码'), { target: { value: documentNumber } });
  fireEvent.change(screen.getByLabelText('姓名'), { target: { value: name } });
  fireEvent.click(screen.getByText('查询').closest('button')!);
}

describe('the case lookup page (进度查询)', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  vi.setConfig({ testTimeout: 60_000 });

  it('shows each batch as steps from the exam to the certificate, and links to verification without the name in the address', async () => {
    const post = stubApi({
      result: 'Found', holderName: '张*三', cases: [issued, filed],
      consultations: [{ on: '2026-11-20', purpose: '审核', what: '查看考生个人信息' }, { on: '2026-11-25', purpose: '其他：核对来信', what: '下载证书PDF' }],
    });
    renderPage();
    fill(idNumber.toLowerCase(), ' 张小三 ');
    const cases = await screen.findAllByTestId('case');
    expect(post).toHaveBeenCalledWith('/api/public/cases/lookup', {
      body: { documentType: 201, documentNumber: idNumber.toLowerCase(), name: '张小三' },
    });
    expect(screen.getByText('张*三：共 2 个认定批次')).toBeTruthy();

    const done = within(cases[0]);
    for (const title of ['考试', '成绩公示', '上报备案', '证书发放']) expect(done.getByText(title)).toBeTruthy();
    expect(done.getByText('公示期满 2026-10-20 至 2026-10-26（合格）')).toBeTruthy();
    expect(done.getByText('审核通过（2026-11-02报备）')).toBeTruthy();
    expect(done.getByText('已发证 Y000042020001264000001（2026-11-05）')).toBeTruthy();
    expect(done.getByText('有效')).toBeTruthy();

    const waiting = within(cases[1]);
    expect(waiting.getByText('公示后可查')).toBeTruthy();
    expect(waiting.getByText('尚未公示')).toBeTruthy();
    expect(waiting.getByText('结果审核通过后发放')).toBeTruthy();
    expect(waiting.queryByText('验证证书')).toBeNull();

    // when and why staff read the person's data, and what — never who
    const consultations = within(screen.getByTestId('consultations'));
    expect(consultations.getByText('您的个人信息被查阅的记录')).toBeTruthy();
    expect(consultations.getByText(/不显示查阅人/)).toBeTruthy();
    expect(consultations.getByText('2026-11-20')).toBeTruthy();
    expect(consultations.getByText('查看考生个人信息')).toBeTruthy();
    expect(consultations.getByText('其他：核对来信')).toBeTruthy();

    // the page never shows the identity number back
    expect(document.body.textContent).not.toContain(idNumber);
    expect(document.body.textContent?.toUpperCase()).not.toContain(idNumber);

    fireEvent.click(done.getByText('验证证书'));
    expect((await screen.findByTestId('verify-probe')).textContent).toBe('?number=Y000042020001264000001|张小三');
  });

  it('says so when nobody has consulted the person’s data', async () => {
    stubApi({ result: 'Found', holderName: '张*三', cases: [filed], consultations: [] });
    renderPage();
    fill(idNumber, '张小三');
    const consultations = await screen.findByTestId('consultations');
    expect(within(consultations).getByText('没有记录')).toBeTruthy();
  });

  it('checks a resident id number before asking, and says plainly when nothing is found', async () => {
    const post = stubApi({ result: 'NotFound', cases: [], consultations: [] });
    renderPage();
    fill('110105194912310021', '张小三');
    expect(await screen.findByText('居民身份证号码校验位错误：第18位应为“X”，实际为“1”。')).toBeTruthy();
    expect(post).not.toHaveBeenCalled();

    fill(idNumber, '张小三');
    expect(await screen.findByTestId('case-not-found')).toBeTruthy();
    expect(screen.queryByTestId('case')).toBeNull();
  });

  it('names each stage from the server’s lists: a returned report, a revoked certificate, no certificate for a fail', () => {
    const t = termsOf(terms);
    const returned = caseSteps({ ...filed, examDays: ['2026-10-12'], report: 'Returned' }, t, '2026-11-24');
    expect(returned.map((s) => s.status)).toEqual(['finish', 'wait', 'error', 'wait']);
    expect(returned[2].content).toBe('已退回，待重新报备');
    const revoked = caseSteps({ ...issued, certificate: { ...issued.certificate!, status: 'Revoked', revokedOn: '2026-11-20' } }, t, '2026-11-24');
    expect(revoked[3]).toEqual({ title: '证书发放', status: 'error', content: '证书 Y000042020001264000001 已于2026-11-20撤销' });
    const failed = caseSteps({ ...issued, outcome: 'NotQualified', certificate: undefined }, t, '2026-11-24');
    expect(failed[3].content).toBe('未取得合格成绩，不发放证书');
    const issuing = caseSteps({ ...issued, certificate: undefined }, t, '2026-11-24');
    expect(issuing[3]).toEqual({ title: '证书发放', status: 'process', content: '证书核发中' });
    expect(caseSteps({ ...filed, suspended: true }, t, '2026-11-24')[0].status).toBe('error');
  });
});
