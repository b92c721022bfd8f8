import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import { api, type Schemas } from '../../../api/client';
import { NumberRangesPage } from './NumberRangesPage';
import { CertificatesPage } from './CertificatesPage';

type Ranges = Schemas['Certificates.CertificateSerialRanges'];

const terms = {
  skillLevels: [1, 2, 3, 4, 5].map((n) => ({ code: String(n), name: ['一级/高级技师', '二级/技师', '三级/高级工', '四级/中级工', '五级/初级工'][n - 1] })),
  issuanceStatuses: [{ code: 'Running', name: '核发中' }, { code: 'Halted', name: '已中止' }, { code: 'Completed', name: '已完成' }],
  certificateStatuses: [{ code: 'Valid', name: '有效' }],
};

const tree = [{
  code: '000000', name: '人力资源社会保障部职业技能鉴定中心', areaName: '全国', level: 'national', jurisdiction: 'national', children: [
    { code: '340000', name: '安徽省职业技能鉴定指导中心', areaName: '安徽省', level: 'province', jurisdiction: 'anhui', children: [
      { code: '340200', name: '芜湖市职业技能鉴定指导中心', areaName: '芜湖市', level: 'city', jurisdiction: 'anhui', children: [] },
    ] },
    { code: '450000', name: '广西壮族自治区职业技能鉴定指导中心', areaName: '广西', level: 'province', jurisdiction: 'guangxi', children: [] },
  ],
}];

const policy = (id: string) => ({
  id, shortName: id === 'anhui' ? '安徽' : '广西',
  authorities: id === 'anhui'
    ? [{ code: '340000', name: '安徽省职业技能鉴定指导中心', areaName: '安徽省', level: 'province', parent: '000000' }]
    : [{ code: '450000', name: '广西壮族自治区职业技能鉴定指导中心', areaName: '广西', level: 'province', parent: '000000' }],
  certificates: id === 'anhui'
    ? { serialDigits: 6, issuedBy: '评价机构', serialsFromAllocatedRanges: true, rangesAllocatedBy: 'province', rangesNote: '皖人社秘〔2020〕65号附件5备注4' }
    : { serialDigits: 6, issuedBy: '评价机构', serialsFromAllocatedRanges: false, rangesAllocatedBy: null, rangesNote: null },
});

const used: Ranges = {
  organizationId: 'o1', organizationName: '芜湖奇瑞汽车股份有限公司', areaCode: '340200', year: 2026, level: 4, levelName: '四级/中级工',
  ranges: [{ from: '000001', to: '000100', size: 100, used: 100, remaining: 0, documentNumber: '皖职鉴〔2026〕8号', reason: null,
    allocatedAt: '2026-03-01T02:00:00Z', allocatedByName: '吴皖', allocatedByAuthority: '340000' }],
  allocated: 100, used: 100, remaining: 0, nextSerial: null, version: 7, actions: ['allocateCertificateRange'],
};

const ok = (data: unknown) => Promise.resolve({ data, response: new Response(null, { status: 200 }) });

function stub(authority: { code: string; level: string }, items: Ranges[]) {
  vi.spyOn(api, 'GET').mockImplementation(((path: string, init?: { params?: { path?: { jurisdiction?: string } } }) => {
    switch (path) {
      case '/api/auth/session':
        return ok({
          signedIn: true,
          user: {
            id: 'u1', userName: 'x', displayName: 'X', role: 'reviewer', roleName: '审核人员', authority: { ...authority, name: '中心' }, scopes: [],
          },
        });
      case '/api/terms': return ok(terms);
      case '/api/authorities': return ok(tree);
      case '/api/policies/{jurisdiction}': return ok(policy(init!.params!.path!.jurisdiction!));
      case '/api/certificate-ranges': return ok({ items, total: items.length, page: 1, pageSize: 20 });
      case '/api/organizations': return ok({ items: [{ id: 'o1', name: '芜湖奇瑞汽车股份有限公司' }], total: 1, page: 1, pageSize: 20 });
      default: throw new Error(`unexpected GET ${path}`);
    }
  }) as never);
}

function renderPage(page: React.ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ConfigProvider button={{ autoInsertSpace: false }}>
        <AntApp><MemoryRouter>{page}</MemoryRouter></AntApp>
      </ConfigProvider>
    </QueryClientProvider>,
  );
}

const button = (name: string) => screen.queryAllByText(name).map((e) => e.closest('button')).find(Boolean);

