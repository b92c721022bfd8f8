import { useEffect, useState } from 'react';
import {
  Alert, App, AutoComplete, Button, Card, Checkbox, Col, Descriptions, Divider, Form, Input, InputNumber, List, Row, Select, Skeleton, Space, Table,
  Timeline, Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../../api/client';
import { ApiProblem, type RuleViolation } from '../../../api/problem';
import { confirmDecision } from '../../../lib/confirm';
import { formatDateTime } from '../../../lib/format';
import { ProblemAlert, applyFieldErrors } from '../../../lib/ProblemAlert';
import { RuleTag } from '../../../lib/RuleTag';
import { useTerms } from '../../../lib/terms';
import { EvaluationCard, MaterialsCard, PublicityCard, mayTake, useUpdate } from '../components/FilingStages';
import { ApplicationStatusTag, DeadlineTag } from '../components/applicationColumns';

type Application = Schemas['Filing.ApplicationView'];
type LineView = Schemas['Filing.OccupationLineView'];
type Line = Schemas['Filing.OccupationLine'];
type Occupation = Schemas['Filing.CatalogOccupation'];

export function ApplicationPage() {
  const { id } = useParams();
  const query = useQuery({
    queryKey: ['application', id],
    queryFn: () => unwrap(api.GET('/api/filing/applications/{applicationId}', { params: { path: { applicationId: id! } } })),
  });
  const jurisdiction = query.data?.jurisdiction;
  const policy = useQuery({
    queryKey: ['policy', jurisdiction],
    enabled: !!jurisdiction,
    queryFn: () => unwrap(api.GET('/api/policies/{jurisdiction}', { params: { path: { jurisdiction: jurisdiction! } } })),
  });
  if (query.isLoading) return <Skeleton active />;
  if (query.error || !query.data) return <ProblemAlert error={query.error} />;
  const a = query.data;
  const pledgeable = policy.data?.filing.pledgeableMaterials ?? [];
  // what the caller may do comes from the server (ApplicationView.actions): no role checks here
  const editable = mayTake(a, 'changeFilingApplication');
  // a flex column (not Space): the cards of the editor and of the decisions are its direct children, evenly spaced
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 24 }}>
      <Summary application={a} />
      {a.status === 'Rejected' && (
        <Card title="不予备案" data-testid="rejected">
          <RuleTag ruleId={a.rejectionRuleId} />{a.rejectionReason}
        </Card>
      )}
      {a.status === 'Returned' && (
        <Card title="退回补正（FIL-15）" data-testid="returned">
          <Typography.Paragraph>{a.returnReason}</Typography.Paragraph>
          <List size="small" header="需补正的材料或事项" dataSource={a.missingItems} renderItem={(m) => <List.Item>{m}</List.Item>} />
        </Card>
      )}
      {editable ? (
        <DraftEditor application={a} pledgeable={pledgeable} />
      ) : (
        <>
          {/* what the decision is about comes first, the decision panels after it */}
          <ReadOnlyDetails application={a} />
          <MaterialsCard application={a} pledgeable={pledgeable} />
          <Decisions application={a} methods={policy.data?.filing.evaluationMethods ?? []} />
        </>
      )}
      <HistoryCard application={a} />
    </div>
  );
}

