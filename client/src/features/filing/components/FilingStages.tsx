import { useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, List, Radio, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, postForm, unwrap, type Schemas } from '../../../api/client';
import { confirmDecision } from '../../../lib/confirm';
import { formatBytes, formatDateTime } from '../../../lib/format';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { noticeStatusColors, useTerms } from '../../../lib/terms';

type Application = Schemas['Filing.ApplicationView'];

/** After a command: commands answer with the decision state, the page shows the application's view, so read it again. */
export function useUpdate(a: Application, text: string) {
  const client = useQueryClient();
  const { message } = App.useApp();
  return () => {
    client.invalidateQueries({ queryKey: ['application', a.id] });
    client.invalidateQueries({ queryKey: ['applications'] });
    client.invalidateQueries({ queryKey: ['filings'] });
    message.success(text);
  };
}

/** Whether the server offers the caller this step now (ApplicationView.actions, named as the operations). */
export const mayTake = (a: Application, operation: string) => a.actions.includes(operation);

const uploadMaterial = (a: Application, item: number, file: File) =>
  postForm<unknown>(`/api/filing/applications/${a.id}/materials`, { version: String(a.version), item: String(item), file });

/**
 * FIL-10 materials: upload per item (the organization while editing; pledged items later), pledges, downloads for reviewers.
 * `flagged` marks the items a refused submission named as missing.
 */
export function MaterialsCard({ application: a, pledgeable, flagged = [] }: { application: Application; pledgeable: number[]; flagged?: number[] }) {
  const terms = useTerms();
  const done = useUpdate(a, '材料已上传');
  const pledged = useUpdate(a, '已作出告知承诺');
  const removed = useUpdate(a, '已删除');
  const [pledgeText, setPledgeText] = useState<Record<number, string>>({});
  // the buttons follow ApplicationView.actions: editing while the organization may remove, producing pledged items later
  const editable = mayTake(a, 'removeFilingMaterial');
  const upload = useMutation({ mutationFn: ({ item, file }: { item: number; file: File }) => uploadMaterial(a, item, file), onSuccess: done });
  const remove = useMutation({
    mutationFn: (materialId: string) =>
      unwrap(api.POST('/api/filing/applications/{applicationId}/materials/{materialId}/remove', {
        params: { path: { applicationId: a.id, materialId } }, body: { version: a.version },
      })),
    onSuccess: removed,
  });
  const pledge = useMutation({
    mutationFn: (item: number) =>
      unwrap(api.POST('/api/filing/applications/{applicationId}/pledges', {
        params: { path: { applicationId: a.id } }, body: { version: a.version, item, pledge: pledgeText[item] ?? '' },
      })),
    onSuccess: pledged,
  });
  const error = upload.error ?? remove.error ?? pledge.error;
  // an item flagged by the last submission stays marked until something is uploaded or pledged for it
  const stillMissing = (item: number) => flagged.includes(item) && !a.materials.some((m) => m.item === item) && !a.pledges.some((p) => p.item === item);
  const rows = terms.list('materialItems').map((t) => ({ item: Number(t.code), name: t.name }));
  const producing = (item: number) => !editable && mayTake(a, 'attachFilingMaterial') && a.pledges.some((p) => p.item === item && !p.producedAt);
  // the actions column only for the organization that can upload now
  const acts = editable || rows.some((r) => producing(r.item));
  const actions = {
    title: '操作',
    width: 260,
    render: (_: unknown, r: { item: number; name: string }) => {
      if (!editable && !producing(r.item)) return null;
      return (
        <Space wrap>
          <Upload showUploadList={false} accept=".pdf,.png,.jpg,.jpeg" customRequest={({ file }) => upload.mutate({ item: r.item, file: file as File })}>
            <Button size="small" icon={<UploadOutlined />} aria-label={`上传材料${r.item}`}>上传</Button>
          </Upload>
          {mayTake(a, 'pledgeFilingMaterial') && pledgeable.includes(r.item) && (
            <Space.Compact>
              <Input size="small" placeholder="承诺内容" value={pledgeText[r.item] ?? ''} onChange={(e) => setPledgeText({ ...pledgeText, [r.item]: e.target.value })}
                aria-label={`材料${r.item}承诺内容`} />
              <Button size="small" onClick={() => pledge.mutate(r.item)}>告知承诺</Button>
            </Space.Compact>
          )}
        </Space>
      );
    },
  };
  return (
    <Card title="申报材料（FIL-10）" data-testid="materials">
      <Typography.Paragraph type="secondary">PDF 或图片（PNG、JPEG），单个不超过 10MB；文件类型按内容核验，并记录 SHA-256 摘要。</Typography.Paragraph>
      {error && <div style={{ marginBottom: 12 }}><ProblemAlert error={error} /></div>}
      {flagged.some(stillMissing) && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title="提交未通过：标红的材料尚未上传" />
      )}
      <Table
        rowKey="item"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        onRow={(r) => (stillMissing(r.item) ? { style: { background: '#fff1f0' }, 'data-missing': 'true' } as HTMLAttributes<HTMLElement> : {})}
        columns={[
          { title: '材料', width: 240, render: (_, r) => <span data-testid={`material-${r.item}`}>{r.name}</span> },
          {
            title: '已上传',
            width: 300,
            render: (_, r) => {
              const files = a.materials.filter((m) => m.item === r.item);
              const pledges = a.pledges.filter((p) => p.item === r.item);
              return (
                <Space orientation="vertical" size={2}>
                  {files.map((m) => (
                    <Space key={m.id} size={4} wrap>
                      <a href={`/api/filing/applications/${a.id}/materials/${m.id}`} target="_blank" rel="noreferrer">{m.fileName}</a>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }} title={`SHA-256 ${m.sha256}`}>{formatBytes(m.size)}</Typography.Text>
                      {editable && <Button size="small" type="link" danger onClick={() => remove.mutate(m.id)}>删除</Button>}
                    </Space>
                  ))}
                  {pledges.map((p) => (
                    <Tag key={p.item} color={p.producedAt ? 'green' : 'orange'}>{p.producedAt ? '承诺材料已补交' : `告知承诺：${p.pledge}`}</Tag>
                  ))}
                  {files.length === 0 && pledges.length === 0 && (
                    stillMissing(r.item) ? <Tag color="red" data-testid="material-missing">缺少此项材料</Tag> : <Typography.Text type="secondary">未上传</Typography.Text>
                  )}
                </Space>
              );
            },
          },
          ...(acts ? [actions] : []),
        ]}
      />
    </Card>
  );
}

