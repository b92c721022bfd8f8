import { vi } from 'vitest';
import { api, type Schemas } from '../../api/client';

/** Shared data of the filing feature's tests (imported by *.test.tsx only). */
type Application = Schemas['Filing.ApplicationView'];
type Policy = Schemas['SharedKernel.JurisdictionPolicy'];

export const terms = {
  skillLevels: [1, 2, 3, 4, 5].map((n) => ({ code: String(n), name: ['一级/高级技师', '二级/技师', '三级/高级工', '四级/中级工', '五级/初级工'][n - 1] })),
  applicationStatuses: [{ code: 'Draft', name: '草稿' }, { code: 'Submitted', name: '已提交' }],
  materialItems: [1, 2, 3, 4, 5, 6].map((n) => ({ code: String(n), name: `材料${n}` })),
  evaluatedPopulations: [
    { code: 'OwnStaff', name: '本单位职工' },
    { code: 'DispatchedOrOutsourced', name: '劳务派遣、劳务外包等用工人员' },
    { code: 'Students', name: '在校学生' },
    { code: 'ExternalWorkers', name: '企业职工和社会劳动者（社会人员）' },
  ],
};

export const anhuiPreferences = [
  { code: 'national-standards', name: '参与过国家职业技能标准、题库、培养标准或教材编制',
    basis: '皖人社秘〔2020〕65号 一（八）：同等条件下，优先考虑参与过相关职业国家职业技能标准、题库编制的。' },
  { code: 'assessment-station', name: '设有职业技能鉴定所（站），连续3年以上稳定开展评价',
    basis: '皖人社秘〔2020〕65号 一（八）：同等条件下，优先考虑设有职业技能鉴定所（站）的。' },
];

/** A jurisdiction's policy with only what the filing screens read. */
export function policyOf(id: string, filing: { preferences?: typeof anhuiPreferences; nearestOccupationMapping?: boolean }): Policy {
  return {
    id, name: id, shortName: id,
    filing: {
      pledgeableMaterials: [], evaluationMethods: [], scopes: [], preferences: filing.preferences ?? [],
      enterprises: { ownStaffOnly: !!filing.nearestOccupationMapping, mainBusinessRequired: !!filing.nearestOccupationMapping,
        nearestOccupationMapping: !!filing.nearestOccupationMapping, basis: '' },
      technicalSchools: { occupationsMatchMajors: true, basis: '' },
    },
  } as unknown as Policy;
}

export const draft: Application = {
  id: 'a1', version: 4, organizationId: 'o1', organizationName: '大冶特殊钢有限公司', areaCode: '420281', areaName: '大冶市',
  jurisdiction: 'hubei-huangshi', jurisdictionName: '湖北省黄石市', scope: 'city', scopeName: '面向本市', kind: 'New', kindName: '新申请',
  status: 'Draft', statusName: '草稿', waitingFor: '评价机构填写并提交申请',
  occupations: [{ name: '金属材精整工', code: '6-17-02-03', highestLevel: 3, lowestLevel: 5, levels: '五级/初级工 至 三级/高级工',
    isNewOccupation: false, personTimes: 120, priorSeniorEvaluation: false }],
  consecutiveYears: 3, cumulativePersonTimes: 600, subsidizedTraining: false, preferences: [], preferenceFlags: [], sites: [],
  evaluatedPopulations: [], evaluatedPopulationNames: [], mainBusiness: null, majors: [], draftedAt: '2026-11-01T02:00:00Z',
  forwarded: false, exceptionRequests: [], exceptedViolations: [], exceptionDecisions: [], missingItems: [], materials: [], pledges: [],
  experts: [], evaluationMethods: [], evaluationMethodNames: [], openObjections: 0, upheldObjections: 0, history: [],
  actions: ['changeFilingApplication', 'submitFilingApplication'],
};

export const catalog = [
  { name: '金属材精整工', code: '6-17-02-03', group: '金属冶炼和压延加工人员', type: 'Skill', source: '大典', key: '6-17-02-03' },
  { name: '数控车工', code: '6-18-01-01', group: '机械制造基础加工人员', type: 'Skill', source: '大典', key: '6-18-01-01' },
];

export const ok = (data: unknown, status = 200) => Promise.resolve({ data, response: new Response(null, { status }) });

/** Stubs the GETs of the application pages; `organization` is the applicant's category and nature. */
export function stubGets(options: { application?: Application; policy?: Policy; organization?: { category: string; nature: string };
  list?: unknown; }) {
  return vi.spyOn(api, 'GET').mockImplementation(((path: string) => {
    switch (path) {
      case '/api/auth/session':
        return ok({ signedIn: true, user: { id: 'u1', userName: 'x', displayName: 'X', role: 'authority', roleName: '人社部门' } });
      case '/api/terms': return ok(terms);
      case '/api/filing/applications/{applicationId}': return ok(options.application);
      case '/api/filing/applications': return ok(options.list);
      case '/api/policies/{jurisdiction}': return ok(options.policy);
      case '/api/policies': return ok([]);
      case '/api/organizations/{organizationId}': return ok({ id: 'o1', name: '大冶特殊钢有限公司', ...options.organization });
      case '/api/occupations': return ok(catalog);
      default: throw new Error(`unexpected GET ${path}`);
    }
  }) as never);
}
