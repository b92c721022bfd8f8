import { useEffect, useState } from 'react';
import { App, Button, Card, Checkbox, InputNumber, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { api, postForm, unwrap, type Schemas } from '../../../api/client';
import { rowErrorsByCandidate } from '../../../lib/batches';
import { downloadFile } from '../../../lib/download';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { useTerms } from '../../../lib/terms';
import { photoColumn } from './CandidatePhoto';
import { BatchPhotos } from './BulkPhotoUpload';
import { MaskedRosterNote, useCandidateViewer } from './CandidateDetail';
import { outcomeText } from '../progress';
import { ErrorCell } from './ErrorCell';
import {
  ImportProgress, ResultTag, RowErrorsTable, mayTake, rowsOf, useBatchCommand, useUploadProgress, type BatchState, type BatchView,
} from './BatchParts';

type Candidate = Schemas['Batches.CandidateView'];

interface Entry {
  absent: boolean;
  scores: Record<string, number | null>;
}

const entriesOf = (b: BatchView): Record<string, Entry> =>
  Object.fromEntries(b.candidates.map((c) => [c.id, {
    absent: c.result?.absent ?? false,
    scores: Object.fromEntries(b.subjects.map((s) => [s, c.result?.scores.find((x) => x.subject === s)?.score ?? null])),
  }]));

const validScore = (v: number | null | undefined) => v === null || v === undefined || (v >= 0 && v <= 100);

/**
 * Results per candidate and subject (BAT-06): entered here or imported from the batch's own template; a candidate passes
 * when every subject reaches 60. Read-only for everyone else and once the results are publicized.
 */
export function ResultsCard({ batch: b }: { batch: BatchView }) {
  const terms = useTerms();
  const { message } = App.useApp();
  const editable = mayTake(b, 'recordBatchResults');
  const [entries, setEntries] = useState<Record<string, Entry>>(() => entriesOf(b));
  const [dirty, setDirty] = useState(false);
  const [sent, setSent] = useState<string[]>([]);
  useEffect(() => {
    if (!dirty) setEntries(entriesOf(b));
  }, [b, dirty]);
  const record = useBatchCommand(b, (results: Schemas['Batches.ResultEntry'][], version) =>
    unwrap(api.POST('/api/batches/{batchId}/results', { params: { path: { batchId: b.id } }, body: { version, results } })), '成绩已保存');
  const upload = useUploadProgress();
  const importing = useBatchCommand(b, (file: File, version) => {
    upload.start();
    return postForm<BatchState>(`/api/batches/${b.id}/results/import`, { version: String(version), file }, upload.report);
  }, '成绩已导入');
  const template = useMutation({ mutationFn: () => downloadFile(`/api/batches/${b.id}/results-template`, '成绩导入模板.xlsx') });
  const entryErrors = rowErrorsByCandidate(rowsOf(record.error), sent);
  const viewer = useCandidateViewer(b);
  const change = (id: string, entry: Partial<Entry>) => {
    setEntries({ ...entries, [id]: { ...entries[id], ...entry } });
    setDirty(true);
  };
  const save = async () => {
    const invalid = b.candidates.some((c) => Object.values(entries[c.id]?.scores ?? {}).some((v) => !validScore(v)));
    if (invalid) {
      message.error('成绩应为0–100分，请修改标红的成绩。');
      return;
    }
    // candidates with nothing entered are left out; the server names any candidate whose subjects are incomplete
    const filled = b.candidates.filter((c) => entries[c.id]?.absent || Object.values(entries[c.id]?.scores ?? {}).some((v) => v !== null));
    if (filled.length === 0) {
      message.warning('请先填写成绩或勾选缺考。');
      return;
    }
    const results = filled.map((c) => ({
      candidateId: c.id,
      absent: entries[c.id].absent,
      scores: entries[c.id].absent
        ? []
        : b.subjects.filter((s) => entries[c.id].scores[s] !== null).map((s) => ({ subject: s, score: entries[c.id].scores[s]! })),
    }));
    setSent(results.map((r) => r.candidateId));
    try {
      await record.mutateAsync(results);
      setDirty(false);
    } catch {
      // shown below and at the candidates concerned
    }
  };
  const subjectColumns = b.subjects.map((subject) => ({
    title: subject,
    width: 110,
    render: (_: unknown, c: Candidate) => {
      if (!editable) {
        if (c.result?.absent) return '—';
        return c.result?.scores.find((s) => s.subject === subject)?.score ?? '—';
      }
      const entry = entries[c.id];
      const value = entry?.scores[subject] ?? null;
      return (
        <InputNumber aria-label={`${c.name} ${subject}`} style={{ width: 90 }} value={value} disabled={entry?.absent}
          status={validScore(value) ? undefined : 'error'}
          onChange={(v) => change(c.id, { scores: { ...entry.scores, [subject]: typeof v === 'number' ? v : null } })} />
      );
    },
  }));
  const showResults = editable || b.candidates.some((c) => c.result);
  if (!showResults) return null;
  return (
    <Card title={`认定成绩：${outcomeText(b)}`} data-testid="results">
      {editable && (
        <Typography.Paragraph type="secondary">
          认定日起可录入成绩：每科 0–100 分，各科均达到 60 分为合格；缺考也须记录。可逐个录入，也可下载本批次的成绩模板填写后导入。
        </Typography.Paragraph>
      )}
      {editable && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button icon={<DownloadOutlined />} loading={template.isPending} onClick={() => template.mutate()}>下载成绩模板（.xlsx）</Button>
          {mayTake(b, 'importBatchResults') && (
            <Upload showUploadList={false} accept=".xlsx" customRequest={({ file }) => importing.mutate(file as File)}>
              <Button icon={<UploadOutlined />} loading={importing.isPending}>导入成绩</Button>
            </Upload>
          )}
        </Space>
      )}
      {template.error && <ProblemAlert error={template.error} />}
      <ImportProgress sent={upload.sent} pending={importing.isPending} />
      {importing.error && <ProblemAlert error={importing.error} />}
      <RowErrorsTable rows={rowsOf(importing.error)} />
      <div style={{ marginTop: 8 }}><MaskedRosterNote batch={b} /></div>
      <BatchPhotos batch={b} />
      <Table<Candidate>
        rowKey="id"
        size="small"
        dataSource={b.candidates}
        scroll={{ x: 'max-content' }}
        pagination={b.candidates.length > 50 ? { pageSize: 50 } : false}
        onRow={(c) => (entryErrors.has(c.id) ? { style: { background: '#fff1f0' } } : {})}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          photoColumn(b),
          { title: '证件号码', dataIndex: 'documentNumber', width: 190 },
          { title: '职业（工种）', width: 150, render: (_, c) => c.occupation },
          ...subjectColumns,
          {
            title: terms.name('candidateOutcomes', 'Absent'),
            width: 70,
            render: (_: unknown, c: Candidate) => (editable
              ? <Checkbox aria-label={`${c.name} ${terms.name('candidateOutcomes', 'Absent')}`} checked={entries[c.id]?.absent}
                onChange={(e) => change(c.id, { absent: e.target.checked })} />
              : c.result?.absent ? '是' : '否'),
          },
          { title: '结果', width: 80, render: (_: unknown, c: Candidate) => <ResultTag result={c.result} /> },
          ...(entryErrors.size > 0
            ? [{
              title: '待修改', width: 240,
              render: (_: unknown, c: Candidate) => <ErrorCell errors={(entryErrors.get(c.id) ?? []).map((message) => ({ message }))} />,
            }]
            : []),
          ...viewer.column,
        ]}
      />
      {viewer.drawer}
      {record.error && <div style={{ marginTop: 12 }} data-testid="results-problem"><ProblemAlert error={record.error} /></div>}
      {editable && (
        <Space wrap style={{ marginTop: 12 }}>
          <Button type="primary" onClick={save} loading={record.isPending}>保存成绩</Button>
          {dirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
        </Space>
      )}
    </Card>
  );
}