function Summary({ application: a }: { application: Application }) {
  return (
    <Card title={`备案申请 · ${a.organizationName}`}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label="辖区">{a.jurisdictionName}</Descriptions.Item>
        <Descriptions.Item label="申请类型">{a.kindName}</Descriptions.Item>
        <Descriptions.Item label="服务范围">{a.scopeName}</Descriptions.Item>
        <Descriptions.Item label="状态"><ApplicationStatusTag status={a.status} name={a.statusName} /></Descriptions.Item>
        <Descriptions.Item label="受理部门">{a.handlingAuthorityName ?? '提交后确定'}</Descriptions.Item>
        {a.firstReviewAuthorityName && <Descriptions.Item label="初审">{a.firstReviewAuthorityName}</Descriptions.Item>}
        {a.deadline && <Descriptions.Item label="时限"><DeadlineTag deadline={a.deadline} /></Descriptions.Item>}
        <Descriptions.Item label="当前环节"><span data-testid="waiting-for">{a.waitingFor}</span></Descriptions.Item>
      </Descriptions>
      {a.exceptedViolations.length > 0 && (
        <List
          size="small"
          header="申请例外的规则（待审核人员决定）"
          dataSource={a.exceptedViolations}
          renderItem={(v) => (
            <List.Item>
              <span><RuleTag ruleId={v.ruleId} color="orange" />{v.message} — 理由：{a.exceptionRequests.find((r) => r.ruleId === v.ruleId)?.justification}</span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function ReadOnlyDetails({ application: a }: { application: Application }) {
  return (
    <Card title="申报内容" data-testid="application-content">
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="连续培训评价年限">{a.consecutiveYears} 年</Descriptions.Item>
        <Descriptions.Item label="累计培训评价人次">{a.cumulativePersonTimes.toLocaleString()}</Descriptions.Item>
        <Descriptions.Item label="承担补贴性培训">{a.subsidizedTraining ? '是' : '否'}</Descriptions.Item>
      </Descriptions>
      <OccupationTable lines={a.occupations} />
      {a.sites.length > 0 && (
        <List size="small" header="评价站点" dataSource={a.sites} renderItem={(x) => <List.Item>{x.name} — {x.address}</List.Item>} />
      )}
    </Card>
  );
}

function OccupationTable({ lines }: { lines: LineView[] }) {
  return (
    <Table<LineView>
      rowKey="name"
      size="small"
      pagination={false}
      dataSource={lines}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '职业（工种）', dataIndex: 'name', width: 180 },
        { title: '职业编码', dataIndex: 'code', width: 140, render: (c?: string | null) => c ?? '—' },
        { title: '等级范围', dataIndex: 'levels', width: 220 },
        { title: '已培训评价人次', dataIndex: 'personTimes', width: 140, render: (n: number) => n.toLocaleString() },
        { title: '高级工及以上评价经历', dataIndex: 'priorSeniorEvaluation', width: 170, render: (b: boolean) => (b ? '有' : '无') },
      ]}
    />
  );
}

/** Who did what and when (全程留痕), oldest first. */
function HistoryCard({ application: a }: { application: Application }) {
  if (a.history.length === 0) return null;
  return (
    <Card title="办理记录" data-testid="history">
      <Timeline
        items={a.history.map((h, i) => ({
          key: i,
          content: (
            <div>
              <Typography.Text strong>{h.action}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>{formatDateTime(h.at)}</Typography.Text>
              <div>
                {h.actorName}（{h.actorRoleName}{h.authorityName ? ` · ${h.authorityName}` : ''}）
              </div>
              {h.detail && <Typography.Text type="secondary">{h.detail}</Typography.Text>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

/** The decisions of the acting authority and the experts, or, when the caller has nothing to do now, why. */
function Decisions({ application: a, methods }: { application: Application; methods: string[] }) {
  const canAct = a.actions.length > 0;
  const deciding = ['forwardFilingApplication', 'acceptFilingApplication', 'returnFilingApplication'].some((op) => mayTake(a, op));
  return (
    <>
      {!canAct && (
        <Alert type="info" showIcon data-testid="no-action" title="当前无需您操作" description={`当前环节：${a.waitingFor}`} />
      )}
      {deciding && <ReviewerActions application={a} />}
      <EvaluationCard application={a} methods={methods} />
      <PublicityCard application={a} />
    </>
  );
}

interface EditorValues {
  occupations: Line[];
  sites: { name: string; address: string }[];
  consecutiveYears: number;
  cumulativePersonTimes: number;
  subsidizedTraining: boolean;
}

/** Exactly the fields of OccupationLine (the server refuses unknown fields, such as the view's "levels"). */
const toLine = (l: Partial<Line>): Line => ({
  name: (l.name ?? '').trim(),
  code: l.code?.trim() || null,
  highestLevel: l.highestLevel!,
  lowestLevel: l.lowestLevel!,
  isNewOccupation: !!l.isNewOccupation,
  evaluationSince: l.evaluationSince ?? null,
  personTimes: l.personTimes ?? 0,
  priorSeniorEvaluation: !!l.priorSeniorEvaluation,
});

/** The material items (1–6) a 422 names as missing: its FIL-10 rules point at them ("/materialItems/4"). */
export function missingMaterialItems(rules: RuleViolation[]): number[] {
  return rules
    .map((r) => /^\/materialItems\/(\d+)$/.exec(r.target ?? ''))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]));
}

/** The organization's draft: details, then the materials, then submission (which needs both). */
function DraftEditor({ application: a, pledgeable }: { application: Application; pledgeable: number[] }) {
  const [form] = Form.useForm<EditorValues>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [justifications, setJustifications] = useState<Record<string, string>>({});

  const save = useMutation({
    mutationFn: (v: EditorValues) =>
      unwrap(api.PUT('/api/filing/applications/{applicationId}', {
        params: { path: { applicationId: a.id } },
        body: {
          version: a.version,
          consecutiveYears: v.consecutiveYears,
          cumulativePersonTimes: v.cumulativePersonTimes,
          subsidizedTraining: !!v.subsidizedTraining,
          occupations: (v.occupations ?? []).map(toLine),
          sites: (v.sites ?? []).map((x) => ({ name: x.name, address: x.address })),
        },
      })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['application', a.id] }),
    onError: (e) => applyFieldErrors(form, e),
  });
  const submit = useMutation({
    mutationFn: (version: number) =>
      unwrap(api.POST('/api/filing/applications/{applicationId}/submit', {
        params: { path: { applicationId: a.id } },
        body: { version, exceptionRequests: Object.entries(justifications).filter(([, j]) => j.trim()).map(([ruleId, justification]) => ({ ruleId, justification })) },
      })),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['application', a.id] });
      client.invalidateQueries({ queryKey: ['applications'] });
      message.success('申请已提交');
    },
    // a refused submission may still have saved the details: show the version the server holds now;
    // a rule about one occupation line is shown at that line too
    onError: (e) => {
      client.invalidateQueries({ queryKey: ['application', a.id] });
      const byLine = new Map<number, string[]>();
      for (const r of e instanceof ApiProblem ? e.rules : []) {
        const m = /^\/occupations\/(\d+)$/.exec(r.target ?? '');
        if (m) byLine.set(Number(m[1]), [...(byLine.get(Number(m[1])) ?? []), `[${r.ruleId}] ${r.message}`]);
      }
      form.setFields([...byLine].map(([i, errors]) => ({ name: ['occupations', i, 'name'], errors })));
    },
  });
  const saveDraft = async () => {
    try {
      await save.mutateAsync(await form.validateFields());
      message.success('已保存');
    } catch {
      // field errors are shown next to the fields, a refusal in the alert above the buttons
    }
  };
  const saveAndSubmit = async () => {
    let values: EditorValues;
    try {
      values = await form.validateFields();
    } catch {
      message.error('申报内容有待修改的项目，请按红色提示修改后再提交。');
      form.scrollToField(form.getFieldsError().find((f) => f.errors.length > 0)?.name ?? 'consecutiveYears');
      return;
    }
    try {
      const saved = await save.mutateAsync(values);
      await submit.mutateAsync(saved.version);
    } catch {
      // the 422 lists every broken rule below; the materials it names are marked in the table
    }
  };
  const rules = submit.error instanceof ApiProblem ? submit.error.rules : [];
  const inPrinciple = rules.filter((r) => r.inPrinciple);
  const missing = missingMaterialItems(rules);

  return (
    <>
      <DetailsForm application={a} form={form} />
      <MaterialsCard application={a} pledgeable={pledgeable} flagged={missing} />
      <Card title="提交申请" data-testid="submit-card">
        {save.error && <div style={{ marginBottom: 16 }}><ProblemAlert error={save.error} /></div>}
        {submit.error && <div style={{ marginBottom: 16 }} data-testid="submit-problem"><ProblemAlert error={submit.error} /></div>}
        {inPrinciple.length > 0 && (
          <Card size="small" title="以下规则为“原则上”要求，可说明理由申请例外，由审核人员决定" style={{ marginBottom: 16 }}>
            <Form layout="vertical">
              {[...new Set(inPrinciple.map((r) => r.ruleId))].map((ruleId) => (
                <Form.Item key={ruleId} label={`${ruleId} 例外理由`}>
                  <Input.TextArea rows={2} value={justifications[ruleId] ?? ''} onChange={(e) => setJustifications({ ...justifications, [ruleId]: e.target.value })} />
                </Form.Item>
              ))}
            </Form>
          </Card>
        )}
        <Typography.Paragraph type="secondary">
          提交时将按辖区政策逐项核验（FIL-01、04、06、07、08、10、12、13 等），所有不符合项会一并列出；缺少的材料会在上方材料表中标红。
        </Typography.Paragraph>
        <Space wrap>
          <Button onClick={saveDraft} loading={save.isPending && !submit.isPending}>保存草稿</Button>
          <Button type="primary" onClick={saveAndSubmit} loading={submit.isPending}>提交申请</Button>
        </Space>
      </Card>
    </>
  );
}

/** Details of the draft: experience (FIL-06), occupations checked against the catalog as they are typed (FIL-01), sites. */
function DetailsForm({ application: a, form }: { application: Application; form: FormInstance<EditorValues> }) {
  const client = useQueryClient();
  const terms = useTerms();
  const [search, setSearch] = useState('');
  const levelOptions = terms.list('skillLevels').map((t) => ({ value: Number(t.code), label: t.name }));
  const occupations = useQuery({
    queryKey: ['occupations', search],
    queryFn: () => unwrap(api.GET('/api/occupations', { params: { query: { q: search || undefined, limit: 30 } } })),
  });
  useEffect(() => {
    form.setFieldsValue({
      occupations: a.occupations.map(toLine),
      consecutiveYears: a.consecutiveYears,
      cumulativePersonTimes: a.cumulativePersonTimes,
      subsidizedTraining: a.subsidizedTraining,
      sites: a.sites,
    });
  }, [a, form]);

  /** The catalog entry of exactly this name, looked up on the server (cached per name). */
  const catalogEntry = async (name: string): Promise<Occupation | undefined> => {
    const hits = await client.fetchQuery({
      queryKey: ['occupations', name],
      queryFn: () => unwrap(api.GET('/api/occupations', { params: { query: { q: name, limit: 50 } } })),
      staleTime: 5 * 60_000,
    });
    return hits.find((o) => o.name === name);
  };
  const inCatalog = async (_: unknown, value?: string) => {
    const name = value?.trim();
    if (!name) return;
    const names = ((form.getFieldValue('occupations') ?? []) as Partial<Line>[]).map((l) => l?.name?.trim());
    if (names.filter((n) => n === name).length > 1) throw new Error('同一职业（工种）不能重复填写');
    const entry = await catalogEntry(name);
    if (!entry) throw new Error(`“${name}”不在职业（工种）目录中，请从下拉列表中选择目录内的名称（FIL-01）`);
    if (entry.type === 'Access') throw new Error(`“${name}”属于准入类职业资格，不纳入职业技能等级认定（FIL-01）`);
  };

  return (
    <Card title="填写申报内容（FIL-06、FIL-11）" data-testid="details">
      <Form form={form} layout="vertical" onFinish={() => undefined}>
        <Row gutter={16}>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="consecutiveYears" label="连续培训评价年限" rules={[{ required: true, message: '请填写年限' }]}>
              <InputNumber min={0} max={100} suffix="年" style={{ width: '100%' }} aria-label="连续培训评价年限" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="cumulativePersonTimes" label="累计培训评价人次" rules={[{ required: true, message: '请填写人次' }]}>
              <InputNumber min={0} suffix="人次" style={{ width: '100%' }} aria-label="累计培训评价人次" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="subsidizedTraining" label="政府补贴性培训" valuePropName="checked">
              <Checkbox>承担过政府补贴性职业技能培训任务</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">拟开展认定的职业（工种）</Divider>
        <Form.List name="occupations">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card key={field.key} size="small" type="inner" style={{ marginBottom: 12 }} title={`职业（工种）${index + 1}`}
                  extra={<Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除该职业">删除</Button>}>
                  <Row gutter={16}>
                    <Col xs={24} md={12} xl={6}>
                      <Form.Item name={[field.name, 'name']} label="职业（工种）名称" validateDebounce={300} hasFeedback
                        rules={[{ required: true, whitespace: true, message: '请选择职业（工种）' }, { validator: inCatalog }]}>
                        <AutoComplete placeholder="输入名称查找目录" onSearch={setSearch} onFocus={() => setSearch('')} aria-label="职业（工种）名称"
                          options={(occupations.data ?? []).map((o) => ({ value: o.name, label: `${o.name}（${o.group}）`, code: o.code }))}
                          onSelect={(_, option) => { if (option.code) form.setFieldValue(['occupations', field.name, 'code'], option.code); }} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12} xl={4}>
                      <Form.Item name={[field.name, 'code']} label="职业编码（可选）">
                        <Input placeholder="如 4-10-01-01" aria-label="职业编码" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6} xl={4}>
                      <Form.Item name={[field.name, 'highestLevel']} label="最高等级" rules={[{ required: true, message: '请选择最高等级' }]}>
                        <Select placeholder="最高等级" options={levelOptions} aria-label="最高等级" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6} xl={4}>
                      <Form.Item name={[field.name, 'lowestLevel']} label="最低等级"
                        rules={[{ required: true, message: '请选择最低等级' },
                          ({ getFieldValue }) => ({
                            validator: async (_, lowest?: number) => {
                              const highest = getFieldValue(['occupations', field.name, 'highestLevel']) as number | undefined;
                              if (lowest && highest && lowest < highest) throw new Error('最低等级不能高于最高等级');
                            },
                          })]}
                        dependencies={[['occupations', field.name, 'highestLevel']]}>
                        <Select placeholder="最低等级" options={levelOptions} aria-label="最低等级" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12} xl={6}>
                      <Form.Item name={[field.name, 'personTimes']} label="已培训评价人次（本职业）" rules={[{ required: true, message: '请填写人次' }]}>
                        <InputNumber min={0} suffix="人次" style={{ width: '100%' }} aria-label="已培训评价人数" />
                      </Form.Item>
                    </Col>
                    <Col xs={24}>
                      <Form.Item name={[field.name, 'priorSeniorEvaluation']} valuePropName="checked" style={{ marginBottom: 0 }}>
                        <Checkbox>有相应（相近）职业（工种）高级工及以上等级评价经历（申报技师、高级技师时需要，FIL-08）</Checkbox>
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', code: null, highestLevel: 3, lowestLevel: 5, personTimes: 0, isNewOccupation: false, priorSeniorEvaluation: false })}>
                添加职业（工种）
              </Button>
            </>
          )}
        </Form.List>
        <Divider titlePlacement="start">评价站点（目录公开，FIL-19）</Divider>
        <Form.List name="sites">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Row key={field.key} gutter={16} align="bottom">
                  <Col xs={24} md={9}>
                    <Form.Item name={[field.name, 'name']} label={`站点${index + 1}名称`} rules={[{ required: true, message: '请填写站点名称' }]}>
                      <Input placeholder="站点名称" aria-label="站点名称" />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={13}>
                    <Form.Item name={[field.name, 'address']} label="地址" rules={[{ required: true, message: '请填写站点地址' }]}>
                      <Input placeholder="站点地址" aria-label="站点地址" />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2}>
                    <Form.Item label=" ">
                      <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除该站点" />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', address: '' })}>添加评价站点</Button>
            </>
          )}
        </Form.List>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          填写后请在下方上传申报材料，最后在页面底部提交申请。
        </Typography.Paragraph>
      </Form>
    </Card>
  );
}

