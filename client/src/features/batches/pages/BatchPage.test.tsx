import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { api, type Schemas } from '../../../api/client';
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
  staff: [], candidates: [], openObjections: 0, passed: 0, absent: 0, eligibility: [], inspectors: [],
  blocking: [
    { ruleId: 'BAT-01', code: 'batch.no-candidates', message: '请录入考生信息。', inPrinciple: false },
    { ruleId: 'BAT-10', code: 'batch.fee-standard-missing', message: '请注明收费所依据的公布标准（文件名称或文号）。', inPrinciple: false },
    { ruleId: 'BAT-03', code: 'batch.occupation-not-filed', message: '“焊工”四级/中级工不在备案的职业（工种）和等级范围内。', inPrinciple: false, target: '/occupations/0' },
    { ruleId: 'BAT-01', code: 'batch.staff-missing', message: '请安排监考人员。', inPrinciple: false },
  ],
  actions: ['changeBatchPlan', 'assignBatchStaff', 'addBatchCandidate', 'importBatchCandidates', 'removeBatchCandidate', 'fileBatchPlan'],
  details: { id: 'b1', spotChecks: [], rectifications: [], reportLate: false, missedDeadlines: [], ledger: [] },
};

const reported: BatchView = {
  ...draft, status: 'Reported', blocking: [], receivingAuthority: '340200', receivingAuthorityName: '芜湖市职业技能鉴定指导中心',
  occupations: [{ key: '电工', name: '电工', level: 4 }], passed: 1, reportedOn: '2027-01-10',
  candidates: [{
    id: 'c1', name: '李*明', documentType: 201, documentNumber: '3402**********1234', employer: '奇瑞', occupation: '电工', level: 4,
    cityName: '芜湖市', hasPhoto: true,
    result: { candidateId: 'c1', absent: false, passed: true, scores: [{ subject: '理论知识', score: 80 }] },
  }],
  actions: [
    'acceptResultsReport', 'returnResultsReport', 'recordBatchSpotCheck', 'getBatchCandidate', 'downloadCandidatePhoto', 'downloadCertificateTable',
  ],
  details: {
    id: 'b1', spotChecks: [], rectifications: [], reportLate: false, missedDeadlines: [],
    ledger: [{ at: '2027-01-10T02:00:00Z', action: '报备认定结果', actorName: '张伟（芜湖奇瑞）', actorRole: 'organization', document: '附件4、附件5' }],
  },
};

/** The candidate in full, as GET /api/batches/{batchId}/candidates/{candidateId} gives it to those who may see it. */
const fullCandidate = {
  id: 'c1', name: '李小明', documentType: 201, documentNumber: '340202199001011234', employer: '奇瑞', occupation: '电工', level: 4, cityName: '芜湖市',
  phone: '13800001234', hasPhoto: true,
};

