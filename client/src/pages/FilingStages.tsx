import { useState } from 'react';
import { App, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, List, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, postForm, unwrap, type Schemas } from '../api/client';
import { useMe } from '../auth/session';
import { ProblemAlert } from '../lib/ProblemAlert';
import { Roles } from '../lib/roles';

type Application = Schemas['Filing.Applications.ApplicationView'];

export const materialItems: Record<number, string> = {
  1: '基本情况表',
  2: '法人证书复印件',
  3: '工作方案及质量控制措施',
  4: '专家技能证明',
  5: '场地、设备及资产证明',
  6: '信用报告或诚信承诺书',
};

export const subjectNames: Record<string, string> = {
  basics: '基本条件',
  staffing: '人员配备',
  'sites-equipment': '考场及设施设备',
  process: '评价流程',
  rules: '管理制度',
  quality: '质量保障',
};

export const methodNames: Record<string, string> = {
  report: '汇报',
  interview: '面谈',
  questioning: '质询',
  'document-review': '材料审查',
  'technical-check': '技术核查',
  'expert-argument': '专家论证',
  'on-site-inspection': '实地考察',
  'provincial-plan': '按省级技术评估方案评估',
};

function useUpdate(a: Application, text: string) {
  const client = useQueryClient();
  const { message } = App.useApp();
  // commands answer with the decision state; the page shows the application's view, so it is read again
  return () => {
    client.invalidateQueries({ queryKey: ['application', a.id] });
    client.invalidateQueries({ queryKey: ['applications'] });
    message.success(text);
  };
}

const uploadMaterial = (a: Application, item: number, file: File) =>
  postForm<Application>(`/api/filing/applications/${a.id}/materials`, { version: String(a.version), item: String(item), file });

