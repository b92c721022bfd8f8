import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { api, type Schemas } from '../api/client';
import { BatchPage } from './BatchPage';

type BatchView = Schemas['Batches.BatchView'];

const terms = {
  skillLevels: [1, 2, 3, 4, 5].map((n) => ({ code: String(n), name: ['一级/高级技师', '二级/技师', '三级/高级工', '四级/中级工', '五级/初级工'][n - 1] })),
  batchStatuses: [{ code: 'Draft', name: '草稿' }, { code: 'Reported', name: '结果已报备' }],
  staffRoles: [{ code: 'Invigilator', name: '监考人员' }, { code: 'Examiner', name: '考评人员' }, { code: 'QualitySupervisor', name: '内部质量督导员' }],
  batchSubjects: [{ code: '理论知识', name: '理论知识' }, { code: '操作技能', name: '操作技能' }],
  identityDocumentTypes: [{ code: '201', name: '居民身份证' }],
  roles: [{ code: 'organization', name: '评价机构' }],
};

const draft: BatchView = {
  id: 'b1', version: 3, title: '2026年第4批电工认定', organizationId: 'o1', organizationName: '芜湖奇瑞汽车股份有限公司', filingId: 'f1',
  filingNumber: 'Y00003402001', jurisdiction: 'anhui', areaCode: '340200', status: 'Draft',
  occupations: [{ key: '焊工', name: '焊工', level: 4 }], subjects: ['理论知识'], examDays: ['2026-12-15'],
  sites: [{ name: '奇瑞考点', address: '长春路8号', areaCode: '340200' }], feePerCandidate: 300, feeStandard: null,
  staff: [], candidates: [], personalDataMasked: false, openObjections: 0, passed: 0, absent: 0, eligibility: [], inspectors: [],
  blocking: [
    { ruleId: 'BAT-01', code: 'batch.no-candidates', message: '请录入考生信息。', inPrinciple: false },
    { ruleId: 'BAT-10', code: 'batch.fee-standard-missing', message: '请注明收费所依据的公布标准（文件名称或文号）。', inPrinciple: false },
    { ruleId: 'BAT-03', code: 'batch.occupation-not-filed', message: '“焊工”四级/中级工不在备案的职业（工种）和等级范围内。', inPrinciple: false, target: '/occupations/0' },
    { ruleId: 'BAT-01', code: 'batch.staff-missing', message: '请安排监考人员。', inPrinciple: false },
  ],
  actions: ['changeBatchPlan', 'assignBatchStaff', 'addBatchCandidate', 'importBatchCandidates', 'removeBatchCandidate', 'fileBatchPlan'],
  details: { id: 'b1', spotChecks: [], reportLate: false, missedDeadlines: [], ledger: [] },
};

const reported: BatchView = {
  ...draft, status: 'Reported', blocking: [], receivingAuthority: '340200', receivingAuthorityName: '芜湖市职业技能鉴定指导中心',
  occupations: [{ key: '电工', name: '电工', level: 4 }], personalDataMasked: true, passed: 1, reportedOn: '2027-01-10',
  candidates: [{
    id: 'c1', name: '李*明', documentType: 201, documentNumber: '3402**********1234', employer: '奇瑞', occupation: '电工', level: 4, cityName: '芜湖市', hasPhoto: true,
    result: { candidateId: 'c1', absent: false, passed: true, scores: [{ subject: '理论知识', score: 80 }] },
  }],
  actions: ['acceptResultsReport', 'returnResultsReport', 'recordBatchSpotCheck'],
  details: {
    id: 'b1', spotChecks: [], reportLate: false, missedDeadlines: [],
    ledger: [{ at: '2027-01-10T02:00:00Z', action: '报备认定结果', actorName: '张伟（芜湖奇瑞）', actorRole: 'organization', document: '附件4、附件5' }],
  },
};

function stubApi(batch: BatchView, role: string) {
  const ok = (data: unknown) => Promise.resolve({ data, response: new Response(null, { status: 200 }) });
  vi.spyOn(api, 'GET').mockImplementation(((path: string) => {
    switch (path) {
      case '/api/auth/session': return ok({ signedIn: true, user: { id: 'u1', userName: 'x', displayName: 'X', role, roleName: role } });
      case '/api/terms': return ok(terms);
      case '/api/authorities': return ok([]);
      case '/api/batches/{batchId}': return ok(batch);
      case '/api/batches/staff': return ok([]);
      case '/api/filing/filings/{filingId}': return ok({ filingNumber: 'Y00003402001', occupations: [{ key: '电工', name: '电工', highestLevel: 3, lowestLevel: 5 }] });
      default: throw new Error(`unexpected GET ${path}`);
    }
  }) as never);
}

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ConfigProvider button={{ autoInsertSpace: false }}>
      <AntApp>
        <MemoryRouter initialEntries={['/batches/b1']}>
          <Routes><Route path="/batches/:id" element={<BatchPage />} /></Routes>
        </MemoryRouter>
      </AntApp>
      </ConfigProvider>
    </QueryClientProvider>,
  );
}

