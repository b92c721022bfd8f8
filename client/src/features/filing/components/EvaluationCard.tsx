import { useState } from 'react';
import { App, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, List, Radio, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../api/client';
import { confirmDecision } from '../../../lib/confirm';
import { formatDateTime } from '../../../lib/format';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { useTerms } from '../../../lib/terms';
import { applicationKeys } from '../queries';
import { useUpdate, mayTake } from './FilingStages';

type Application = Schemas['Filing.ApplicationView'];

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
    queryKey: applicationKeys.eligibleExperts(a.id),
    enabled: mayTake(a, 'assignEvaluationExperts'),
    queryFn: () => unwrap(api.GET('/api/filing/applications/{applicationId}/eligible-experts', { params: { path: { applicationId: a.id } } })),
  });
  const path = { params: { path: { applicationId: a.id } } };
  const assign = useMutation({
    mutationFn: () => unwrap(api.POST('/api/filing/applications/{applicationId}/experts', {
      ...path, body: { version: a.version, expertIds, methods: selectedMethods },
    })),
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
    <Card title="技术评估" data-testid="evaluation">
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
                      ? (
                        <Tag data-testid="expert-recommendation" color={e.recommendsFiling ? 'green' : 'red'}>
                          {e.recommendsFiling ? '建议备案' : '不建议备案'}
                        </Tag>
                      )
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
            <Radio.Group value={conclusion.passed} onChange={(e) => setConclusion({ ...conclusion, passed: e.target.value as boolean })}
              aria-label="评估结论"
              options={[{ value: true, label: '通过技术评估' }, { value: false, label: '未通过' }]} />
          </Form.Item>
          <Form.Item label="结论理由" required>
            <Input.TextArea rows={2} placeholder="结论理由" value={conclusion.reason}
              onChange={(e) => setConclusion({ ...conclusion, reason: e.target.value })} aria-label="结论理由" />
          </Form.Item>
          <Button type="primary" loading={conclude.isPending} disabled={conclusion.passed === undefined || !conclusion.reason.trim()}
            onClick={() => confirmDecision(modal, {
              title: `作出评估结论：${conclusion.passed ? '通过技术评估' : '未通过'}？`, okText: '确认结论', danger: !conclusion.passed,
              content: '评估结论作出后不能更改。',
              run: () => conclude.mutateAsync(),
            })}>作出评估结论</Button>
        </Form>
      )}
      {a.evaluationReason && (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          评估结论：{a.evaluationPassed ? '通过' : '未通过'}。{a.evaluationReason}
        </Typography.Paragraph>
      )}
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
export function ScoreForm({ application: a }: { application: Application }) {
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
        <Form.Item name="onSiteFindings" label="现场核查情况" rules={[{ required: true, whitespace: true, message: '请填写现场核查情况' }]}>
          <Input.TextArea rows={2} aria-label="现场核查情况" />
        </Form.Item>
        <Form.Item name="opinion" label="评估意见" rules={[{ required: true, whitespace: true, message: '请填写评估意见' }]}>
          <Input.TextArea rows={2} aria-label="评估意见" />
        </Form.Item>
        <Form.Item name="recommendsFiling" label="是否建议备案" rules={[{ required: true, message: '请选择是否建议备案' }]}>
          <Radio.Group options={[{ value: true, label: '建议备案' }, { value: false, label: '不建议备案' }]} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={score.isPending}>提交评分</Button>
      </Form>
    </Card>
  );
}
