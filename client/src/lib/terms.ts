import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';
import { referenceKeys } from './queries';

export type Term = Schemas['SharedKernel.Term'];

/** The code lists GET /api/terms serves (every list the SPA shows by name). */
export type TermList =
  | 'applicationStatuses' | 'applicationKinds' | 'filingStatuses' | 'materialItems' | 'evaluationSubjects'
  | 'organizationNatures' | 'organizationCategories' | 'noticeKinds' | 'noticeStatuses' | 'objectionOutcomes' | 'roles'
  | 'skillLevels' | 'apiScopes' | 'jurisdictions' | 'serviceScopes' | 'evaluationMethods' | 'publicityUnits' | 'authorityLevels'
  | 'batchStatuses' | 'staffRoles' | 'batchSubjects' | 'identityDocumentTypes' | 'certificateStatuses' | 'issuanceStatuses'
  | 'candidateOutcomes' | 'resultsPublicityStates' | 'resultsReportStates'
  | 'certificatePrintKinds' | 'certificateCorrectionStatuses' | 'evaluatedPopulations' | 'occupationTypes' | 'certificateCorrectionFields';

export type TermLists = Partial<Record<string, Term[]>>;

export interface Terms {
  /** True once the lists have arrived. */
  ready: boolean;
  /** The list in the server's order (empty while loading). */
  list: (list: TermList) => Term[];
  /** The name of a code; the code itself only while the lists load (never a raw code once they arrived, see below). */
  name: (list: TermList, code: string | number | null | undefined) => string;
  /** Select options ({ value, label }) of a list. */
  options: (list: TermList) => { value: string; label: string }[];
  /** A service scope's name: the list is keyed "{jurisdiction}/{scope}". */
  scopeName: (jurisdiction: string, scope: string) => string;
  /** "五级/初级工 至 三级/高级工" from the highest and lowest level numbers (1 = highest). */
  levelRange: (highest: number, lowest: number) => string;
}

/** Builds the lookups over the lists; exported for tests. */
export function termsOf(lists: TermLists | undefined): Terms {
  const list = (l: TermList) => lists?.[l] ?? [];
  const name = (l: TermList, code: string | number | null | undefined) => {
    if (code === null || code === undefined || code === '') return '';
    const key = String(code);
    // an unknown code (a list the server has not named yet) is shown as a dash rather than as a raw code
    return list(l).find((t) => t.code === key)?.name ?? (lists ? '—' : '');
  };
  return {
    ready: !!lists,
    list,
    name,
    options: (l) => list(l).map((t) => ({ value: t.code, label: t.name })),
    scopeName: (jurisdiction, scope) => name('serviceScopes', `${jurisdiction}/${scope}`),
    levelRange: (highest, lowest) => `${name('skillLevels', lowest)} 至 ${name('skillLevels', highest)}`,
  };
}

/** Every code list with its Chinese names, read once per page load (the lists change only with a new server). */
export function useTerms(): Terms {
  const query = useQuery({
    queryKey: referenceKeys.terms(),
    queryFn: () => unwrap(api.GET('/api/terms')),
    staleTime: Infinity,
    gcTime: Infinity,
  });
  return termsOf(query.data as TermLists | undefined);
}

/** Colors are the SPA's own choice; the names come from the server. */
export const applicationStatusColors: Record<string, string> = {
  Draft: 'default',
  Submitted: 'blue',
  Returned: 'orange',
  Accepted: 'green',
  UnderEvaluation: 'cyan',
  EvaluationPassed: 'geekblue',
  InPublicity: 'purple',
  Granted: 'success',
  Rejected: 'red',
};

export const filingStatusColors: Record<string, string> = {
  Active: 'green',
  Suspended: 'orange',
  Cancelled: 'red',
  Expired: 'default',
};

export const noticeStatusColors: Record<string, string> = {
  Open: 'green',
  Closed: 'default',
  Withdrawn: 'red',
};

export const certificateStatusColors: Record<string, string> = { Valid: 'success', Revoked: 'error' };

export const issuanceStatusColors: Record<string, string> = { Running: 'processing', Halted: 'error', Completed: 'success' };

export const batchStatusColors: Record<string, string> = {
  Draft: 'default',
  Filed: 'blue',
  Suspended: 'red',
  ResultsRecorded: 'cyan',
  InPublicity: 'purple',
  Publicized: 'orange',
  Reported: 'geekblue',
  Accepted: 'success',
};
