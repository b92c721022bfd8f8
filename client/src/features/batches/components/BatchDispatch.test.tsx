import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { api, type Schemas } from '../../../api/client';
import { DispatchModal } from './BatchDispatch';

type BatchView = Schemas['Batches.BatchView'];

const batch = {
  id: 'b1', version: 5, title: '2026年第一批', organizationId: 'o1', organizationName: '柳州工程机械', filingId: 'f1', filingNumber: 'Y000045020001',
  jurisdiction: 'guangxi', areaCode: '450000', status: 'Filed', examDays: ['2026-12-15'], actions: ['dispatchBatchInspector'], inspectors: [],
} as unknown as BatchView;

const ok = (data: unknown) => Promise.resolve({ data, response: new Response(null, { status: 200 }) });

function stubApi(answer: Schemas['Batches.EligibleInspectors']) {
  return vi.spyOn(api, 'GET').mockImplementation(((path: string) => {
    if (path === '/api/batches/{batchId}/eligible-inspectors') return ok(answer);
    throw new Error(`unexpected GET ${path}`);
  }) as never);
}

function renderModal() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ConfigProvider button={{ autoInsertSpace: false }}>
        <AntApp><DispatchModal batch={batch} onClose={() => undefined} /></AntApp>
      </ConfigProvider>
    </QueryClientProvider>,
  );
}

describe('dispatching an inspector (BAT-04)', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
  vi.setConfig({ testTimeout: 60_000 });

  it('says why nobody can be dispatched and who adds an inspector, instead of an empty choice', async () => {
    stubApi({
      inspectors: [],
      emptyReason: '只能选派本辖区在职的督查员（BAT-04），而广西壮族自治区职业技能鉴定中心、人力资源社会保障部职业技能鉴定中心目前都没有在职的督查员账号。',
      howToAdd: '督查员账号由系统管理员在“系统管理 → 账号管理”中创建（角色选督查员，所属单位选本辖区主管部门）；请联系系统管理员添加后再选派。',
    });
    renderModal();
    const why = await screen.findByTestId('no-eligible-inspectors');
    expect(within(why).getByText('暂无可选派的督查员')).toBeTruthy();
    expect(within(why).getByText(/广西壮族自治区职业技能鉴定中心、人力资源社会保障部职业技能鉴定中心目前都没有在职的督查员账号/)).toBeTruthy();
    expect(within(why).getByText(/系统管理员在“系统管理 → 账号管理”中创建/)).toBeTruthy();
    expect(screen.getByText('选派').closest('button')!.disabled).toBe(true);
  });

  it('offers the eligible inspectors and says nothing more when there are some', async () => {
    stubApi({ inspectors: [{ id: 'i1', userName: 'gx.inspector', displayName: '蒙督（广西鉴定中心）', role: 'inspector', authorityCode: '450000' }] });
    renderModal();
    expect(await screen.findByLabelText('督查员')).toBeTruthy();
    expect(screen.queryByTestId('no-eligible-inspectors')).toBeNull();
    expect(screen.getByText('选派').closest('button')!.disabled).toBe(false);
  });
});
