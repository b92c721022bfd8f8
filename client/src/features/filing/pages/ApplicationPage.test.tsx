import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { api } from '../../../api/client';
import { anhuiPreferences, draft, ok, policyOf, stubGets } from '../testFixtures';
import { ApplicationPage } from './ApplicationPage';

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ConfigProvider button={{ autoInsertSpace: false }}>
        <AntApp>
          <MemoryRouter initialEntries={['/applications/a1']}>
            <Routes><Route path="/applications/:id" element={<ApplicationPage />} /></Routes>
          </MemoryRouter>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>,
  );
}

const enterprise = { category: 'Y', nature: 'Enterprise' };

/** The body of the n-th PUT the page sent. */
function sentBody(put: ReturnType<typeof vi.spyOn>, n = 0) {
  return (put.mock.calls[n][1] as { body: Record<string, unknown> }).body;
}

describe('the application edit form', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
  vi.setConfig({ testTimeout: 60_000 });

  it('shows the policy’s preferences with their basis and sends whom it evaluates, the main business and the preferences', async () => {
    const policy = policyOf('anhui', { preferences: anhuiPreferences });
    stubGets({ application: { ...draft, jurisdiction: 'anhui' }, policy, organization: enterprise });
    const put = vi.spyOn(api, 'PUT').mockImplementation((() => ok({ ...draft, version: 5 })) as never);
    renderPage();
    const preferences = await screen.findByTestId('preferences', {}, { timeout: 20_000 });
    expect(within(preferences).getByText('参与过国家职业技能标准、题库、培养标准或教材编制')).toBeTruthy();
    expect(within(preferences).getByText(`依据：${anhuiPreferences[1].basis}`)).toBeTruthy();
    // Anhui knows no 相邻近原则: the line offers no mapping
    expect(screen.queryByText(/按相邻近原则对应/)).toBeNull();

    fireEvent.click(await screen.findByText('本单位职工'));
    fireEvent.click(screen.getByText('劳务派遣、劳务外包等用工人员'));
    fireEvent.change(screen.getAllByLabelText('生产经营主业')[0], { target: { value: '特殊钢棒材的冶炼、轧制与精整' } });
    fireEvent.click(within(preferences).getByText('设有职业技能鉴定所（站），连续3年以上稳定开展评价'));
    fireEvent.click(screen.getByText('保存草稿'));

    await waitFor(() => expect(put).toHaveBeenCalled());
    const body = sentBody(put);
    expect(body.evaluatedPopulations).toEqual(['OwnStaff', 'DispatchedOrOutsourced']);
    expect(body.mainBusiness).toBe('特殊钢棒材的冶炼、轧制与精整');
    expect(body.preferences).toEqual(['assessment-station']);
    expect(body.majors).toEqual([]);
    expect((body.occupations as object[])[0]).not.toHaveProperty('mapping');
  });

  it('offers the nearest-occupation mapping where the policy allows it and sends it with the line', async () => {
    stubGets({ application: draft, policy: policyOf('hubei-huangshi', { nearestOccupationMapping: true }), organization: enterprise });
    const put = vi.spyOn(api, 'PUT').mockImplementation((() => ok({ ...draft, version: 5 })) as never);
    renderPage();
    fireEvent.click(await screen.findByText(/按相邻近原则对应/, {}, { timeout: 20_000 }));
    fireEvent.change(await screen.findByLabelText('本企业使用的工种'), { target: { value: '特钢棒材精整工' } });
    fireEvent.change(screen.getByLabelText('对应理由'), { target: { value: '岗位未列入大典，工作内容最相近。' } });
    // no preferences in this policy: no section for them
    expect(screen.queryByTestId('preferences')).toBeNull();
    fireEvent.click(screen.getByText('保存草稿'));

    await waitFor(() => expect(put).toHaveBeenCalled());
    const line = (sentBody(put).occupations as Record<string, unknown>[])[0];
    expect(line.mapping).toEqual({ requestedName: '特钢棒材精整工', reason: '岗位未列入大典，工作内容最相近。' });
    expect(line).not.toHaveProperty('mapped');
  });

  it('lets a technical school list its majors and marks a refused field by the rule’s target', async () => {
    const school = { ...draft, majors: [{ name: '数控加工', occupations: ['数控车工'] }] };
    stubGets({ application: school, policy: policyOf('hubei-huangshi', { nearestOccupationMapping: true }),
      organization: { category: 'S', nature: 'TechnicalSchool' } });
    const put = vi.spyOn(api, 'PUT').mockImplementation((() => Promise.resolve({
      error: { title: '申请内容不符合规定', rules: [
        { ruleId: 'FIL-02', code: 'filing.enterprise.population-missing', message: '请申报评价对象。', target: '/evaluatedPopulations' },
      ] },
      response: new Response(null, { status: 422 }),
    })) as never);
    renderPage();
    fireEvent.click(await screen.findByText('在校学生', {}, { timeout: 20_000 }));
    const majors = await screen.findByTestId('majors');
    expect(within(majors).getByDisplayValue('数控加工')).toBeTruthy();
    // a school is no enterprise: no main business, no mapping
    expect(screen.queryByText('生产经营主业')).toBeNull();
    expect(screen.queryByText(/按相邻近原则对应/)).toBeNull();
    fireEvent.click(screen.getByText('保存草稿'));

    await waitFor(() => expect(put).toHaveBeenCalled());
    expect(sentBody(put).majors).toEqual([{ name: '数控加工', occupations: ['数控车工'] }]);
    expect(sentBody(put).evaluatedPopulations).toEqual(['Students']);
    expect((await screen.findAllByText('[FIL-02] 请申报评价对象。')).length).toBeGreaterThan(0);
  });
});

describe('the application page', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
  vi.setConfig({ testTimeout: 60_000 });

  it('shows whom it evaluates, the main business, the mapped occupation and the preference flags', async () => {
    const submitted = {
      ...draft, status: 'Submitted' as const, statusName: '已提交', actions: [],
      occupations: [{ ...draft.occupations[0], requestedName: '特钢棒材精整工', mappingReason: '岗位未列入大典，工作内容最相近。' }],
      evaluatedPopulations: ['OwnStaff' as const], evaluatedPopulationNames: ['本单位职工', '劳务派遣、劳务外包等用工人员'],
      mainBusiness: '特殊钢棒材的冶炼、轧制与精整', majors: [{ name: '数控加工', occupations: ['数控车工', '数控铣工'] }],
      preferences: ['assessment-station'], preferenceFlags: [{ name: '设有职业技能鉴定所（站）', basis: anhuiPreferences[1].basis }],
    };
    stubGets({ application: submitted, policy: policyOf('hubei-huangshi', {}), organization: enterprise });
    renderPage();
    const content = await screen.findByTestId('application-content');
    expect(within(content).getByText('金属材精整工（对应本企业：特钢棒材精整工；理由：岗位未列入大典，工作内容最相近。）')).toBeTruthy();
    expect(within(content).getByText('本单位职工、劳务派遣、劳务外包等用工人员')).toBeTruthy();
    expect(within(content).getByText('特殊钢棒材的冶炼、轧制与精整')).toBeTruthy();
    expect(within(content).getByText('数控加工：数控车工、数控铣工')).toBeTruthy();
    const flag = within(content).getByText('择优 · 设有职业技能鉴定所（站）');
    fireEvent.mouseEnter(flag);
    expect(await screen.findByText(`依据：${anhuiPreferences[1].basis}`)).toBeTruthy();
  });
});