const filed: BatchView = {
  ...draft, status: 'Filed', blocking: [], receivingAuthority: '340200', receivingAuthorityName: '芜湖市职业技能鉴定指导中心', filedOn: '2026-11-20',
  occupations: [{ key: '电工', name: '电工', level: 4 }],
  candidates: [
    { id: 'c1', name: '李小明', documentType: 201, documentNumber: '340202199001011234', employer: '奇瑞', occupation: '电工', level: 4, cityName: '芜湖市', hasPhoto: true },
    { id: 'c2', name: '王芳', documentType: 201, documentNumber: '340202199202021234', employer: '奇瑞', occupation: '电工', level: 4, cityName: '芜湖市', hasPhoto: false },
  ],
  actions: ['uploadCandidatePhoto'],
};

describe('the batch page', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  // antd renders a lot into jsdom: give each test time
  vi.setConfig({ testTimeout: 60_000 });

  it('walks the organization through a draft: steps, the checklist of what still blocks filing, and the plan line a rule points at', async () => {
    stubApi(draft, 'organization');
    renderPage();
    const checklist = await screen.findByTestId('blocking');
    expect(within(checklist).getByText('尚不能报备：还有 4 项待完善')).toBeTruthy();
    for (const id of ['BAT-01', 'BAT-10', 'BAT-03']) expect(within(checklist).getAllByText(id).length).toBeGreaterThan(0);
    // the rule about the first occupation line is shown at that line
    const line = await screen.findByTestId('occupation-line-0');
    expect(within(line).getByText('“焊工”四级/中级工不在备案的职业（工种）和等级范围内。')).toBeTruthy();
    // the plan step is shown first; the filing step is kept mounted, hidden, until it is chosen
    expect(screen.getByText('保存计划').closest('button')).toBeTruthy();
    expect(screen.getByText('报备认定计划').closest('button')?.closest('[hidden]')).toBeTruthy();
    expect(screen.queryByTestId('masked-note')).toBeNull();
  });

  it('shows the receiving reviewer exactly its decisions, with personal data masked as the server gave it', async () => {
    stubApi(reported, 'reviewer');
    renderPage();
    expect(await screen.findByTestId('report-decision')).toBeTruthy();
    const button = (name: string) => screen.queryAllByText(name).map((e) => e.closest('button')).find(Boolean);
    for (const name of ['审核通过', '退回', '记录抽查']) expect(button(name)).toBeTruthy();
    // the organization's step is not the reviewer's (the ledger mentions it, no button does)
    expect(button('报备认定结果')).toBeUndefined();
    expect(screen.getAllByText('身份证件号码已按规定隐藏').length).toBeGreaterThan(0);
    expect(screen.getByText('3402**********1234')).toBeTruthy();
    expect(screen.getByTestId('receiving-authority').textContent).toBe('芜湖市职业技能鉴定指导中心');
    // the ledger names the role, not its code
    expect(await within(screen.getByTestId('ledger')).findByText(/（评价机构 · 芜湖奇瑞汽车股份有限公司）/)).toBeTruthy();
    expect(within(screen.getByTestId('ledger')).queryByText(/organization/)).toBeNull();
  });

  it('lets the organization upload each candidate\'s 2-inch photo and shows who still lacks one (CRT-03)', async () => {
    stubApi(filed, 'organization');
    renderPage();
    const candidates = await screen.findByTestId('candidates');
    expect(within(candidates).getByTestId('photos-missing').textContent).toContain('尚有 1 名考生未上传二寸照片');
    expect(within(candidates).getByAltText('李小明的照片').getAttribute('src')).toBe('/api/batches/b1/candidates/c1/photo?v=3');
    expect(within(candidates).getAllByTestId('photo-missing')).toHaveLength(1);
    expect(within(candidates).getByLabelText('上传王芳的照片').textContent).toContain('上传照片');
    expect(within(candidates).getByLabelText('上传李小明的照片').textContent).toContain('更换');
  });

  it('shows a reviewer who sees masked data whether a photo exists, without the photo or an upload button', async () => {
    stubApi(reported, 'reviewer');
    renderPage();
    expect(await screen.findByText('已上传照片')).toBeTruthy();
    expect(screen.queryByAltText(/的照片$/)).toBeNull();
    expect(screen.queryByLabelText(/^上传.*的照片$/)).toBeNull();
  });
});
