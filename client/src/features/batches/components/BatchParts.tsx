import { useState } from 'react';
import { App, Progress, Table, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '../../../api/client';
import { ApiProblem, type RowError, type RuleViolation } from '../../../api/problem';
import { RuleTag } from '../../../lib/RuleTag';
import { batchKeys } from '../queries';
import { ErrorCell } from './ErrorCell';

export type BatchView = Schemas['Batches.BatchView'];
export type BatchState = Schemas['Batches.BatchChange'];

/** Whether the server offers the caller this step now (BatchView.actions, named as the operations). */
export const mayTake = (b: BatchView, operation: string) => b.actions.includes(operation);

/**
 * A command on the batch: it is sent with the version last read (or last answered: two commands in a row need no reload
 * between them), then the batch's view is read again. `run` gets the version to send.
 */
export function useBatchCommand<T = void>(b: BatchView, run: (args: T, version: number) => Promise<BatchState>, done: string) {
  const client = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (args: T) => run(args, client.getQueryData<BatchView>(batchKeys.detail(b.id))?.version ?? b.version),
    onSuccess: (state) => {
      client.setQueryData<BatchView>(batchKeys.detail(b.id), (old) => (old ? { ...old, version: state.version } : old));
      client.invalidateQueries({ queryKey: batchKeys.detail(b.id) });
      client.invalidateQueries({ queryKey: batchKeys.lists() });
      message.success(done);
    },
  });
}

/** An upload's progress (0–1) while it is sent; null before the first import. */
export function useUploadProgress() {
  const [sent, setSent] = useState<number | null>(null);
  return { sent, start: () => setSent(0), report: setSent };
}

/** Shown while an import runs: the share of the file uploaded, then the server checking every row (large files take a while). */
export function ImportProgress({ sent, pending }: { sent: number | null; pending: boolean }) {
  if (!pending || sent === null) return null;
  return (
    <div data-testid="import-progress" style={{ maxWidth: 420, marginBottom: 12 }}>
      <Progress percent={Math.round(sent * 100)} status="active" size="small" />
      <Typography.Text type="secondary">{sent < 1 ? '正在上传文件…' : '文件已上传，正在逐行校验，请稍候…'}</Typography.Text>
    </div>
  );
}

/** The rules a failed command broke (empty for other failures). */
export const rulesOf = (error: unknown): RuleViolation[] => (error instanceof ApiProblem ? error.rules : []);

/** The faulty rows a failed import or entry listed. */
export const rowsOf = (error: unknown): RowError[] => (error instanceof ApiProblem ? error.body.rows ?? [] : []);

/** Rules that point at one line of the plan or one candidate, shown at that line. */
export function LineProblems({ rules }: { rules?: RuleViolation[] }) {
  if (!rules || rules.length === 0) return null;
  return (
    <div data-testid="line-problem" role="alert" style={{ marginTop: 4 }}>
      {rules.map((r, i) => (
        <div key={i}>
          <Typography.Text type="danger">{r.message}</Typography.Text>
          <RuleTag ruleId={r.ruleId} />
        </div>
      ))}
    </div>
  );
}

/** Every faulty row of an import (row 1 is the header), as the server listed them; nothing was written. A message opens in a
 * popover from its cell (with its rule reference), so long messages do not widen the table. */
export function RowErrorsTable({ rows }: { rows: RowError[] }) {
  if (rows.length === 0) return null;
  return (
    <Table<RowError>
      size="small"
      rowKey={(r) => `${r.row}-${r.column ?? r.field ?? ''}-${r.message}`}
      style={{ marginTop: 12 }}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      data-testid="row-errors"
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '行', dataIndex: 'row', width: 60, render: (n: number) => <span data-testid="row-number">{n}</span> },
        { title: '列', width: 120, render: (_, r) => r.column ?? r.field ?? '—' },
        { title: '错误', width: 240, render: (_, r) => <ErrorCell errors={[r]} /> },
      ]}
    />
  );
}

/** A result as people read it: 合格, 不合格 or 缺考. */
export function ResultTag({ result }: { result?: Schemas['Batches.CandidateResult'] | null }) {
  if (!result) return <Typography.Text type="secondary">未录入</Typography.Text>;
  if (result.absent) return <Tag>缺考</Tag>;
  return result.passed ? <Tag color="green">合格</Tag> : <Tag color="red">不合格</Tag>;
}
