import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import { api, type Schemas } from '../../../api/client';
import { CertificateActions } from './CertificateActions';
import { CertificateCorrections } from './CertificateCorrections';
import { changeLines } from './correctionParts';

type Correction = Schemas['Certificates.CertificateCorrectionItem'];
type Certificate = Schemas['Certificates.CertificateItem'];

const terms = {
  certificateStatuses: [{ code: 'Valid', name: '有效' }, { code: 'Revoked', name: '已撤销' }],
  certificatePrintKinds: [{ code: 'Original', name: '首次核发' }, { code: 'Reissue', name: '补发' }, { code: 'Correction', name: '更正后换发' }],
  certificateCorrectionStatuses: [
    { code: 'Open', name: '待审批' }, { code: 'Approved', name: '已批准' }, { code: 'Rejected', name: '已驳回' }, { code: 'Withdrawn', name: '已撤回' },
  ],
  identityDocumentTypes: [{ code: '201', name: '居民身份证' }],
  roles: [{ code: 'organization', name: '评价机构用户' }, { code: 'reviewer', name: '审核人员' }],
  certificateCorrectionFields: [{ code: 'holderName', name: '姓名' }, { code: 'documentNumber', name: '证件号码' }],
};

const holder = { name: '张小三', documentType: 201, documentTypeName: '居民身份证', documentNumber: '34020219900101001X', employer: '芜湖家政公司' };
const maskedHolder = { ...holder, name: '张*三', documentNumber: '3402**********001X' };

const open: Correction = {
  id: 'r1', certificateId: 'c1', certificateNumber: 'Y000034020001264000001', organizationName: '芜湖奇瑞职业技能评价中心', occupation: '育婴员',
  levelName: '四级/中级工', batchTitle: '2026年第一批', certificateStatus: 'Valid', status: 'Open', previous: holder,
  proposed: { ...holder, name: '张晓三', documentNumber: '340202199001010771' }, changedFields: ['holderName', 'documentNumber'], reason: '姓名录入错误',
  requestedAt: '2026-11-23T02:00:00Z', requestedBy: '张伟', personalDataMasked: false, version: 2,
  actions: ['approveCertificateCorrection', 'rejectCertificateCorrection'],
};

/** The same request as the list shows it: masked for everyone. */
const listed: Correction = {
  ...open, previous: maskedHolder, proposed: { ...maskedHolder, name: '张*三', documentNumber: '3402**********0771' }, personalDataMasked: true,
};

const certificate: Certificate = {
  id: 'c1', number: 'Y000034020001264000001', holderName: '张小三', documentTypeName: '居民身份证', documentNumber: '34020219900101001X',
  employer: '芜湖家政公司', occupation: '育婴员', workType: '——', level: 4, levelName: '四级/中级工', issuedOn: '2026-11-02',
  organizationName: '芜湖奇瑞职业技能评价中心', filingNumber: 'Y000034020001', batchId: 'b1', batchTitle: '2026年第一批', status: 'Valid',
  personalDataMasked: false, version: 3,
  actions: ['revokeCertificate', 'reissueCertificate', 'requestCertificateCorrection', 'downloadCertificatePdf'],
  printNumber: 2, printKind: 'Reissue', printedOn: '2026-11-20', documentType: 201, organizationId: 'o1', filingId: 'f1', applicationId: 'a1',
};

/** The certificate as the list shows it. */
const row: Certificate = { ...certificate, holderName: '张*三', documentNumber: '3402**********001X', personalDataMasked: true };

const ok = (data: unknown) => Promise.resolve({ data, response: new Response(null, { status: 200 }) });

function stubApi(role: string, items: Correction[], single: { certificate?: Certificate; correction?: Correction } = {}) {
  return vi.spyOn(api, 'GET').mockImplementation(((path: string) => {
    switch (path) {
      case '/api/certificates/{certificateId}': return ok(single.certificate ?? certificate);
      case '/api/certificate-corrections/{correctionId}': return ok(single.correction ?? open);
      case '/api/auth/session': return ok({ signedIn: true, user: { id: 'u1', userName: 'x', displayName: 'X', role, roleName: role } });
      case '/api/terms': return ok(terms);
      case '/api/certificate-corrections': return ok({ items, total: items.length, page: 1, pageSize: 10 });
      case '/api/certificates/{certificateId}/history': return ok({
        certificateId: 'c1', corrections: [listed],
        prints: [
          {
            printNumber: 1, kind: 'Original', printedOn: '2026-11-02', printedAt: '2026-11-02T02:00:00Z',
            byName: '芜湖奇瑞职业技能评价中心', byRole: 'organization', current: false,
          },
          {
            printNumber: 2, kind: 'Reissue', printedOn: '2026-11-20', printedAt: '2026-11-20T02:00:00Z', reason: '遗失',
            byName: '张伟', byRole: 'organization', current: true,
          },
        ],
      });
      default: throw new Error(`unexpected GET ${path}`);
    }
  }) as never);
}

