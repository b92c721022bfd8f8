import { useEffect, useState } from 'react';
import { App, AutoComplete, Button, Card, Checkbox, Descriptions, Divider, Form, Input, InputNumber, List, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiProblem, type RuleViolation } from '../api/problem';
import { useMe } from '../auth/session';
import { ProblemAlert, applyFieldErrors } from '../lib/ProblemAlert';
import { useAreas } from '../lib/areas';
import { Roles } from '../lib/roles';
import { applicationStatusNames, DeadlineTag } from './ApplicationsPage';
import { EvaluationCard, MaterialsCard, PublicityCard } from './FilingStages';

type Application = Schemas['Filing.Applications.ApplicationView'];
type Line = Schemas['Filing.Applications.OccupationLine'];

const levelOptions = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: ['一级/高级技师', '二级/技师', '三级/高级工', '四级/中级工', '五级/初级工'][n - 1] }));

export function ApplicationPage() {
  const { id } = useParams();
  const { data: me } = useMe();
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
  const editable = (a.status === 'Draft' || a.status === 'Returned') && me?.role === Roles.organization;
  const acting = me?.role === Roles.reviewer && !!a.currentAuthority && me.authority?.code === a.currentAuthority;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Summary application={a} />
      {a.status === 'Rejected' && (
        <Card title="不予备案" data-testid="rejected">
          <Tag color="red">{a.rejectionRuleId}</Tag>{a.rejectionReason}
        </Card>
      )}
      {a.status === 'Returned' && (
        <Card title="退回补正（FIL-15）" data-testid="returned">
          <Typography.Paragraph>{a.returnReason}</Typography.Paragraph>
          <List size="small" header="需补正的材料或事项" dataSource={a.missingItems} renderItem={(m) => <List.Item>{m}</List.Item>} />
        </Card>
      )}
      {acting && a.status === 'Submitted' && <ReviewerActions application={a} />}
      <PublicityCard application={a} acting={acting} />
      <EvaluationCard application={a} acting={acting} methods={policy.data?.filing.evaluationMethods ?? []} />
      {editable ? <Editor application={a} /> : <ReadOnlyDetails application={a} />}
      <MaterialsCard application={a} pledgeable={policy.data?.filing.pledgeableMaterials ?? []} />
    </Space>
  );
}