/** FIL-10 materials: upload per item (the organization while editing; pledged items later), pledges, downloads for reviewers. */
export function MaterialsCard({ application: a, pledgeable }: { application: Application; pledgeable: number[] }) {
  const { data: me } = useMe();
  const done = useUpdate(a, '材料已上传');
  const pledged = useUpdate(a, '已作出告知承诺');
  const [pledgeText, setPledgeText] = useState<Record<number, string>>({});
  const owner = me?.role === Roles.organization;
  const editable = owner && (a.status === 'Draft' || a.status === 'Returned');
  const upload = useMutation({ mutationFn: ({ item, file }: { item: number; file: File }) => uploadMaterial(a, item, file), onSuccess: done });
  const remove = useMutation({
    mutationFn: (materialId: string) =>
      unwrap(api.POST('/api/filing/applications/{applicationId}/materials/{materialId}/remove', {
        params: { path: { applicationId: a.id, materialId } }, body: { version: a.version },
      })),
    onSuccess: useUpdate(a, '已删除'),
  });
  const pledge = useMutation({
    mutationFn: (item: number) =>
      unwrap(api.POST('/api/filing/applications/{applicationId}/pledges', {
        params: { path: { applicationId: a.id } }, body: { version: a.version, item, pledge: pledgeText[item] ?? '' },
      })),
    onSuccess: pledged,
  });
  const error = upload.error ?? remove.error ?? pledge.error;
  return (
    <Card title="申报材料（FIL-10）" data-testid="materials">
      <Typography.Paragraph type="secondary">PDF 或图片（PNG、JPEG），单个不超过 10MB；文件类型按内容核验，并记录 SHA-256 摘要。</Typography.Paragraph>
      {error && <div style={{ marginBottom: 12 }}><ProblemAlert error={error} /></div>}
      <Table
        rowKey="item"
        size="small"
        pagination={false}
        dataSource={Object.entries(materialItems).map(([item, name]) => ({ item: Number(item), name }))}
        columns={[
          { title: '材料', render: (_, r) => `（${r.item}）${r.name}` },
          {
            title: '已上传',
            render: (_, r) => (
              <Space orientation="vertical" size={2}>
                {a.materials.filter((m) => m.item === r.item).map((m) => (
                  <Space key={m.id} size={4}>
                    <a href={`/api/filing/applications/${a.id}/materials/${m.id}`} target="_blank" rel="noreferrer">{m.fileName}</a>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} title={`SHA-256 ${m.sha256}`}>{(m.size / 1024).toFixed(0)}KB</Typography.Text>
                    {editable && <Button size="small" type="link" danger onClick={() => remove.mutate(m.id)}>删除</Button>}
                  </Space>
                ))}
                {a.pledges.filter((p) => p.item === r.item).map((p) => (
                  <Tag key={p.item} color={p.producedAt ? 'green' : 'orange'}>{p.producedAt ? '承诺材料已补交' : `告知承诺：${p.pledge}`}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: '操作',
            render: (_, r) => {
              const producing = owner && a.pledges.some((p) => p.item === r.item && !p.producedAt) && (a.status === 'Accepted' || a.status === 'UnderEvaluation');
              if (!editable && !producing) return null;
              return (
                <Space wrap>
                  <Upload showUploadList={false} accept=".pdf,.png,.jpg,.jpeg" customRequest={({ file }) => upload.mutate({ item: r.item, file: file as File })}>
                    <Button size="small" icon={<UploadOutlined />} aria-label={`上传材料${r.item}`}>上传</Button>
                  </Upload>
                  {editable && pledgeable.includes(r.item) && (
                    <Space.Compact>
                      <Input size="small" placeholder="承诺内容" value={pledgeText[r.item] ?? ''} onChange={(e) => setPledgeText({ ...pledgeText, [r.item]: e.target.value })} />
                      <Button size="small" onClick={() => pledge.mutate(r.item)}>告知承诺</Button>
                    </Space.Compact>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
    </Card>
  );
}

/** FIL-16: the handling reviewer assigns experts and concludes; assigned experts score each subject with on-site findings. */
export function EvaluationCard({ application: a, methods, acting }: { application: Application; methods: string[]; acting: boolean }) {
  const { data: me } = useMe();
  const done = useUpdate(a, '已保存');
  const [expertIds, setExpertIds] = useState<string[]>([]);
  const [chosenMethods, setChosenMethods] = useState<string[]>(methods);
  const [conclusion, setConclusion] = useState({ passed: true, reason: '' });
  const eligible = useQuery({
    queryKey: ['eligible-experts', a.id],
    enabled: acting && a.status === 'Accepted',
    queryFn: () => unwrap(api.GET('/api/filing/applications/{applicationId}/eligible-experts', { params: { path: { applicationId: a.id } } })),
  });
  const path = { params: { path: { applicationId: a.id } } };
  const assign = useMutation({
    mutationFn: () => unwrap(api.POST('/api/filing/applications/{applicationId}/experts', { ...path, body: { version: a.version, expertIds, methods: chosenMethods } })),
    onSuccess: done,
  });
  const conclude = useMutation({
    mutationFn: () => unwrap(api.POST('/api/filing/applications/{applicationId}/evaluation/conclusion', { ...path, body: { version: a.version, ...conclusion } })),
    onSuccess: done,
  });
  const mine = a.experts.find((e) => e.userId === me?.id);
  const error = assign.error ?? conclude.error;
  if (a.status === 'Accepted' && !acting) return null;
  return (
    <Card title="技术评估（FIL-16）" data-testid="evaluation">
      {error && <div style={{ marginBottom: 12 }}><ProblemAlert error={error} /></div>}
      {a.status === 'Accepted' && acting && (
        <Form layout="vertical">
          <Form.Item label="评估专家">
            <Select mode="multiple" value={expertIds} onChange={setExpertIds} loading={eligible.isLoading} aria-label="评估专家" placeholder="选择本辖区评估专家"
              options={(eligible.data ?? []).map((e) => ({ value: e.id, label: `${e.displayName}（${e.userName}）` }))} />
          </Form.Item>
          <Form.Item label="评估方式（按辖区政策）">
            <Checkbox.Group value={chosenMethods} onChange={(v) => setChosenMethods(v as string[])}
              options={methods.map((m) => ({ value: m, label: methodNames[m] ?? m }))} />
          </Form.Item>
          <Button type="primary" loading={assign.isPending} onClick={() => assign.mutate()}>指派专家</Button>
        </Form>
      )}
      {a.experts.length > 0 && (
        <>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label="评估方式">{a.evaluationMethods.map((m) => methodNames[m] ?? m).join('、')}</Descriptions.Item>
            {a.averageScore != null && <Descriptions.Item label="平均分">{a.averageScore}</Descriptions.Item>}
          </Descriptions>
          <List
            size="small"
            header="专家评分"
            dataSource={a.experts}
            renderItem={(e) => (
              <List.Item>
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  <Space>
                    <strong>{e.displayName}</strong>
                    {e.scoredAt ? <Tag color={e.recommendsFiling ? 'green' : 'red'}>{e.recommendsFiling ? '建议备案' : '不建议备案'}</Tag> : <Tag>待评分</Tag>}
                  </Space>
                  {e.scoredAt && (
                    <>
                      <span>{e.scores.map((s) => `${subjectNames[s.subject] ?? s.subject} ${s.score}`).join('；')}</span>
                      <Typography.Text type="secondary">现场核查：{e.onSiteFindings}；意见：{e.opinion}</Typography.Text>
                    </>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
      {a.status === 'UnderEvaluation' && mine && <ScoreForm application={a} />}
      {a.status === 'UnderEvaluation' && acting && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Select style={{ width: 200 }} value={conclusion.passed} onChange={(passed) => setConclusion({ ...conclusion, passed })} aria-label="评估结论"
            options={[{ value: true, label: '通过技术评估' }, { value: false, label: '未通过' }]} />
          <Input.TextArea rows={2} placeholder="结论理由" value={conclusion.reason} onChange={(e) => setConclusion({ ...conclusion, reason: e.target.value })} aria-label="结论理由" />
          <Button type="primary" loading={conclude.isPending} onClick={() => conclude.mutate()}>作出评估结论</Button>
        </Space>
      )}
      {a.evaluationReason && <Typography.Paragraph style={{ marginTop: 12 }}>评估结论：{a.evaluationPassed ? '通过' : '未通过'}。{a.evaluationReason}</Typography.Paragraph>}
    </Card>
  );
}

function ScoreForm({ application: a }: { application: Application }) {
  const done = useUpdate(a, '评分已提交');
  const [form] = Form.useForm();
  const score = useMutation({
    mutationFn: (v: { scores: Record<string, number>; onSiteFindings: string; opinion: string; recommendsFiling: boolean }) =>
      unwrap(api.POST('/api/filing/applications/{applicationId}/evaluation/scores', {
        params: { path: { applicationId: a.id } },
        body: {
          version: a.version, onSiteFindings: v.onSiteFindings, opinion: v.opinion, recommendsFiling: v.recommendsFiling,
          scores: Object.keys(subjectNames).map((subject) => ({ subject, score: v.scores[subject], comment: null })),
        },
      })),
    onSuccess: done,
  });
  return (
    <Card size="small" type="inner" title="我的评分" style={{ marginTop: 12 }}>
      {score.error && <div style={{ marginBottom: 12 }}><ProblemAlert error={score.error} /></div>}
      <Form form={form} layout="vertical" initialValues={{ recommendsFiling: true }} onFinish={(v) => score.mutate(v)}>
        <Space wrap>
          {Object.entries(subjectNames).map(([subject, name]) => (
            <Form.Item key={subject} name={['scores', subject]} label={name} rules={[{ required: true, message: '请打分' }]}>
              <InputNumber min={0} max={100} aria-label={name} />
            </Form.Item>
          ))}
        </Space>
        <Form.Item name="onSiteFindings" label="现场核查情况" rules={[{ required: true, message: '请填写' }]}><Input.TextArea rows={2} aria-label="现场核查情况" /></Form.Item>
        <Form.Item name="opinion" label="评估意见" rules={[{ required: true, message: '请填写' }]}><Input.TextArea rows={2} aria-label="评估意见" /></Form.Item>
        <Form.Item name="recommendsFiling" valuePropName="checked"><Checkbox>建议备案</Checkbox></Form.Item>
        <Button type="primary" htmlType="submit" loading={score.isPending}>提交评分</Button>
      </Form>
    </Card>
  );
}

/** FIL-17/FIL-18: publicity through a public notice, then the grant — or a rejection after an upheld objection. */
export function PublicityCard({ application: a, acting }: { application: Application; acting: boolean }) {
  const client = useQueryClient();
  const done = useUpdate(a, '已保存');
  const [days, setDays] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const path = { params: { path: { applicationId: a.id } } };
  const start = useMutation({
    mutationFn: () => unwrap(api.POST('/api/filing/applications/{applicationId}/publicity', { ...path, body: { version: a.version, workingDays: days } })),
    onSuccess: done,
  });
  const grant = useMutation({
    mutationFn: () => unwrap(api.POST('/api/filing/applications/{applicationId}/grant', { ...path, body: { version: a.version } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['application', a.id] }),
  });
  const reject = useMutation({
    mutationFn: () => unwrap(api.POST('/api/filing/applications/{applicationId}/reject', { ...path, body: { version: a.version, reason } })),
    onSuccess: done,
  });
  const error = start.error ?? grant.error ?? reject.error;
  if (!['EvaluationPassed', 'InPublicity', 'Granted'].includes(a.status) && !a.publicityNoticeId) return null;
  return (
    <Card title="公示与备案（FIL-17、FIL-18）" data-testid="publicity">
      {error && <div style={{ marginBottom: 12 }}><ProblemAlert error={error} /></div>}
      {a.status === 'EvaluationPassed' && acting && (
        <Space>
          <InputNumber min={1} max={60} placeholder="工作日（默认按政策）" value={days} onChange={setDays} style={{ width: 200 }} aria-label="公示工作日" />
          <Button type="primary" loading={start.isPending} onClick={() => start.mutate()}>发布备案公示</Button>
        </Space>
      )}
      {a.publicityNoticeId && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="公示期">{a.publicityStart} 至 {a.publicityEnd}</Descriptions.Item>
          <Descriptions.Item label="公示状态">
            <Tag data-testid="publicity-status" color={a.publicityStatus === 'Closed' ? 'default' : 'green'}>{a.publicityStatus === 'Closed' ? '公示期满' : a.publicityStatus === 'Withdrawn' ? '已撤回' : '公示中'}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="异议">
            {a.openObjections > 0 ? <Tag color="red">{a.openObjections} 件待处理（暂缓备案）</Tag> : a.upheldObjections > 0 ? <Tag color="red">异议成立</Tag> : <Tag color="green">无未决异议</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="公告"><Link to={`/notices/${a.publicityNoticeId}`}>查看公示公告及异议</Link></Descriptions.Item>
        </Descriptions>
      )}
      {a.status === 'InPublicity' && acting && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Button type="primary" loading={grant.isPending} onClick={() => grant.mutate()}>准予备案并分配备案号</Button>
          {a.upheldObjections > 0 && (
            <Space.Compact style={{ width: '100%' }}>
              <Input placeholder="不予备案的理由" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="不予备案理由" />
              <Button danger loading={reject.isPending} onClick={() => reject.mutate()}>不予备案</Button>
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
