import { useState } from 'react';
import {
  Alert, App, Button, Card, List, Space, Steps, Typography
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { RuleViolation } from '../../../api/problem';
import { blockingByStep, draftSteps, stepOf, type DraftStep } from '../../../lib/batches';
import { confirmDecision } from '../../../lib/confirm';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { RuleTag } from '../../../lib/RuleTag';
import { mayTake, rulesOf, useBatchCommand, type BatchView } from './BatchParts';
import { batchKeys } from '../queries';
import { CandidatesStep } from './BatchCandidatesStep';
import { PlanForm } from './BatchPlanForm';
import { StaffStep } from './BatchStaffStep';


const stepTitles: Record<DraftStep, string> = { plan: '计划', staff: '人员', candidates: '考生', file: '报备' };

/** Rules once: the blocking list and a refused filing name the same rules. */
function union(a: RuleViolation[], b: RuleViolation[]): RuleViolation[] {
  const seen = new Set<string>();
  return [...a, ...b].filter((r) => {
    const key = `${r.ruleId}|${r.code}|${r.target ?? ''}|${r.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether anything was entered for a step yet: a step nobody started is "not started", never "done" nor a red ✕ (issue 18 item 5). */
function started(b: BatchView, s: DraftStep): boolean {
  if (s === 'plan') return b.occupations.length > 0 || b.examDays.length > 0 || b.sites.length > 0;
  if (s === 'staff') return b.staff.length > 0;
  if (s === 'candidates') return b.candidates.length > 0;
  return false;
}

function stepStatus(b: BatchView, s: DraftStep, current: boolean, problems: number): 'process' | 'error' | 'wait' | 'finish' {
  if (current) return 'process';
  if (s === 'file' || !started(b, s)) return 'wait';
  return problems > 0 ? 'error' : 'finish';
}

/** A draft batch, in the order it is prepared: plan → staff → candidates → filing (BAT-01). Every step stays mounted, so
 * moving between them keeps what was typed. */
export function DraftSteps({ batch: b }: { batch: BatchView }) {
  const [step, setStep] = useState(0);
  const { modal } = App.useApp();
  const client = useQueryClient();
  const file = useBatchCommand(b, (_: void, version) =>
    unwrap(api.POST('/api/batches/{batchId}/file', { params: { path: { batchId: b.id } }, body: { version } })), '认定计划已报备');
  const rules = union(b.blocking, rulesOf(file.error));
  const counts = blockingByStep(b.blocking);
  const goTo = (s: DraftStep) => {
    setStep(draftSteps.indexOf(s));
    window.scrollTo({ top: 0 });
  };
  const next = (s: DraftStep) => (
    <Button type="primary" onClick={() => goTo(s)}>下一步：{stepTitles[s]}</Button>
  );
  return (
    <>
      <Card data-testid="draft-steps">
        <Steps
          current={step}
          onChange={setStep}
          responsive
          items={draftSteps.map((s) => ({
            title: stepTitles[s],
            status: stepStatus(b, s, step === draftSteps.indexOf(s), counts[s]),
            content: s === 'file' ? (b.blocking.length > 0 ? `${b.blocking.length}项待完善` : '可以报备')
              : !started(b, s) ? '尚未开始' : counts[s] > 0 ? `${counts[s]}项待完善` : '已完成',
          }))}
        />
      </Card>
      <div hidden={step !== 0}><PlanForm batch={b} rules={rules} footer={next('staff')} /></div>
      <div hidden={step !== 1}><StaffStep batch={b} footer={next('candidates')} /></div>
      <div hidden={step !== 2}><CandidatesStep batch={b} rules={rules} footer={next('file')} /></div>
      <div hidden={step !== 3}>
        <Card title="报备认定计划" data-testid="file-card">
          <Typography.Paragraph type="secondary">
            报备时按辖区政策逐项核验（提前报备、备案范围、人员回避、考生信息、收费依据），所有不符合项会一并列出。
            报备后计划、人员和考生不能再修改。
          </Typography.Paragraph>
          {b.blocking.length > 0 ? (
            <List
              size="small"
              data-testid="blocking"
              header={<strong>尚不能报备：还有 {b.blocking.length} 项待完善</strong>}
              dataSource={b.blocking}
              renderItem={(r) => (
                <List.Item
                  actions={stepOf(r) !== 'file'
                    ? [<Button key="go" size="small" type="link" onClick={() => goTo(stepOf(r))}>去{stepTitles[stepOf(r)]}</Button>]
                    : []}>
                  <span>{r.message}<RuleTag ruleId={r.ruleId} /></span>
                </List.Item>
              )}
            />
          ) : (
            <Alert type="success" showIcon data-testid="blocking-clear" title="各项报备条件均已满足" />
          )}
          {file.error && <div style={{ marginTop: 12 }} data-testid="file-problem"><ProblemAlert error={file.error} /></div>}
          <Space wrap style={{ marginTop: 16 }}>
            {mayTake(b, 'fileBatchPlan') && (
              <Button type="primary" loading={file.isPending}
                onClick={() => confirmDecision(modal, {
                  title: '报备认定计划？', okText: '确认报备',
                  content: '报备后，认定计划、考务人员和考生名单不能再修改；受理部门按考点所在地或备案部门确定。',
                  run: async () => {
                    // the checklist may be a moment old: read the batch again so the filing sends the current version
                    await client.invalidateQueries({ queryKey: batchKeys.detail(b.id) });
                    return file.mutateAsync();
                  },
                })}>报备认定计划</Button>
            )}
          </Space>
        </Card>
      </div>
    </>
  );
}