function Summary({ application: a }: { application: Application }) {
  const { areaName } = useAreas();
  const policy = useQuery({
    queryKey: ['policy', a.jurisdiction],
    queryFn: () => unwrap(api.GET('/api/policies/{jurisdiction}', { params: { path: { jurisdiction: a.jurisdiction } } })),
  });
  const scopeName = policy.data?.filing.scopes.find((s) => s.scope === a.scope)?.name ?? a.scope;
  return (
    <Card title={`备案申请 · ${a.organizationName}`}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="辖区">{policy.data?.name ?? a.jurisdiction}</Descriptions.Item>
        <Descriptions.Item label="申请类型">{{ New: '新申请备案', Renewal: '续期备案（FIL-20）', Change: '变更备案（FIL-21）' }[a.kind]}</Descriptions.Item>
        <Descriptions.Item label="服务范围">{scopeName}</Descriptions.Item>
        <Descriptions.Item label="状态"><Tag data-testid="application-status" color={applicationStatusNames[a.status]?.color}>{applicationStatusNames[a.status]?.text}</Tag></Descriptions.Item>
        <Descriptions.Item label="受理部门">{a.handlingAuthority ? areaName(a.handlingAuthority) : '提交后确定'}</Descriptions.Item>
        <Descriptions.Item label="初审">{a.firstReviewAuthority ? areaName(a.firstReviewAuthority) : '—'}</Descriptions.Item>
        <Descriptions.Item label="时限"><DeadlineTag deadline={a.deadline} /></Descriptions.Item>
        <Descriptions.Item label="当前环节"><span data-testid="waiting-for">{a.waitingFor}</span></Descriptions.Item>
      </Descriptions>
      {a.exceptedViolations.length > 0 && (
        <List
          size="small"
          header="申请例外的规则（待审核人员决定）"
          dataSource={a.exceptedViolations}
          renderItem={(v) => (
            <List.Item>
              <Tag color="orange">{v.ruleId}</Tag>{v.message} — 理由：{a.exceptionRequests.find((r) => r.ruleId === v.ruleId)?.justification}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function ReadOnlyDetails({ application: a }: { application: Application }) {
  return (
    <Card title="申报内容">
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

function OccupationTable({ lines }: { lines: Line[] }) {
  return (
    <Table<Line>
      rowKey="name"
      size="small"
      pagination={false}
      dataSource={lines}
      columns={[
        { title: '职业（工种）', dataIndex: 'name' },
        { title: '编码', dataIndex: 'code', render: (c?: string | null) => c ?? '—' },
        { title: '等级范围', render: (_, l) => `${levelOptions[l.highestLevel - 1].label} 至 ${levelOptions[l.lowestLevel - 1].label}` },
        { title: '已培训评价人数', dataIndex: 'personTimes', render: (n: number) => n.toLocaleString() },
      ]}
    />
  );
}

interface EditorValues {
  occupations: Line[];
  sites: { name: string; address: string }[];
  consecutiveYears: number;
  cumulativePersonTimes: number;
  subsidizedTraining: boolean;
}

function Editor({ application: a }: { application: Application }) {
  const [form] = Form.useForm<EditorValues>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const [justifications, setJustifications] = useState<Record<string, string>>({});
  const occupations = useQuery({
    queryKey: ['occupations', search],
    queryFn: () => unwrap(api.GET('/api/occupations', { params: { query: { q: search || undefined, limit: 30 } } })),
  });
  useEffect(() => {
    form.setFieldsValue({
      occupations: a.occupations, consecutiveYears: a.consecutiveYears, cumulativePersonTimes: a.cumulativePersonTimes, subsidizedTraining: a.subsidizedTraining,
      sites: a.sites,
    });
  }, [a, form]);

  const save = useMutation({
    mutationFn: (v: EditorValues) =>
      unwrap(api.PUT('/api/filing/applications/{applicationId}', {
        params: { path: { applicationId: a.id } },
        body: { ...v, version: a.version, occupations: v.occupations.map((l) => ({ ...l, code: l.code || null, isNewOccupation: !!l.isNewOccupation, priorSeniorEvaluation: !!l.priorSeniorEvaluation })) },
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
      message.success('申请已提交');
    },
  });
  const saveAndSubmit = async () => {
    const values = await form.validateFields();
    const saved = await save.mutateAsync(values);
    await submit.mutateAsync(saved.version);
  };
  const inPrinciple: RuleViolation[] = submit.error instanceof ApiProblem ? submit.error.rules.filter((r) => r.inPrinciple) : [];

  return (
    <Card title="填写申报内容（FIL-06、FIL-11）">
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v, { onSuccess: () => message.success('已保存') })}>
        <Space size="large" wrap>
          <Form.Item name="consecutiveYears" label="连续培训评价年限" rules={[{ required: true, message: '必填' }]}><InputNumber min={0} max={100} addonAfter="年" /></Form.Item>
          <Form.Item name="cumulativePersonTimes" label="累计培训评价人次" rules={[{ required: true, message: '必填' }]}><InputNumber min={0} style={{ width: 180 }} /></Form.Item>
          <Form.Item name="subsidizedTraining" label=" " valuePropName="checked"><Checkbox>承担过政府补贴性职业技能培训任务</Checkbox></Form.Item>
        </Space>
        <Divider titlePlacement="start">拟开展认定的职业（工种）</Divider>
        <Form.List name="occupations">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap style={{ marginBottom: 8 }}>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: '请选择职业（工种）' }]}>
                    <AutoComplete style={{ width: 200 }} placeholder="职业（工种）名称" onSearch={setSearch}
                      options={(occupations.data ?? []).map((o) => ({ value: o.name, label: `${o.name}（${o.group}）` }))} aria-label="职业（工种）名称" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'code']}><Input style={{ width: 140 }} placeholder="职业编码（可选）" /></Form.Item>
                  <Form.Item name={[field.name, 'highestLevel']} rules={[{ required: true, message: '最高等级' }]}>
                    <Select style={{ width: 150 }} placeholder="最高等级" options={levelOptions} aria-label="最高等级" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'lowestLevel']} rules={[{ required: true, message: '最低等级' }]}>
                    <Select style={{ width: 150 }} placeholder="最低等级" options={levelOptions} aria-label="最低等级" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'personTimes']} rules={[{ required: true, message: '人数' }]}>
                    <InputNumber min={0} placeholder="已培训评价人数" style={{ width: 150 }} aria-label="已培训评价人数" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'priorSeniorEvaluation']} valuePropName="checked"><Checkbox>有高级工及以上评价经历（FIL-08）</Checkbox></Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除该职业" />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', highestLevel: 3, lowestLevel: 5, personTimes: 0, isNewOccupation: false, priorSeniorEvaluation: false })}>
                添加职业（工种）
              </Button>
            </>
          )}
        </Form.List>
        <Divider titlePlacement="start">评价站点（目录公开，FIL-19）</Divider>
        <Form.List name="sites">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap style={{ marginBottom: 8 }}>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: '站点名称' }]}><Input style={{ width: 240 }} placeholder="站点名称" aria-label="站点名称" /></Form.Item>
                  <Form.Item name={[field.name, 'address']} rules={[{ required: true, message: '站点地址' }]}><Input style={{ width: 360 }} placeholder="站点地址" aria-label="站点地址" /></Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除该站点" />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', address: '' })}>添加评价站点</Button>
            </>
          )}
        </Form.List>
        <Divider />
        {save.error && <div style={{ marginBottom: 16 }}><ProblemAlert error={save.error} /></div>}
        {submit.error && <div style={{ marginBottom: 16 }} data-testid="submit-problem"><ProblemAlert error={submit.error} /></div>}
        {inPrinciple.length > 0 && (
          <Card size="small" title="以下规则为“原则上”要求，可说明理由申请例外，由审核人员决定" style={{ marginBottom: 16 }}>
            {[...new Set(inPrinciple.map((r) => r.ruleId))].map((ruleId) => (
              <Form.Item key={ruleId} label={`${ruleId} 例外理由`}>
                <Input.TextArea rows={2} value={justifications[ruleId] ?? ''} onChange={(e) => setJustifications({ ...justifications, [ruleId]: e.target.value })} />
              </Form.Item>
            ))}
          </Card>
        )}
        <Space>
          <Button htmlType="submit" loading={save.isPending}>保存草稿</Button>
          <Button type="primary" onClick={saveAndSubmit} loading={submit.isPending}>提交申请</Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          提交时将按辖区政策逐项核验（FIL-01、04、06、07、08、10、12、13 等），所有不符合项会一并列出。请先在下方上传申报材料。
        </Typography.Paragraph>
      </Form>
    </Card>
  );
}

