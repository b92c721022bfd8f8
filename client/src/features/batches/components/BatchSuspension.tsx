import { useState } from 'react';
import { Alert, App, Button, Card, Input, Space, Tag, Timeline, Typography } from 'antd';
import { api, unwrap } from '../../../api/client';
import { confirmDecision } from '../../../lib/confirm';
import { formatDateTime } from '../../../lib/format';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { mayTake, useBatchCommand, type BatchView } from './BatchParts';

type Rectification = BatchView['details']['rectifications'][number];

function RectificationState({ r }: { r: Rectification }) {
  if (r.accepted === true) return <Tag color="green">审核通过，批次已恢复</Tag>;
  if (r.accepted === false) return <Tag color="orange">已退回</Tag>;
  return <Tag color="processing">待受理部门审核</Tag>;
}

/** The rectification reports of the batch, oldest first, each with what the receiving authority decided and why. */
function RectificationHistory({ items }: { items: Rectification[] }) {
  if (items.length === 0) return null;
  return (
    <Timeline style={{ marginTop: 16 }} data-testid="rectifications"
      items={items.map((r) => ({
        key: r.submittedAt,
        color: r.accepted === true ? 'green' : r.accepted === false ? 'orange' : 'blue',
        content: (
          <div>
            <Space wrap>
              <Typography.Text strong>整改报告</Typography.Text>
              <RectificationState r={r} />
              <Typography.Text type="secondary">{formatDateTime(r.submittedAt)} · {r.submittedBy}</Typography.Text>
            </Space>
            <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>{r.report}</Typography.Paragraph>
            {r.decision && (
              <Typography.Text type={r.accepted ? 'success' : 'warning'}>
                {r.accepted ? '恢复意见' : '退回理由'}：{r.decision}（{formatDateTime(r.decidedAt)}）
              </Typography.Text>
            )}
          </div>
        ),
      }))} />
  );
}

/**
 * A suspended batch (BAT-03 on the exam day, or a spot check, BAT-04): why, what the organization does about it (its
 * rectification report, which asks to resume), and the receiving reviewer's decision — return the report or resume the batch.
 */
export function SuspendedCard({ batch: b }: { batch: BatchView }) {
  const { modal } = App.useApp();
  const [report, setReport] = useState('');
  const [reason, setReason] = useState('');
  const [returnReason, setReturnReason] = useState('');
  const submit = useBatchCommand(b, (_: void, version) =>
    unwrap(api.POST('/api/batches/{batchId}/rectification', { params: { path: { batchId: b.id } }, body: { version, report: report.trim() } })),
  '整改报告已提交，等待受理部门审核');
  const giveBack = useBatchCommand(b, (_: void, version) =>
    unwrap(api.POST('/api/batches/{batchId}/rectification/return', {
      params: { path: { batchId: b.id } }, body: { version, reason: returnReason.trim() },
    })), '整改报告已退回');
  const resume = useBatchCommand(b, (_: void, version) =>
    unwrap(api.POST('/api/batches/{batchId}/resume', { params: { path: { batchId: b.id } }, body: { version, reason: reason.trim() } })), '批次已恢复');
  if (b.status !== 'Suspended') return null;
  const rectifications = b.details.rectifications;
  const pending = rectifications.find((r) => r.accepted == null);
  const mayReport = mayTake(b, 'submitBatchRectification');
  return (
    <Card title="批次已暂停" data-testid="suspended">
      <Alert type="error" showIcon title="暂停原因" description={b.details.suspensionReason ?? '—'} />
      {mayReport && (
        <Alert style={{ marginTop: 12 }} type="info" showIcon title="下一步：整改并申请恢复"
          description="暂停期间不能继续办理本批次。请针对暂停原因完成整改，提交整改报告；受理部门审核通过后恢复批次，批次回到暂停前的环节。" />
      )}
      {pending && !mayTake(b, 'returnBatchRectification') && (
        <Alert style={{ marginTop: 12 }} type="info" showIcon title="整改报告已提交，等待受理部门审核" />
      )}
      <RectificationHistory items={rectifications} />
      {[submit.error, giveBack.error, resume.error].filter(Boolean).map((e, i) => (
        <div key={i} style={{ marginTop: 12 }}><ProblemAlert error={e} /></div>
      ))}
      {mayReport && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder="整改报告：针对暂停原因做了哪些整改（必填）" value={report}
            onChange={(e) => setReport(e.target.value)} aria-label="整改报告" />
          <Button type="primary" loading={submit.isPending} disabled={!report.trim()} onClick={() => submit.mutate()}>
            提交整改报告并申请恢复
          </Button>
        </Space>
      )}
      {mayTake(b, 'returnBatchRectification') && (
        <Space.Compact style={{ width: '100%', marginTop: 12 }}>
          <Input placeholder="退回理由（整改不到位之处，必填）" value={returnReason} onChange={(e) => setReturnReason(e.target.value)}
            aria-label="退回理由" />
          <Button loading={giveBack.isPending} disabled={!returnReason.trim()}
            onClick={() => confirmDecision(modal, {
              title: '退回整改报告？', okText: '确认退回',
              content: `批次继续暂停，${b.organizationName}须重新整改并提交报告。理由：${returnReason.trim()}`,
              run: () => giveBack.mutateAsync(),
            })}>退回整改</Button>
        </Space.Compact>
      )}
      {mayTake(b, 'resumeBatch') && (
        <Space.Compact style={{ width: '100%', marginTop: 12 }}>
          <Input placeholder="恢复意见（整改情况，必填）" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="恢复理由" />
          <Button type="primary" loading={resume.isPending} disabled={!reason.trim()}
            onClick={() => confirmDecision(modal, {
              title: '恢复该批次？', okText: '确认恢复',
              content: `整改情况：${reason.trim()}。恢复后批次回到暂停前的环节。`,
              run: () => resume.mutateAsync(),
            })}>恢复批次</Button>
        </Space.Compact>
      )}
    </Card>
  );
}