function stubApi(batch: BatchView, role: string) {
  const ok = (data: unknown) => Promise.resolve({ data, response: new Response(null, { status: 200 }) });
  return vi.spyOn(api, 'GET').mockImplementation(((path: string) => {
    switch (path) {
      case '/api/auth/session': return ok({ signedIn: true, user: { id: 'u1', userName: 'x', displayName: 'X', role, roleName: role } });
      case '/api/terms': return ok(terms);
      case '/api/authorities': return ok([]);
      case '/api/batches/{batchId}': return ok(batch);
      case '/api/batches/{batchId}/candidates/{candidateId}': return ok(fullCandidate);
      case '/api/batches/staff': return ok([]);
      case '/api/filing/filings/{filingId}':
        return ok({ filingNumber: 'Y00003402001', occupations: [{ key: '电工', name: '电工', highestLevel: 3, lowestLevel: 5 }] });
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
  // the roster comes masked to everyone
  candidates: [
    {
      id: 'c1', name: '李*明', documentType: 201, documentNumber: '3402**********1234', employer: '奇瑞', occupation: '电工', level: 4,
      cityName: '芜湖市', hasPhoto: true,
    },
    {
      id: 'c2', name: '王*', documentType: 201, documentNumber: '3402**********1234', employer: '奇瑞', occupation: '电工', level: 4,
      cityName: '芜湖市', hasPhoto: false,
    },
  ],
  actions: ['uploadCandidatePhoto', 'getBatchCandidate', 'downloadCandidatePhoto'],
};

describe('the batch page', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
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
    expect(screen.getAllByText('报备认定计划').find((e) => e.closest('button'))?.closest('button')?.closest('[hidden]')).toBeTruthy();
    expect(screen.queryByTestId('masked-note')).toBeNull();
  });

  it('shows the receiving reviewer exactly its decisions, with the roster masked and 附件5 offered as the server allows', async () => {
    stubApi(reported, 'reviewer');
    renderPage();
    expect(await screen.findByTestId('report-decision')).toBeTruthy();
    const button = (name: string) => screen.queryAllByText(name).map((e) => e.closest('button')).find(Boolean);
    for (const name of ['审核通过', '退回', '记录抽查', '下载附件5（证书信息表）']) expect(button(name)).toBeTruthy();
    // the organization's step is not the reviewer's (the ledger mentions it, no button does)
    expect(button('报备认定结果')).toBeUndefined();
    expect(screen.getByTestId('masked-note').textContent).toBe('名单中的个人信息已脱敏，点击“查看”查看完整信息（将记录查阅）');
    expect(screen.getByText('3402**********1234')).toBeTruthy();
    expect(screen.getByTestId('receiving-authority').textContent).toBe('芜湖市职业技能鉴定指导中心');
    // the ledger names the role, not its code
    expect(await within(screen.getByTestId('ledger')).findByText(/（评价机构 · 芜湖奇瑞汽车股份有限公司）/)).toBeTruthy();
    expect(within(screen.getByTestId('ledger')).queryByText(/organization/)).toBeNull();
  });

  it('opens one candidate in full from the masked roster (查看), with the photo fetched stating the purpose', async () => {
    const get = stubApi(filed, 'organization');
    const fetch = vi.fn().mockImplementation(() => Promise.resolve(new Response(new Blob(['jpeg']), { status: 200 })));
    vi.stubGlobal('fetch', fetch);
    // jsdom has no blob links
    Object.assign(URL, { createObjectURL: () => 'blob:photo', revokeObjectURL: () => undefined });
    renderPage();
    const candidates = await screen.findByTestId('candidates');
    expect(within(candidates).queryByText('340202199001011234')).toBeNull();
    fireEvent.click(within(candidates).getByLabelText('查看李*明的完整信息'));
    const detail = await screen.findByTestId('candidate-detail');
    expect(get).toHaveBeenCalledWith('/api/batches/{batchId}/candidates/{candidateId}', { params: { path: { batchId: 'b1', candidateId: 'c1' } } });
    expect(within(detail).getByText('李小明')).toBeTruthy();
    expect(within(detail).getByTestId('candidate-document-number').textContent).toBe('340202199001011234');
    expect(within(detail).getByText('13800001234')).toBeTruthy();
    expect((await within(detail).findByAltText('李小明的照片')).getAttribute('src')).toBe('blob:photo');
    expect(fetch.mock.calls[0][0]).toBe('/api/batches/b1/candidates/c1/photo?v=3');
  });

  it('lets the organization upload each candidate\'s 2-inch photo and shows who still lacks one (CRT-03)', async () => {
    stubApi(filed, 'organization');
    renderPage();
    const candidates = await screen.findByTestId('candidates');
    expect(within(candidates).getByTestId('photos-missing').textContent).toContain('尚有 1 名考生未上传二寸照片');
    // the roster says whether a photo exists; the photo itself is shown when one candidate is opened
    expect(within(candidates).getAllByTestId('photo-present')).toHaveLength(1);
    expect(within(candidates).queryByAltText(/的照片$/)).toBeNull();
    expect(within(candidates).getAllByTestId('photo-missing')).toHaveLength(1);
    expect(within(candidates).getByLabelText('上传王*的照片').textContent).toContain('上传照片');
    expect(within(candidates).getByLabelText('上传李*明的照片').textContent).toContain('更换');
  });

  it('gives someone who may see only masked data the roster without 查看, photos or 附件5', async () => {
    stubApi({ ...reported, actions: ['recordBatchSpotCheck'] }, 'inspector');
    renderPage();
    expect(await screen.findByText('已上传照片')).toBeTruthy();
    expect(screen.getByTestId('masked-note').textContent).toBe('名单中的个人信息已脱敏');
    expect(screen.queryByText('查看')).toBeNull();
    expect(screen.queryByAltText(/的照片$/)).toBeNull();
    expect(screen.queryByLabelText(/^上传.*的照片$/)).toBeNull();
    expect(screen.queryByText('下载附件5（证书信息表）')).toBeNull();
    expect(screen.getByText('下载附件4（结果汇总表）')).toBeTruthy();
  });

  it('tells the organization of a suspended batch what to do: rectify, report and ask to resume (issue 18 item 6)', async () => {
    const suspended: BatchView = {
      ...filed, status: 'Suspended', actions: ['submitBatchRectification'],
      details: { ...filed.details, suspensionReason: '考场未按规定配备视频监控。', rectifications: [] },
    };
    stubApi(suspended, 'organization');
    const post = vi.spyOn(api, 'POST').mockImplementation((() => Promise.resolve({
      data: { id: 'b1', version: 8 }, response: new Response(null, { status: 200 }),
    })) as never);
    renderPage();
    const card = await screen.findByTestId('suspended');
    expect(within(card).getByText('考场未按规定配备视频监控。')).toBeTruthy();
    expect(within(card).getByText('下一步：整改并申请恢复')).toBeTruthy();
    expect(screen.getByTestId('batch-deadline').textContent).not.toContain('还有');
    fireEvent.change(within(card).getByLabelText('整改报告'), { target: { value: '已补装视频监控。' } });
    fireEvent.click(within(card).getByText('提交整改报告并申请恢复'));
    await vi.waitFor(() => expect(post).toHaveBeenCalled());
    expect(post.mock.calls[0][0]).toBe('/api/batches/{batchId}/rectification');
    expect((post.mock.calls[0][1] as { body: unknown }).body).toEqual({ version: suspended.version, report: '已补装视频监控。' });
  });

  it('shows the receiving reviewer the pending rectification report with 退回整改 and 恢复批次', async () => {
    const pending: BatchView = {
      ...filed, status: 'Suspended', actions: ['resumeBatch', 'returnBatchRectification'],
      details: {
        ...filed.details, suspensionReason: '考场未按规定配备视频监控。',
        rectifications: [{ submittedAt: '2026-12-07T02:00:00Z', submittedBy: '张伟', report: '已补装视频监控。' }],
      },
    };
    stubApi(pending, 'reviewer');
    renderPage();
    const card = await screen.findByTestId('suspended');
    const history = within(card).getByTestId('rectifications');
    expect(within(history).getByText('已补装视频监控。')).toBeTruthy();
    expect(within(history).getByText('待受理部门审核')).toBeTruthy();
    expect(within(card).getByText('退回整改')).toBeTruthy();
    expect(within(card).getByText('恢复批次')).toBeTruthy();
    expect(within(card).queryByLabelText('整改报告')).toBeNull();
  });
});
