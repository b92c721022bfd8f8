import { useState } from 'react';
import { App, Button, Card, Divider, Form, Input, Select, Space } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../api/client';
import { confirmDecision } from '../../../lib/confirm';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { ExceptionLabel } from './ExceptionLabel';
import { mayTake, useUpdate } from './FilingStages';

type Application = Schemas['Filing.ApplicationView'];

/** The acting authority's decisions: forward after a city's first review, accept, or return with what is missing. */
export function ReviewerActions({ application: a }: { application: Application }) {
  const { modal, message } = App.useApp();
  const [remarks, setRemarks] = useState('');
  const [missing, setMissing] = useState('');
  const [reason, setReason] = useState('');
  const [decisions, setDecisions] = useState<Record<string, { granted: boolean; reason: string }>>({});
  const firstReview = !!a.firstReviewAuthority && !a.forwarded;
  const path = { params: { path: { applicationId: a.id } } };
  const forward = useMutation({
    mutationFn: () => unwrap(api.POST('/api/filing/applications/{applicationId}/forward', {
      ...path, body: { version: a.version, opinion: remarks },
    })),
    onSuccess: useUpdate(a, '已报送'),
  });
  const accept = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/filing/applications/{applicationId}/accept', {
        ...path,
        body: {
          version: a.version, remarks: remarks || null,
          exceptionDecisions: Object.entries(decisions).map(([ruleId, d]) => ({ ruleId, ...d })),
        },
      })),
    onSuccess: useUpdate(a, '已受理'),
  });
  const giveBack = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/filing/applications/{applicationId}/return', {
        ...path,
        body: { version: a.version, missingItems: missing.split('\n').map((m) => m.trim()).filter(Boolean), reason },
      })),
    onSuccess: useUpdate(a, '已退回'),
  });
  const error = forward.error ?? accept.error ?? giveBack.error;
  const missingList = missing.split('\n').map((m) => m.trim()).filter(Boolean);
  return (
    <Card title={firstReview ? '市级初审' : '受理决定'} data-testid="decision">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Form layout="vertical">
          <Form.Item label={firstReview ? '初审意见' : '受理意见'}>
            <Input.TextArea rows={2} value={remarks} onChange={(e) => setRemarks(e.target.value)} aria-label="审核意见" />
          </Form.Item>
          {!firstReview && [...new Set(a.exceptedViolations.map((v) => v.ruleId))].map((ruleId) => (
            <Form.Item key={ruleId} label={<ExceptionLabel rules={a.exceptedViolations} ruleId={ruleId} ask="例外申请的决定" />}>
              <Space wrap>
                <Select style={{ width: 140 }} value={decisions[ruleId]?.granted} placeholder="同意/不同意"
                  options={[{ value: true, label: '同意例外' }, { value: false, label: '不同意' }]}
                  onChange={(granted) => setDecisions({ ...decisions, [ruleId]: { reason: decisions[ruleId]?.reason ?? '', granted } })} />
                <Input style={{ width: 'min(420px, 80vw)' }} placeholder="理由" value={decisions[ruleId]?.reason}
                  onChange={(e) => setDecisions({
                    ...decisions, [ruleId]: { granted: decisions[ruleId]?.granted ?? false, reason: e.target.value },
                  })} />
              </Space>
            </Form.Item>
          ))}
        </Form>
        {error && <ProblemAlert error={error} />}
        <Space wrap>
          {mayTake(a, 'forwardFilingApplication') && (
            <Button type="primary" loading={forward.isPending}
              onClick={() => confirmDecision(modal, {
                title: '初审通过并报送？', okText: '确认报送',
                content: `将把“${a.organizationName}”的申请报送${a.handlingAuthorityName ?? '受理部门'}，报送后本部门不能再修改初审意见。`,
                run: () => forward.mutateAsync(),
              })}>初审通过并报送</Button>
          )}
          {mayTake(a, 'acceptFilingApplication') && (
            <Button type="primary" loading={accept.isPending}
              onClick={() => confirmDecision(modal, {
                title: '受理该申请？', okText: '确认受理',
                content: `受理后进入技术评估，不能再退回补正。${a.exceptedViolations.length > 0 ? '请确认已对每条例外申请作出决定。' : ''}`,
                run: () => accept.mutateAsync(),
              })}>受理</Button>
          )}
        </Space>
        {mayTake(a, 'returnFilingApplication') && (
          <>
            <Divider titlePlacement="start">退回补正</Divider>
            <Input.TextArea rows={3} placeholder="需补正的材料或事项，每行一项" value={missing} onChange={(e) => setMissing(e.target.value)} aria-label="需补正的材料" />
            <Input placeholder="退回理由" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="退回理由" />
            <Button danger loading={giveBack.isPending}
              onClick={() => {
                if (!reason.trim() || missingList.length === 0) {
                  message.warning('请填写需补正的材料或事项（每行一项）和退回理由。');
                  return;
                }
                confirmDecision(modal, {
                  title: '退回补正？', okText: '确认退回', danger: true,
                  content: `将退回“${a.organizationName}”补正 ${missingList.length} 项：${missingList.join('、')}。`,
                  run: () => giveBack.mutateAsync(),
                });
              }}>退回补正</Button>
          </>
        )}
      </Space>
    </Card>
  );
}