/** The acting authority's decisions: forward after a city's first review, accept, or return with what is missing. */
function ReviewerActions({ application: a }: { application: Application }) {
  const { modal, message } = App.useApp();
  const [remarks, setRemarks] = useState('');
  const [missing, setMissing] = useState('');
  const [reason, setReason] = useState('');
  const [decisions, setDecisions] = useState<Record<string, { granted: boolean; reason: string }>>({});
  const firstReview = !!a.firstReviewAuthority && !a.forwarded;
  const path = { params: { path: { applicationId: a.id } } };
  const forward = useMutation({
    mutationFn: () => unwrap(api.POST('/api/filing/applications/{applicationId}/forward', { ...path, body: { version: a.version, opinion: remarks } })),
    onSuccess: useUpdate(a, '已报送'),
  });
  const accept = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/filing/applications/{applicationId}/accept', {
        ...path,
        body: { version: a.version, remarks: remarks || null, exceptionDecisions: Object.entries(decisions).map(([ruleId, d]) => ({ ruleId, ...d })) },
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
    <Card title={firstReview ? '市级初审（FIL-14）' : '受理决定（FIL-15）'} data-testid="decision">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Form layout="vertical">
          <Form.Item label={firstReview ? '初审意见' : '受理意见'}>
            <Input.TextArea rows={2} value={remarks} onChange={(e) => setRemarks(e.target.value)} aria-label="审核意见" />
          </Form.Item>
          {!firstReview && [...new Set(a.exceptedViolations.map((v) => v.ruleId))].map((ruleId) => (
            <Form.Item key={ruleId} label={`${ruleId} 例外申请的决定`}>
              <Space wrap>
                <Select style={{ width: 140 }} value={decisions[ruleId]?.granted} placeholder="同意/不同意"
                  options={[{ value: true, label: '同意例外' }, { value: false, label: '不同意' }]}
                  onChange={(granted) => setDecisions({ ...decisions, [ruleId]: { reason: decisions[ruleId]?.reason ?? '', granted } })} />
                <Input style={{ width: 'min(420px, 80vw)' }} placeholder="理由" value={decisions[ruleId]?.reason}
                  onChange={(e) => setDecisions({ ...decisions, [ruleId]: { granted: decisions[ruleId]?.granted ?? false, reason: e.target.value } })} />
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
                content: `受理后进入技术评估（FIL-16），不能再退回补正。${a.exceptedViolations.length > 0 ? '请确认已对每条例外申请作出决定。' : ''}`,
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