/** The acting authority's decisions: forward after a city's first review, accept, or return with what is missing. */
function ReviewerActions({ application: a }: { application: Application }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [remarks, setRemarks] = useState('');
  const [missing, setMissing] = useState('');
  const [reason, setReason] = useState('');
  const [decisions, setDecisions] = useState<Record<string, { granted: boolean; reason: string }>>({});
  const firstReview = !!a.firstReviewAuthority && !a.forwarded;
  const done = (text: string) => () => {
    client.invalidateQueries({ queryKey: ['application', a.id] });
    message.success(text);
  };
  const path = { params: { path: { applicationId: a.id } } };
  const forward = useMutation({
    mutationFn: () => unwrap(api.POST('/api/filing/applications/{applicationId}/forward', { ...path, body: { version: a.version, opinion: remarks } })),
    onSuccess: done('已报送'),
  });
  const accept = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/filing/applications/{applicationId}/accept', {
        ...path,
        body: { version: a.version, remarks: remarks || null, exceptionDecisions: Object.entries(decisions).map(([ruleId, d]) => ({ ruleId, ...d })) },
      })),
    onSuccess: done('已受理'),
  });
  const giveBack = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/filing/applications/{applicationId}/return', {
        ...path,
        body: { version: a.version, missingItems: missing.split('\n').map((m) => m.trim()).filter(Boolean), reason },
      })),
    onSuccess: done('已退回'),
  });
  const error = forward.error ?? accept.error ?? giveBack.error;
  return (
    <Card title={firstReview ? '市级初审（FIL-14）' : '受理决定（FIL-15）'}>
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
                <Input style={{ width: 420 }} placeholder="理由" value={decisions[ruleId]?.reason}
                  onChange={(e) => setDecisions({ ...decisions, [ruleId]: { granted: decisions[ruleId]?.granted ?? false, reason: e.target.value } })} />
              </Space>
            </Form.Item>
          ))}
        </Form>
        {error && <ProblemAlert error={error} />}
        <Space>
          {firstReview ? (
            <Button type="primary" loading={forward.isPending} onClick={() => forward.mutate()}>初审通过并报送</Button>
          ) : (
            <Button type="primary" loading={accept.isPending} onClick={() => accept.mutate()}>受理</Button>
          )}
        </Space>
        <Divider titlePlacement="start">退回补正</Divider>
        <Input.TextArea rows={3} placeholder="需补正的材料或事项，每行一项" value={missing} onChange={(e) => setMissing(e.target.value)} aria-label="需补正的材料" />
        <Input placeholder="退回理由" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="退回理由" />
        <Button danger loading={giveBack.isPending} onClick={() => giveBack.mutate()}>退回补正</Button>
      </Space>
    </Card>
  );
}
