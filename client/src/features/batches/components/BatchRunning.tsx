import { useEffect, useState } from 'react';
import {
  Alert, App, AutoComplete, Button, Card, Checkbox, DatePicker, Descriptions, Divider, Form, Input, InputNumber, List, Modal, Select, Space, Switch, Table,
  Tag, Timeline, Typography, Upload,
} from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { api, postForm, unwrap, type Schemas } from '../../../api/client';
import { useAreas } from '../../../lib/areas';
import { rowErrorsByCandidate } from '../../../lib/batches';
import { confirmDecision } from '../../../lib/confirm';
import { downloadFile } from '../../../lib/download';
import { formatDateTime } from '../../../lib/format';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { useTerms } from '../../../lib/terms';
import { CandidateTable } from './BatchDraft';
import { MissingPhotos, photoColumn } from './CandidatePhoto';
import { MaskedRosterNote, useCandidateViewer } from './CandidateDetail';
import {
  ImportProgress, ResultTag, RowErrorsTable, mayTake, rowsOf, useBatchCommand, useUploadProgress, type BatchState, type BatchView,
} from './BatchParts';

type Candidate = Schemas['Batches.CandidateView'];
type Staff = Schemas['Batches.StaffView'];
type SpotCheck = Schemas['Batches.SpotCheckDetails'];