/** FIL-16: the handling reviewer assigns experts and concludes; assigned experts score each subject with on-site findings. */
export function EvaluationCard({ application: a, methods }: { application: Application; methods: string[] }) {
  const terms = useTerms();
  const { modal } = App.useApp();
  const done = useUpdate(a, '已保存');
  const concluded = useUpdate(a, '已作出评估结论');
  const [expertIds, setExpertIds] = useState<string[]>([]);
  const [chosenMethods, setChosenMethods] = useState<string[] | null>(null);
  const selectedMethods = chosenMethods ?? methods;
  const [conclusion, setConclusion] = useState<{ passed?: boolean; reason: string }>({ reason: '' });
  const eligible = useQuery({
    queryKey: ['eligible-experts', a.id],
    enabled: mayTake(a, 'assignEvaluationExperts'),
    queryFn: () => unwrap(api.GET('/api/filing/applications/{applicationId}/eligible-experts', { params: { path: { applicationId: a.id } } })),
  });
  const path = { params: { path: { applicationId: a.id } } };
  const assign = useMutation({
    mutationFn: () => unwrap(api.POST('/api/filing/applications/{applicationId}/experts', { ...path, body: { version: a.version, expertIds, methods: selectedMethods } })),
    onSuccess: done,
  });
  const conclude = useMutation({
    mutationFn: () => unwrap(api.POST('/api/filing/applications/{applicationId}/evaluation/conclusion', {
      ...path, body: { version: a.version, passed: conclusion.passed!, reason: conclusion.reason },
    })),
    onSuccess: concluded,
  });
  const error = assign.error ?? conclude.error;
  if (a.status === 'Accepted' && !mayTake(a, 'assignEvaluationExperts')) return null;
  if (a.status !== 'Accepted' && a.experts.length === 0) return null;
  return (
    <Card title="技术评估（FIL-16）" data-testid="evaluation">
      {error && <div style={{ marginBottom: 12 }}><ProblemAlert error={error} /></div>}
      {mayTake(a, 'assignEvaluationExperts') && (
        <Form layout="vertical">
          <Form.Item label="评估专家" required>
            <Select mode="multiple" value={expertIds} onChange={setExpertIds} loading={eligible.isLoading} aria-label="评估专家" placeholder="选择本辖区评估专家"
              options={(eligible.data ?? []).map((e) => ({ value: e.id, label: e.displayName }))} />
          </Form.Item>
          <Form.Item label="评估方式（按辖区政策）">
            <Checkbox.Group value={selectedMethods} onChange={(v) => setChosenMethods(v as string[])}
              options={methods.map((m) => ({ value: m, label: terms.name('evaluationMethods', m) }))} />
          </Form.Item>
          <Button type="primary" loading={assign.isPending} disabled={expertIds.length === 0} onClick={() => assign.mutate()}>指派专家</Button>
        </Form>
      )}
      {a.experts.length > 0 && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="评估方式">{a.evaluationMethodNames.join('、')}</Descriptions.Item>
            {a.averageScore != null && <Descriptions.Item label="平均分">{a.averageScore}</Descriptions.Item>}
          </Descriptions>
          <List
            size="small"
            header="专家评分"
            dataSource={a.experts}
            renderItem={(e) => (
              <List.Item>
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap>
                    <strong>{e.displayName}</strong>
                    {e.scoredAt
                      ? <Tag data-testid="expert-recommendation" color={e.recommendsFiling ? 'green' : 'red'}>{e.recommendsFiling ? '建议备案' : '不建议备案'}</Tag>
                      : <Tag>待评分</Tag>}
                    {e.average != null && <Typography.Text type="secondary">平均 {e.average}</Typography.Text>}
                    {e.scoredAt && <Typography.Text type="secondary">{formatDateTime(e.scoredAt)}</Typography.Text>}
                  </Space>
                  {e.scoredAt && (
                    <>
                      <span>{e.scores.map((s) => `${s.subjectName} ${s.score}`).join('；')}</span>
                      <Typography.Text type="secondary">现场核查：{e.onSiteFindings}；意见：{e.opinion}</Typography.Text>
                    </>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
      {mayTake(a, 'scoreEvaluation') && <ScoreForm application={a} />}
      {mayTake(a, 'concludeEvaluation') && (
        <Form layout="vertical" style={{ marginTop: 12 }}>
          <Form.Item label="评估结论" required>
            <Radio.Group value={conclusion.passed} onChange={(e) => setConclusion({ ...conclusion, passed: e.target.value as boolean })} aria-label="评估结论"
              options={[{ value: true, label: '通过技术评估' }, { value: false, label: '未通过' }]} />
          </Form.Item>
          <Form.Item label="结论理由" required>
            <Input.TextArea rows={2} placeholder="结论理由" value={conclusion.reason} onChange={(e) => setConclusion({ ...conclusion, reason: e.target.value })} aria-label="结论理由" />
          </Form.Item>
          <Button type="primary" loading={conclude.isPending} disabled={conclusion.passed === undefined || !conclusion.reason.trim()}
            onClick={() => confirmDecision(modal, {
              title: `作出评估结论：${conclusion.passed ? '通过技术评估' : '未通过'}？`, okText: '确认结论', danger: !conclusion.passed,
              content: '评估结论作出后不能更改。',
              run: () => conclude.mutateAsync(),
            })}>作出评估结论</Button>
        </Form>
      )}
      {a.evaluationReason && <Typography.Paragraph style={{ marginTop: 12 }}>评估结论：{a.evaluationPassed ? '通过' : '未通过'}。{a.evaluationReason}</Typography.Paragraph>}
    </Card>
  );
}

interface ScoreValues {
  scores: Record<string, number | null | undefined>;
  onSiteFindings: string;
  opinion: string;
  recommendsFiling?: boolean;
}

const validScore = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100;

/** An expert's scores: each subject 0–100 (out-of-range input is refused, not clamped), the running average, and an explicit recommendation. */
function ScoreForm({ application: a }: { application: Application }) {
  const terms = useTerms();
  const done = useUpdate(a, '评分已提交');
  const [form] = Form.useForm<ScoreValues>();
  const scores = Form.useWatch('scores', form) ?? {};
  const subjects = terms.list('evaluationSubjects');
  const entered = subjects.map((s) => scores[s.code]).filter(validScore);
  const average = entered.length > 0 ? entered.reduce((x, y) => x + y, 0) / entered.length : null;
  const score = useMutation({
    mutationFn: (v: ScoreValues) =>
      unwrap(api.POST('/api/filing/applications/{applicationId}/evaluation/scores', {
        params: { path: { applicationId: a.id } },
        body: {
          version: a.version, onSiteFindings: v.onSiteFindings, opinion: v.opinion, recommendsFiling: v.recommendsFiling!,
          scores: subjects.map((s) => ({ subject: s.code, score: v.scores[s.code]!, comment: null })),
        },
      })),
    onSuccess: done,
  });
  return (
    <Card size="small" type="inner" title="我的评分" style={{ marginTop: 12 }} data-testid="score-form">
      <Typography.Paragraph type="secondary">每项按 0–100 分打分（整数）。</Typography.Paragraph>
      {score.error && <div style={{ marginBottom: 12 }}><ProblemAlert error={score.error} /></div>}
      <Form form={form} layout="vertical" onFinish={(v) => score.mutate(v)}>
        <Space wrap align="start">
          {subjects.map((s) => (
            <Form.Item key={s.code} name={['scores', s.code]} label={`${s.name}（0–100）`}
              rules={[
                { required: true, message: '请打分' },
                { validator: async (_, v: unknown) => { if (v != null && !validScore(v)) throw new Error('分数应为 0–100 的整数'); } },
              ]}>
              <InputNumber placeholder="0–100" aria-label={s.name} style={{ width: 140 }} />
            </Form.Item>
          ))}
        </Space>
        <Typography.Paragraph data-testid="running-average">
          当前平均分：{average == null ? '—' : average.toFixed(1)}（已打分 {entered.length}/{subjects.length} 项）
        </Typography.Paragraph>
        <Form.Item name="onSiteFindings" label="现场核查情况" rules={[{ required: true, whitespace: true, message: '请填写现场核查情况' }]}><Input.TextArea rows={2} aria-label="现场核查情况" /></Form.Item>
        <Form.Item name="opinion" label="评估意见" rules={[{ required: true, whitespace: true, message: '请填写评估意见' }]}><Input.TextArea rows={2} aria-label="评估意见" /></Form.Item>
        <Form.Item name="recommendsFiling" label="是否建议备案" rules={[{ required: true, message: '请选择是否建议备案' }]}>
          <Radio.Group options={[{ value: true, label: '建议备案' }, { value: false, label: '不建议备案' }]} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={score.isPending}>提交评分</Button>
      </Form>
    </Card>
  );
}

/** FIL-17/FIL-18: publicity through a public notice, then the grant — or a rejection after an upheld objection. */
export function PublicityCard({ application: a }: { application: Application }) {
  const terms = useTerms();
  const { modal } = App.useApp();
  const started = useUpdate(a, '已发布备案公示');
  const granted = useUpdate(a, '已准予备案');
  const rejected = useUpdate(a, '已作出不予备案决定');
  const [days, setDays] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const path = { params: { path: { applicationId: a.id } } };
  const start = useMutation({
    mutationFn: () => unwrap(api.POST('/api/filing/applications/{applicationId}/publicity', { ...path, body: { version: a.version, workingDays: days } })),
    onSuccess: started,
  });
  const grant = useMutation({
    mutationFn: () => unwrap(api.POST('/api/filing/applications/{applicationId}/grant', { ...path, body: { version: a.version } })),
    onSuccess: granted,
  });
  const reject = useMutation({
    mutationFn: () => unwrap(api.POST('/api/filing/applications/{applicationId}/reject', { ...path, body: { version: a.version, reason } })),
    onSuccess: rejected,
  });
  const error = start.error ?? grant.error ?? reject.error;
  if (!['EvaluationPassed', 'InPublicity', 'Granted'].includes(a.status) && !a.publicityNoticeId) return null;
  if (a.status === 'EvaluationPassed' && !mayTake(a, 'startFilingPublicity')) return null;
  return (
    <Card title="公示与备案（FIL-17、FIL-18）" data-testid="publicity">
      {error && <div style={{ marginBottom: 12 }}><ProblemAlert error={error} /></div>}
      {mayTake(a, 'startFilingPublicity') && (
        <Space wrap>
          <InputNumber min={1} max={60} placeholder="工作日（默认按政策）" value={days} onChange={setDays} style={{ width: 200 }} aria-label="公示工作日" />
          <Button type="primary" loading={start.isPending}
            onClick={() => confirmDecision(modal, {
              title: '发布备案公示？', okText: '确认发布',
              content: `将在公示公告中公开“${a.organizationName}”的拟备案信息，公示期${days ? ` ${days} 个工作日` : '按辖区政策'}，公示期内任何人均可提出异议。`,
              run: () => start.mutateAsync(),
            })}>发布备案公示</Button>
        </Space>
      )}
      {a.publicityNoticeId && (
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label="公示期">{a.publicityStart} 至 {a.publicityEnd}</Descriptions.Item>
          <Descriptions.Item label="公示状态">
            <Tag data-testid="publicity-status" color={noticeStatusColors[a.publicityStatus ?? 'Open']}>{terms.name('noticeStatuses', a.publicityStatus ?? 'Open')}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="异议">
            {a.openObjections > 0 ? <Tag color="red">{a.openObjections} 件待处理（暂缓备案）</Tag> : a.upheldObjections > 0 ? <Tag color="red">异议成立</Tag> : <Tag color="green">无未决异议</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="公告"><Link to={`/notices/${a.publicityNoticeId}`}>查看公示公告及异议</Link></Descriptions.Item>
        </Descriptions>
      )}
      {(mayTake(a, 'grantFiling') || mayTake(a, 'rejectFilingApplication')) && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          {mayTake(a, 'grantFiling') && (
            <Button type="primary" loading={grant.isPending}
              onClick={() => confirmDecision(modal, {
                title: '准予备案并分配备案号？', okText: '确认备案',
                content: `将为“${a.organizationName}”分配备案号并列入公开的评价机构目录，此决定不能撤回。`,
                run: () => grant.mutateAsync(),
              })}>准予备案并分配备案号</Button>
          )}
          {mayTake(a, 'rejectFilingApplication') && (
            <Space.Compact style={{ width: '100%' }}>
              <Input placeholder="不予备案的理由" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="不予备案理由" />
              <Button danger loading={reject.isPending} disabled={!reason.trim()}
                onClick={() => confirmDecision(modal, {
                  title: '不予备案？', okText: '确认不予备案', danger: true,
                  content: `异议成立，将对“${a.organizationName}”作出不予备案决定，办理结束。`,
                  run: () => reject.mutateAsync(),
                })}>不予备案</Button>
            </Space.Compact>
          )}
        </Space>
      )}
      {a.status === 'Granted' && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label="备案号"><strong data-testid="filing-number">{a.filingNumber}</strong></Descriptions.Item>
          <Descriptions.Item label="有效期">{a.validFrom} 至 {a.validUntil}</Descriptions.Item>
          <Descriptions.Item label="回执"><Link to={`/filings/${a.filingId}/receipt`}>打印备案回执</Link></Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
