import type { BatchView } from './components/BatchParts';

/** Every outcome of the recorded results: 合格, 不合格 and 缺考 add up to the candidates scored. */
export function outcomeCounts(b: Pick<BatchView, 'candidates'>) {
  const scored = b.candidates.filter((c) => c.result);
  const passed = scored.filter((c) => c.result!.passed).length;
  const absent = scored.filter((c) => c.result!.absent).length;
  return { total: b.candidates.length, scored: scored.length, passed, absent, failed: scored.length - passed - absent };
}

/** "8 人（合格 6，不合格 1，缺考 1）"; the candidates alone before any result. */
export function outcomeText(b: Pick<BatchView, 'candidates'>) {
  const n = outcomeCounts(b);
  return n.scored === 0 ? `${n.total} 人` : `${n.total} 人（合格 ${n.passed}，不合格 ${n.failed}，缺考 ${n.absent}）`;
}

export const progressSteps = ['计划', '报备', '考试', '成绩', '公示', '报告', '验收', '发证'] as const;

export interface BatchProgress {
  /** index into progressSteps of the step the batch is at */
  current: number;
  /** process: under way; error: suspended there; finish: every step done */
  state: 'process' | 'error' | 'finish';
  /** what happens next, and who acts */
  next: string;
}

type Dates = Pick<BatchView, 'status' | 'examDays' | 'planDeadline' | 'publicityEnd' | 'reportDueOn' | 'receivingAuthorityName' | 'candidates'>;

/** Where a batch stands on its way from plan to certificates, and whose move it is (issue 18 item 5). */
export function batchProgress(b: Dates, today: string): BatchProgress {
  const authority = b.receivingAuthorityName ?? '受理部门';
  const lastExam = b.examDays.at(-1);
  switch (b.status) {
    case 'Draft':
      return { current: 0, state: 'process', next: `评价机构完善认定计划、人员和考生后报备${b.planDeadline ? `（最迟 ${b.planDeadline}）` : ''}` };
    case 'Filed':
      return lastExam && today > lastExam
        ? { current: 3, state: 'process', next: '评价机构录入全部考生的成绩（缺考也须记录）' }
        : { current: 2, state: 'process', next: `评价机构按计划于 ${b.examDays.join('、') || '认定日'} 组织考试，主管部门可派员督查` };
    case 'Suspended': {
      const scored = outcomeCounts(b).scored > 0;
      return { current: scored ? 3 : 2, state: 'error', next: `批次已暂停：评价机构整改并提交整改报告，${authority}审核后恢复` };
    }
    case 'ResultsRecorded':
      return { current: 3, state: 'process', next: '评价机构确认成绩后发起结果公示' };
    case 'InPublicity':
      return { current: 4, state: 'process', next: `结果公示中${b.publicityEnd ? `，至 ${b.publicityEnd}` : ''}；公众可在公示期内提出异议` };
    case 'Publicized':
      return { current: 5, state: 'process', next: `评价机构报备认定结果（附件4、附件5）${b.reportDueOn ? `，应于 ${b.reportDueOn} 前` : ''}` };
    case 'Reported':
      return { current: 6, state: 'process', next: `${authority}审核认定结果，通过或退回` };
    case 'Accepted':
      return { current: 7, state: 'finish', next: '审核通过：证书按编号规则自动核发，可在证书管理中查看进度' };
    default:
      return { current: 0, state: 'process', next: '' };
  }
}