/** The plan as filed: occupations, subjects, days, sites, fee and staff. */
export function PlanCard({ batch: b }: { batch: BatchView }) {
  const terms = useTerms();
  const { areaName } = useAreas();
  return (
    <Card title="认定计划" data-testid="plan-view">
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label="职业（工种）及等级">
          {b.occupations.map((o) => `${o.name} ${terms.name('skillLevels', o.level)}`).join('；') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label="认定科目">{b.subjects.join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label="认定日期">{b.examDays.join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label="收费标准">{b.feePerCandidate} 元/人{b.feeStandard ? `（依据：${b.feeStandard}）` : ''}</Descriptions.Item>
        <Descriptions.Item label="考点">
          {b.sites.map((s) => `${s.name}（${areaName(s.areaCode)} ${s.address}）`).join('；') || '—'}
        </Descriptions.Item>
      </Descriptions>
      {b.staff.length > 0 && (
        <Table<Staff>
          size="small"
          rowKey={(s) => `${s.staffId}/${s.role}`}
          style={{ marginTop: 12 }}
          dataSource={b.staff}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '考务人员', dataIndex: 'name', width: 100 },
            { title: '岗位', width: 130, render: (_, s) => terms.name('staffRoles', s.role) },
            { title: '资格', dataIndex: 'qualification', width: 220 },
            { title: '可考评的职业（工种）', width: 180, render: (_, s) => s.occupations.join('、') || '—' },
            { title: '申报回避关系', width: 120, render: (_, s) => (s.declaredRelations.length > 0 ? `${s.declaredRelations.length}项` : '无') },
          ]}
        />
      )}
    </Card>
  );
}

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
      scores: entries[c.id].absent ? [] : b.subjects.filter((s) => entries[c.id].scores[s] !== null).map((s) => ({ subject: s, score: entries[c.id].scores[s]! })),
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
    <Card title={`认定成绩（BAT-06）：合格 ${b.passed} 人，缺考 ${b.absent} 人`} data-testid="results">
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
      <MissingPhotos batch={b} />
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
            title: '缺考',
            width: 70,
            render: (_: unknown, c: Candidate) => (editable
              ? <Checkbox aria-label={`${c.name} 缺考`} checked={entries[c.id]?.absent} onChange={(e) => change(c.id, { absent: e.target.checked })} />
              : c.result?.absent ? '是' : '否'),
          },
          { title: '结果', width: 80, render: (_: unknown, c: Candidate) => <ResultTag result={c.result} /> },
          ...(entryErrors.size > 0
            ? [{ title: '待修改', width: 240, render: (_: unknown, c: Candidate) => <Typography.Text type="danger">{entryErrors.get(c.id)?.join('；')}</Typography.Text> }]
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

/** The candidates of a filed batch whose results are not entered here (authorities, or before results can be entered). */
export function CandidatesCard({ batch: b }: { batch: BatchView }) {
  return (
    <Card title={`考生名单（${b.candidates.length}人）`} data-testid="candidates">
      <CandidateTable batch={b} />
    </Card>
  );
}

/** BAT-06 publicity of the results: started by the organization; the notice takes objections and closes by itself. */
export function PublicityCard({ batch: b }: { batch: BatchView }) {
  const { modal } = App.useApp();
  const start = useBatchCommand(b, (_: void, version) =>
    unwrap(api.POST('/api/batches/{batchId}/publicity', { params: { path: { batchId: b.id } }, body: { version } })), '结果公示已发起');
  const may = mayTake(b, 'startResultsPublicity');
  if (!may && !b.publicityNoticeId) return null;
  return (
    <Card title="结果公示（BAT-06）" data-testid="publicity">
      {b.publicityNoticeId && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="公示期">{b.publicityStart} 至 {b.publicityEnd}</Descriptions.Item>
          <Descriptions.Item label="异议">
            {b.openObjections > 0 ? <Tag color="red">{b.openObjections} 件待处理</Tag> : <Tag color="green">无未决异议</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="公告"><Link to={`/notices/${b.publicityNoticeId}`}>查看结果公示及异议</Link></Descriptions.Item>
        </Descriptions>
      )}
      {start.error && <div style={{ marginBottom: 12 }}><ProblemAlert error={start.error} /></div>}
      {may && (
        <>
          <Typography.Paragraph type="secondary">
            公示合格人员名单（姓名和身份证件号码部分隐藏），公示期按辖区政策；公示期内有异议的，异议成立须更正成绩后重新公示。全部考生均有成绩（含缺考）后才能发起。
          </Typography.Paragraph>
          <Button type="primary" loading={start.isPending}
            onClick={() => confirmDecision(modal, {
              title: '发起结果公示？', okText: '确认公示',
              content: `将在公示公告中公示本批次合格的 ${b.passed} 名考生；公示开始后不能再修改成绩。`,
              run: () => start.mutateAsync(),
            })}>发起结果公示</Button>
        </>
      )}
    </Card>
  );
}

/** BAT-07: the organization reports the results (附件4, 附件5) after a clean publicity; the receiving authority accepts or returns. */
export function ReportCard({ batch: b }: { batch: BatchView }) {
  const { modal } = App.useApp();
  const [opinion, setOpinion] = useState('');
  const [reason, setReason] = useState('');
  const path = { params: { path: { batchId: b.id } } };
  const submit = useBatchCommand(b, (_: void, version) => unwrap(api.POST('/api/batches/{batchId}/report', { ...path, body: { version } })), '认定结果已报备');
  const accept = useBatchCommand(b, (_: void, version) =>
    unwrap(api.POST('/api/batches/{batchId}/report/accept', { ...path, body: { version, opinion: opinion.trim() } })), '已审核通过');
  const giveBack = useBatchCommand(b, (_: void, version) =>
    unwrap(api.POST('/api/batches/{batchId}/report/return', { ...path, body: { version, reason: reason.trim() } })), '已退回');
  const download = useMutation({ mutationFn: ({ url, name }: { url: string; name: string }) => downloadFile(url, name) });
  const error = submit.error ?? accept.error ?? giveBack.error ?? download.error;
  const reporting = ['InPublicity', 'Publicized', 'Reported', 'Accepted'].includes(b.status) || (b.status === 'Suspended' && !!b.publicityNoticeId);
  if (!reporting) return null;
  return (
    <Card title="认定结果报备（BAT-07）" data-testid="report">
      {b.status === 'Publicized' && b.details.returnReason && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="report-returned" title="报备被退回" description={b.details.returnReason} />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="应报备日期">{b.reportDueOn ? `${b.reportDueOn}前` : '公示期满后确定'}</Descriptions.Item>
        <Descriptions.Item label="报备日期">
          {b.reportedOn ?? '未报备'}{b.details.reportLate && <Tag color="red" style={{ marginInlineStart: 8 }}>逾期报备</Tag>}
        </Descriptions.Item>
        {b.details.acceptanceOpinion && <Descriptions.Item label="审核意见">{b.details.acceptanceOpinion}</Descriptions.Item>}
      </Descriptions>
      <Space wrap style={{ margin: '8px 0 12px' }}>
        <Button icon={<DownloadOutlined />} onClick={() => download.mutate({ url: `/api/batches/${b.id}/report/summary`, name: '认定结果汇总表（附件4）.xlsx' })}>
          下载附件4（结果汇总表）
        </Button>
        {/* 附件5 lists identity numbers: offered to those who may see them in full (the download is recorded) */}
        {mayTake(b, 'downloadCertificateTable') && (
          <Button icon={<DownloadOutlined />} onClick={() => download.mutate({ url: `/api/batches/${b.id}/report/certificates`, name: '合格人员证书信息表（附件5）.xlsx' })}>
            下载附件5（证书信息表）
          </Button>
        )}
      </Space>
      {error && <div style={{ marginBottom: 12 }}><ProblemAlert error={error} /></div>}
      {mayTake(b, 'submitResultsReport') && (
        <div>
          <Typography.Paragraph type="secondary">公示期满无异议后，将附件4、附件5报受理部门（{b.receivingAuthorityName ?? '—'}）。</Typography.Paragraph>
          <Button type="primary" loading={submit.isPending}
            onClick={() => confirmDecision(modal, {
              title: '报备认定结果？', okText: '确认报备',
              content: `将向${b.receivingAuthorityName ?? '受理部门'}报备本批次认定结果：合格 ${b.passed} 人，缺考 ${b.absent} 人。`,
              run: () => submit.mutateAsync(),
            })}>报备认定结果</Button>
        </div>
      )}
      {(mayTake(b, 'acceptResultsReport') || mayTake(b, 'returnResultsReport')) && (
        <div data-testid="report-decision">
          <Divider titlePlacement="start">审核认定结果</Divider>
          <Form layout="vertical">
            {mayTake(b, 'acceptResultsReport') && (
              <Form.Item label="审核意见" required>
                <Input.TextArea rows={2} value={opinion} onChange={(e) => setOpinion(e.target.value)} aria-label="审核意见" maxLength={2000} />
              </Form.Item>
            )}
          </Form>
          <Space wrap>
            {mayTake(b, 'acceptResultsReport') && (
              <Button type="primary" loading={accept.isPending} disabled={!opinion.trim()}
                onClick={() => confirmDecision(modal, {
                  title: '审核通过认定结果？', okText: '确认通过',
                  content: `通过后，本批次 ${b.passed} 名合格人员将进入证书发放，批次办结，不能撤回。`,
                  run: () => accept.mutateAsync(),
                })}>审核通过</Button>
            )}
          </Space>
          {mayTake(b, 'returnResultsReport') && (
            <Space.Compact style={{ width: '100%', marginTop: 12 }}>
              <Input placeholder="退回理由（必填）" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="退回理由" />
              <Button danger loading={giveBack.isPending} disabled={!reason.trim()}
                onClick={() => confirmDecision(modal, {
                  title: '退回认定结果？', okText: '确认退回', danger: true,
                  content: `将退回${b.organizationName}修改后重新报备，理由：${reason.trim()}`,
                  run: () => giveBack.mutateAsync(),
                })}>退回</Button>
            </Space.Compact>
          )}
        </div>
      )}
    </Card>
  );
}

/** A suspended batch (BAT-03 on the exam day, or a spot check, BAT-04): why, and the receiving reviewer's resumption. */
export function SuspendedCard({ batch: b }: { batch: BatchView }) {
  const { modal } = App.useApp();
  const [reason, setReason] = useState('');
  const resume = useBatchCommand(b, (_: void, version) =>
    unwrap(api.POST('/api/batches/{batchId}/resume', { params: { path: { batchId: b.id } }, body: { version, reason: reason.trim() } })), '批次已恢复');
  if (b.status !== 'Suspended') return null;
  return (
    <Card title="批次已暂停（BAT-04）" data-testid="suspended">
      <Alert type="error" showIcon title="暂停原因" description={b.details.suspensionReason ?? '—'} />
      {resume.error && <div style={{ marginTop: 12 }}><ProblemAlert error={resume.error} /></div>}
      {mayTake(b, 'resumeBatch') && (
        <Space.Compact style={{ width: '100%', marginTop: 12 }}>
          <Input placeholder="恢复理由（整改情况，必填）" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="恢复理由" />
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

const steps = ['考前准备', '身份核验', '理论知识考试', '操作技能考核', '综合评审', '阅卷评分', '成绩录入', '结果公示'];

interface SpotCheckValues {
  step: string;
  checkedAt: Dayjs;
  findings: string;
  suspend: boolean;
}

/** BAT-04 spot checks by the supervising authority; a finding may suspend the batch. */
export function SpotChecksCard({ batch: b }: { batch: BatchView }) {
  const [open, setOpen] = useState(false);
  const [dispatching, setDispatching] = useState(false);
  const checks = b.details.spotChecks;
  const may = mayTake(b, 'recordBatchSpotCheck');
  const mayDispatch = mayTake(b, 'dispatchBatchInspector');
  if (!may && !mayDispatch && checks.length === 0 && b.inspectors.length === 0) return null;
  return (
    <Card title="督查抽查（BAT-04）" data-testid="spot-checks"
      extra={
        <Space wrap>
          {mayDispatch && <Button onClick={() => setDispatching(true)}>选派督查员</Button>}
          {may && <Button onClick={() => setOpen(true)}>记录抽查</Button>}
        </Space>
      }
      styles={{ header: { flexWrap: 'wrap', rowGap: 8, paddingBlock: 8 } }}>
      {b.inspectors.length > 0 && (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }} data-testid="dispatched-inspectors">
          {b.inspectors.map((i, n) => (
            <Descriptions.Item key={n} label="已选派">{`${i.inspectorName}：${i.on} ${i.step}`}</Descriptions.Item>
          ))}
        </Descriptions>
      )}
      <List<SpotCheck>
        size="small"
        dataSource={checks}
        locale={{ emptyText: '暂无抽查记录' }}
        renderItem={(c) => (
          <List.Item>
            <Space orientation="vertical" size={2}>
              <Space wrap>
                <strong>{c.step}</strong>
                <Typography.Text type="secondary">{dayjs(c.checkedAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                <span>{c.inspectorName}</span>
                {c.suspended && <Tag color="red">已暂停批次</Tag>}
              </Space>
              <span>{c.findings}</span>
            </Space>
          </List.Item>
        )}
      />
      {open && <SpotCheckModal batch={b} onClose={() => setOpen(false)} />}
      {dispatching && <DispatchModal batch={b} onClose={() => setDispatching(false)} />}
    </Card>
  );
}

function SpotCheckModal({ batch: b, onClose }: { batch: BatchView; onClose: () => void }) {
  const [form] = Form.useForm<SpotCheckValues>();
  const { modal } = App.useApp();
  const record = useBatchCommand(b, (v: SpotCheckValues, version) =>
    unwrap(api.POST('/api/batches/{batchId}/spot-checks', {
      params: { path: { batchId: b.id } },
      body: { version, step: v.step.trim(), checkedAt: v.checkedAt.format('YYYY-MM-DDTHH:mm:ss'), findings: v.findings.trim(), suspend: !!v.suspend },
    })), '抽查已记录');
  const send = (v: SpotCheckValues) => record.mutateAsync(v).then(onClose);
  const submit = (v: SpotCheckValues) => {
    if (!v.suspend) return void send(v).catch(() => undefined);
    // a suspension stops the batch: ask once more
    confirmDecision(modal, {
      title: '记录抽查并暂停该批次？', okText: '确认暂停', danger: true,
      content: '暂停后评价机构不能继续办理，直至受理部门审核整改情况后恢复。',
      run: () => send(v),
    });
  };
  return (
    <Modal open title="记录督查抽查" onCancel={onClose} onOk={() => form.submit()} confirmLoading={record.isPending} okText="记录" cancelText="取消" destroyOnHidden>
      <Form form={form} name="spotCheck" layout="vertical" initialValues={{ checkedAt: dayjs(), suspend: false }} onFinish={submit}>
        <Form.Item name="step" label="抽查环节" rules={[{ required: true, whitespace: true, message: '请填写抽查的环节' }, { max: 100, message: '不超过100字' }]}>
          <AutoComplete aria-label="抽查环节" options={steps.map((s) => ({ value: s }))} placeholder="选择或输入环节" />
        </Form.Item>
        <Form.Item name="checkedAt" label="抽查时间" rules={[{ required: true, message: '请选择抽查时间' }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" aria-label="抽查时间" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="findings" label="抽查情况" rules={[{ required: true, whitespace: true, message: '请填写抽查情况' }, { max: 2000, message: '不超过2000字' }]}>
          <Input.TextArea rows={4} aria-label="抽查情况" />
        </Form.Item>
        {(b.status === 'Filed' || b.status === 'ResultsRecorded') && (
          <Form.Item name="suspend" label="暂停批次" valuePropName="checked" extra="发现严重问题时暂停该批次，待整改后由受理部门恢复">
            <Switch aria-label="暂停批次" />
          </Form.Item>
        )}
        <ProblemAlert error={record.error} />
      </Form>
    </Modal>
  );
}

/** 工作台账 (BAT-10): what happened, when, by whom, why and with which document; exportable as .xlsx. */
export function LedgerCard({ batch: b }: { batch: BatchView }) {
  const terms = useTerms();
  const { authorityName } = useAreas();
  const download = useMutation({ mutationFn: () => downloadFile(`/api/batches/${b.id}/ledger`, `工作台账（${b.title}）.xlsx`) });
  const ledger = b.details.ledger;
  return (
    <Card title="工作台账（BAT-10）" data-testid="ledger"
      extra={<Button icon={<DownloadOutlined />} loading={download.isPending} onClick={() => download.mutate()}>导出台账（.xlsx）</Button>}
      styles={{ header: { flexWrap: 'wrap', rowGap: 8, paddingBlock: 8 } }}>
      {download.error && <div style={{ marginBottom: 12 }}><ProblemAlert error={download.error} /></div>}
      {b.details.missedDeadlines.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title="逾期提醒" data-testid="missed-deadlines"
          description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{b.details.missedDeadlines.map((m) => <li key={m}>{m}</li>)}</ul>} />
      )}
      <Timeline
        items={ledger.map((l, i) => ({
          key: i,
          content: (
            <div>
              <Typography.Text strong>{l.action}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>{formatDateTime(l.at)}</Typography.Text>
              <div>
                {l.actorName}
                {l.actorRole !== 'system' && `（${terms.name('roles', l.actorRole)}${l.authorityCode ? ` · ${authorityName(l.authorityCode)}` : l.actorRole === 'organization' ? ` · ${b.organizationName}` : ''}）`}
              </div>
              {l.detail && <Typography.Text type="secondary">{l.detail}</Typography.Text>}
              {l.document && <div><Tag>{l.document}</Tag></div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

type DispatchValues = { inspectorId: string; step: string; on: Dayjs };

/** BAT-04: the receiving authority sends an inspector of its area to a key step on a day. */
function DispatchModal({ batch: b, onClose }: { batch: BatchView; onClose: () => void }) {
  const [form] = Form.useForm<DispatchValues>();
  const inspectors = useQuery({
    queryKey: ['eligible-inspectors', b.id],
    queryFn: () => unwrap(api.GET('/api/batches/{batchId}/eligible-inspectors', { params: { path: { batchId: b.id } } })),
  });
  const dispatch = useBatchCommand(b, (v: DispatchValues, version) =>
    unwrap(api.POST('/api/batches/{batchId}/inspectors', {
      params: { path: { batchId: b.id } },
      body: { version, inspectorId: v.inspectorId, step: v.step.trim(), on: v.on.format('YYYY-MM-DD') },
    })), '督查员已选派');
  return (
    <Modal open title="选派督查员（BAT-04）" okText="选派" cancelText="取消" onCancel={onClose} confirmLoading={dispatch.isPending}
      onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} name="dispatch" layout="vertical" initialValues={{ on: b.examDays[0] ? dayjs(b.examDays[0]) : dayjs() }}
        onFinish={(v) => dispatch.mutateAsync(v).then(onClose).catch(() => undefined)}>
        <Form.Item name="inspectorId" label="督查员" rules={[{ required: true, message: '请选择督查员' }]}>
          <Select aria-label="督查员" loading={inspectors.isLoading} placeholder="本辖区的督查员"
            options={(inspectors.data ?? []).map((i) => ({ value: i.id, label: i.displayName }))} />
        </Form.Item>
        <Form.Item name="step" label="督查环节" rules={[{ required: true, whitespace: true, message: '请填写督查环节' }, { max: 100, message: '不超过100字' }]}>
          <Input aria-label="督查环节" placeholder="如：理论知识考试、操作技能考核" />
        </Form.Item>
        <Form.Item name="on" label="督查日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker aria-label="督查日期" style={{ width: '100%' }} />
        </Form.Item>
        <ProblemAlert error={dispatch.error} />
      </Form>
    </Modal>
  );
}