function renderWith(node: React.ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ConfigProvider button={{ autoInsertSpace: false }}>
        <MemoryRouter><AntApp>{node}</AntApp></MemoryRouter>
      </ConfigProvider>
    </QueryClientProvider>,
  );
}

describe('certificate corrections', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
  vi.setConfig({ testTimeout: 60_000 });

  it('lists what a correction changes, field by field, as the server named the fields', () => {
    const label = (field: string) => terms.certificateCorrectionFields.find((t) => t.code === field)?.name ?? '';
    expect(changeLines(open, label)).toEqual([
      { field: 'holderName', label: '姓名', before: '张小三', after: '张晓三' },
      { field: 'documentNumber', label: '证件号码', before: '34020219900101001X', after: '340202199001010771' },
    ]);
  });

  it('gives the reviewer the approval queue, compares the request in full and sends the decision with the certificate version'
    + ' and the reason', async () => {
    const get = stubApi('reviewer', [listed]);
    const post = vi.spyOn(api, 'POST').mockImplementation((() => ok({ id: 'c1', version: 3 })) as never);
    renderWith(<CertificateCorrections />);
    const card = await screen.findByTestId('corrections');
    expect(await within(card).findByText('证书更正申请')).toBeTruthy();
    // the list is masked
    expect(await within(card).findByText('3402**********0771')).toBeTruthy();
    expect(within(card).queryByText('张晓三')).toBeNull();
    fireEvent.click(within(card).getByText('批准').closest('button')!);
    // the decision shows the request opened in full
    const comparison = await screen.findByTestId('correction-comparison');
    expect(get).toHaveBeenCalledWith('/api/certificate-corrections/{correctionId}', { params: { path: { correctionId: 'r1' } } });
    expect(within(comparison).getByText('张晓三')).toBeTruthy();
    expect(within(comparison).getByText('340202199001010771')).toBeTruthy();
    fireEvent.change(await screen.findByLabelText('审批意见'), { target: { value: ' 经核对身份证件，同意更正。 ' } });
    fireEvent.click(screen.getAllByText('批准').map((e) => e.closest('button')).filter(Boolean).at(-1)!);
    await waitFor(() => expect(post).toHaveBeenCalled());
    expect(post.mock.calls[0][0]).toBe('/api/certificate-corrections/{correctionId}/approve');
    expect(post.mock.calls[0][1]).toEqual({ params: { path: { correctionId: 'r1' } }, body: { version: 2, reason: '经核对身份证件，同意更正。' } });
  });

  it('shows the organization its own requests without decision buttons, each opened to compare (核对)', async () => {
    stubApi('organization', [{ ...listed, actions: [] }], { correction: { ...open, actions: [] } });
    renderWith(<CertificateCorrections />);
    const card = await screen.findByTestId('corrections');
    expect(await within(card).findByText('3402**********0771')).toBeTruthy();
    expect(within(card).queryByText('批准')).toBeNull();
    expect(within(card).queryByText('驳回')).toBeNull();
    fireEvent.click(within(card).getByText('核对').closest('button')!);
    const comparison = await screen.findByTestId('correction-comparison');
    expect(within(comparison).getByText('340202199001010771')).toBeTruthy();
    expect(within(comparison).getByTestId('reveal-recorded')).toBeTruthy();
  });

  it('opens a certificate in full from its masked row and shows the print history in the detail', async () => {
    const get = stubApi('organization', []);
    renderWith(<CertificateActions certificate={row} onRevoke={() => {}} />);
    // 补发 and 申请更正 wait under 更多, the issuer's red 撤销 below a divider
    fireEvent.click(screen.getByRole('button', { name: /更多操作/ }));
    expect(await screen.findByRole('menuitem', { name: '补发' })).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: '申请更正' })).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: '撤销证书' }).className).toContain('danger');
    expect(screen.getByRole('separator')).toBeTruthy();
    fireEvent.click(screen.getByText('详情').closest('button')!);
    const prints = await screen.findByTestId('print-history');
    expect(await within(prints).findByText('遗失')).toBeTruthy();
    expect(within(prints).getByText('现行')).toBeTruthy();
    expect(within(prints).getByText('已替代')).toBeTruthy();
    const detail = screen.getByTestId('certificate-detail');
    expect(within(detail).getByText(/第2次打印/)).toBeTruthy();
    expect(await within(detail).findByText('张小三')).toBeTruthy();
    expect(within(detail).getByText(/34020219900101001X/)).toBeTruthy();
    expect(get).toHaveBeenCalledWith('/api/certificates/{certificateId}', { params: { path: { certificateId: 'c1' } } });
    // the corrections in the history are masked until one is opened
    expect(within(screen.getByTestId('correction-history')).getByText('3402**********0771')).toBeTruthy();
  });

  it('starts a correction request from the certificate in full, never from the masked row', async () => {
    stubApi('organization', []);
    renderWith(<CertificateActions certificate={row} />);
    fireEvent.click(screen.getByRole('button', { name: /更多操作/ }));
    fireEvent.click(await screen.findByRole('menuitem', { name: '申请更正' }));
    const name = await screen.findByLabelText('姓名');
    expect((name as HTMLInputElement).value).toBe('张小三');
    expect((screen.getByLabelText('证件号码') as HTMLInputElement).value).toBe('34020219900101001X');
  });

  it('tells someone who sees only masked data so in the detail, and offers nothing else', async () => {
    stubApi('inspector', [], { certificate: { ...row, actions: [] } });
    renderWith(<CertificateActions certificate={{ ...row, actions: [] }} />);
    expect(screen.queryByRole('button', { name: /更多操作/ })).toBeNull();
    expect(screen.queryByText('PDF')).toBeNull();
    fireEvent.click(screen.getByText('详情').closest('button')!);
    expect(await screen.findByTestId('reveal-masked')).toBeTruthy();
    expect(within(screen.getByTestId('certificate-detail')).queryByText(/34020219900101001X/)).toBeNull();
  });

  it('lets the organization withdraw its own pending request (撤回申请) with the certificate version, after asking once', async () => {
    stubApi('organization', [{ ...listed, actions: ['withdrawCertificateCorrection'] }]);
    const post = vi.spyOn(api, 'POST').mockImplementation((() => ok({ id: 'c1', version: 3 })) as never);
    renderWith(<CertificateCorrections />);
    const card = await screen.findByTestId('corrections');
    expect(within(card).queryByText('批准')).toBeNull();
    fireEvent.click((await within(card).findByText('撤回申请')).closest('button')!);
    expect(await screen.findAllByText('撤回证书Y000034020001264000001的更正申请？')).not.toHaveLength(0);
    fireEvent.click(screen.getAllByText('撤回申请').map((e) => e.closest('button')).filter(Boolean).at(-1)!);
    await waitFor(() => expect(post).toHaveBeenCalled());
    expect(post.mock.calls[0][0]).toBe('/api/certificate-corrections/{correctionId}/withdraw');
    expect(post.mock.calls[0][1]).toEqual({ params: { path: { correctionId: 'r1' } }, body: { version: 2 } });
  });

  it('offers no withdrawal where the server does not (a reviewer, a decided request)', async () => {
    stubApi('reviewer', [listed, { ...listed, id: 'r2', status: 'Withdrawn', actions: [] }]);
    renderWith(<CertificateCorrections />);
    const card = await screen.findByTestId('corrections');
    await within(card).findAllByText('核对');
    expect(within(card).queryByText('撤回申请')).toBeNull();
    // the filter's option and the request's status
    expect(within(card).getAllByText('已撤回')).toHaveLength(2);
  });

  it('links the certificate to its issuing organization, batch, filing and the application that granted it', async () => {
    stubApi('auditor', []);
    renderWith(<CertificateActions certificate={{ ...row, actions: [] }} />);
    fireEvent.click(screen.getByText('详情').closest('button')!);
    const detail = await screen.findByTestId('certificate-detail');
    const href = (text: string) => within(detail).getByText(text).closest('a')!.getAttribute('href');
    await waitFor(() => expect(href('备案申请')).toBe('/applications/a1'));
    expect(href('芜湖奇瑞职业技能评价中心')).toBe('/organizations/o1');
    expect(href('2026年第一批')).toBe('/batches/b1');
    expect(href('Y000034020001')).toBe('/filings/f1');
  });
});