describe('the certificate number ranges page (CRT-01)', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
  vi.setConfig({ testTimeout: 60_000 });

  it('lets the provincial center allocate and shows each range with its use', async () => {
    stub({ code: '340000', level: 'province' }, [used]);
    const post = vi.spyOn(api, 'POST').mockImplementation((() => ok({ ...used, organizationName: '芜湖奇瑞汽车股份有限公司' })) as never);
    renderPage(<NumberRangesPage />);
    const page = await screen.findByTestId('number-ranges');
    expect(await within(page).findByText('芜湖奇瑞汽车股份有限公司')).toBeTruthy();
    expect(within(page).getByText('000001–000100')).toBeTruthy();
    expect(within(page).getByText('已用完')).toBeTruthy();
    expect(await within(page).findByText(/安徽：证书编号的流水号按安徽省职业技能鉴定指导中心统一分配的号段编排/)).toBeTruthy();
    expect(button('分配号段')).toBeTruthy();

    // adding to a row: the form knows the ranges there, suggests the next start and sends the version read
    fireEvent.click(button('追加号段')!);
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByTestId('existing-ranges')).toBeTruthy();
    expect(within(dialog).getByText('建议从 000101 起')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('起始号'), { target: { value: '000101' } });
    fireEvent.change(within(dialog).getByLabelText('终止号'), { target: { value: '000300' } });
    fireEvent.change(within(dialog).getByLabelText('文号'), { target: { value: '皖职鉴〔2026〕9号' } });
    expect(await within(dialog).findByText('共 200 个号')).toBeTruthy();
    fireEvent.click(within(dialog).getByText('分配').closest('button')!);
    await waitFor(() => expect(post).toHaveBeenCalled());
    expect(post.mock.calls[0][1]).toMatchObject({
      body: { organizationId: 'o1', year: 2026, level: 4, from: '000101', to: '000300', documentNumber: '皖职鉴〔2026〕9号', reason: null, version: 7 },
    });
  });

  it('shows a city center the ranges without allocation', async () => {
    stub({ code: '340200', level: 'city' }, [{ ...used, actions: [] }]);
    renderPage(<NumberRangesPage />);
    expect(await screen.findByText(/本页仅供查看，号段由安徽省职业技能鉴定指导中心分配/)).toBeTruthy();
    expect(button('分配号段')).toBeUndefined();
    expect(button('追加号段')).toBeUndefined();
  });

  it('says where a policy counts serials itself and offers no allocation', async () => {
    stub({ code: '450000', level: 'province' }, []);
    renderPage(<NumberRangesPage />);
    expect(await screen.findByText('广西：证书编号由系统按机构、年度、等级从000001起顺序编排，不分配号段')).toBeTruthy();
    expect(button('分配号段')).toBeUndefined();
  });
});

describe('a halted issuance on the certificates page (CRT-02)', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
  vi.setConfig({ testTimeout: 60_000 });

  it('shows why it stopped and resumes it with the version read', async () => {
    const halted = {
      batchId: 'b1', batchTitle: '2026年第一批', organizationName: '芜湖奇瑞汽车股份有限公司', total: 5, done: 2, status: 'Halted', haltedRule: 'CRT-01',
      haltedReason: '本机构2026年四级/中级工证书编号号段已用完（000001–000002），请安徽省职业技能鉴定指导中心分配新的号段后恢复发证。',
      lastExamDay: '2026-12-14', acceptedAt: '2026-12-20T02:00:00Z', startedAt: '2026-12-20T02:00:00Z', version: 4, actions: ['resumeIssuance'],
    };
    vi.spyOn(api, 'GET').mockImplementation(((path: string) => {
      switch (path) {
        case '/api/auth/session':
          return ok({ signedIn: true, user: { id: 'u1', userName: 'x', displayName: 'X', role: 'organization', roleName: '评价机构用户', scopes: [] } });
        case '/api/terms': return ok(terms);
        case '/api/certificate-issuances': return ok({ items: [halted], total: 1, page: 1, pageSize: 50 });
        case '/api/certificates': return ok({ items: [], total: 0, page: 1, pageSize: 20 });
        default: throw new Error(`unexpected GET ${path}`);
      }
    }) as never);
    const post = vi.spyOn(api, 'POST').mockImplementation((() => ok({ ...halted, status: 'Running', actions: [] })) as never);
    renderPage(<CertificatesPage />);
    const reason = await screen.findByTestId('halted-reason');
    expect(within(reason).getByText('CRT-01')).toBeTruthy();
    expect(within(reason).getByText(/号段已用完（000001–000002）/)).toBeTruthy();
    fireEvent.click(button('恢复发证')!);
    await waitFor(() => expect(post).toHaveBeenCalled());
    expect(post.mock.calls[0]).toEqual([
      '/api/certificate-issuances/{batchId}/resume', { params: { path: { batchId: 'b1' } }, body: { version: 4 } },
    ]);
  });

  it('issue 16: offers the batch downloads exactly when the server lists them, whatever the role', async () => {
    const done = {
      batchId: 'b2', batchTitle: '2026年第二批', organizationName: '芜湖奇瑞汽车股份有限公司', total: 5, done: 5, status: 'Completed',
      lastExamDay: '2026-12-14', acceptedAt: '2026-12-20T02:00:00Z', startedAt: '2026-12-20T02:00:00Z', version: 6,
    };
    const show = async (role: string, actions: string[]) => {
      vi.spyOn(api, 'GET').mockImplementation(((path: string) => {
        switch (path) {
          case '/api/auth/session':
            return ok({ signedIn: true, user: { id: 'u1', userName: 'x', displayName: 'X', role, roleName: '用户', scopes: [] } });
          case '/api/terms': return ok(terms);
          case '/api/certificate-issuances': return ok({ items: [{ ...done, actions }], total: 1, page: 1, pageSize: 50 });
          case '/api/certificates': return ok({ items: [], total: 0, page: 1, pageSize: 20 });
          default: throw new Error(`unexpected GET ${path}`);
        }
      }) as never);
      renderPage(<CertificatesPage />);
      await screen.findByText('2026年第二批');
    };
    await show('organization', []);
    expect(button('批量下载')).toBeFalsy();
    expect(button('附件5')).toBeFalsy();
    cleanup();
    vi.restoreAllMocks();
    await show('inspector', ['downloadBatchCertificates', 'downloadIssuedCertificateTable']);
    expect(button('批量下载')).toBeTruthy();
    expect(button('附件5')).toBeTruthy();
  });
});
