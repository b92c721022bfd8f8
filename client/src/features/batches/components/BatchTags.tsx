import { Tag } from 'antd';
import { batchDeadline, type BatchDates } from '../../../lib/batches';
import { batchStatusColors, useTerms } from '../../../lib/terms';

export function BatchStatusTag({ status, testId = 'batch-status' }: { status: string; testId?: string }) {
  const terms = useTerms();
  return <Tag data-testid={testId} color={batchStatusColors[status]}>{terms.name('batchStatuses', status)}</Tag>;
}

/** The date the batch runs against now (exam day, end of publicity, BAT-07 report deadline); nothing when none applies. */
export function BatchDeadlineTag({ batch }: { batch: BatchDates }) {
  const deadline = batchDeadline(batch);
  if (!deadline) return <span aria-label="无时限">—</span>;
  return <Tag color={deadline.color} data-testid="batch-deadline">{deadline.label}：{deadline.text}</Tag>;
}
