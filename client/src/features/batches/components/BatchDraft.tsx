import { useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import {
  Alert, App, Button, Card, Checkbox, Col, DatePicker, Divider, Form, Input, InputNumber, List, Modal, Row, Select, Space, Steps, Table,
  TreeSelect, Typography, Upload,
} from 'antd';
import { DeleteOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api, postForm, unwrap, type Schemas } from '../../../api/client';
import type { RuleViolation } from '../../../api/problem';
import { useAreas } from '../../../lib/areas';
import { blockingByStep, candidateFieldErrors, draftSteps, residentIdProblem, rulesByLine, stepOf, type DraftStep } from '../../../lib/batches';
import { confirmDecision } from '../../../lib/confirm';
import { downloadFile } from '../../../lib/download';
import { ProblemAlert, applyFieldErrors } from '../../../lib/ProblemAlert';
import { RuleTag } from '../../../lib/RuleTag';
import { MissingPhotos, photoColumn } from './CandidatePhoto';
import { MaskedRosterNote, useCandidateViewer } from './CandidateDetail';
import { useTerms } from '../../../lib/terms';
import {
  ImportProgress, LineProblems, RowErrorsTable, batchKey, mayTake, rowsOf, rulesOf, useBatchCommand, useUploadProgress, type BatchState, type BatchView,
} from './BatchParts';

type StaffRole = Schemas['Batches.StaffRole'];
type StaffMember = Schemas['Batches.StaffMemberView'];
type Candidate = Schemas['Batches.CandidateView'];

const stepTitles: Record<DraftStep, string> = { plan: '计划', staff: '人员', candidates: '考生', file: '报备' };
const roles: StaffRole[] = ['Invigilator', 'Examiner', 'QualitySupervisor'];

/** Rules once: the blocking list and a refused filing name the same rules. */
function union(a: RuleViolation[], b: RuleViolation[]): RuleViolation[] {
  const seen = new Set<string>();
  return [...a, ...b].filter((r) => {
    const key = `${r.ruleId}|${r.code}|${r.target ?? ''}|${r.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A draft batch, in the order it is prepared: plan → staff → candidates → filing (BAT-01). Every step stays mounted, so
 * moving between them keeps what was typed. */
export function DraftSteps({ batch: b }: { batch: BatchView }) {
  const [step, setStep] = useState(0);
  const { modal } = App.useApp();
  const client = useQueryClient();
  const file = useBatchCommand(b, (_: void, version) =>
    unwrap(api.POST('/api/batches/{batchId}/file', { params: { path: { batchId: b.id } }, body: { version } })), '认定计划已报备');
  const rules = union(b.blocking, rulesOf(file.error));
  const counts = blockingByStep(b.blocking);
  const goTo = (s: DraftStep) => {
    setStep(draftSteps.indexOf(s));
    window.scrollTo({ top: 0 });
  };
  const next = (s: DraftStep) => (
    <Button type="primary" onClick={() => goTo(s)}>下一步：{stepTitles[s]}</Button>
  );
  return (
    <>
      <Card>
        <Steps
          current={step}
          onChange={setStep}
          responsive
          items={draftSteps.map((s) => ({
            title: stepTitles[s],
            status: step === draftSteps.indexOf(s) ? 'process' : s !== 'file' && counts[s] > 0 ? 'error' : s === 'file' ? 'wait' : 'finish',
            content: s === 'file' ? (b.blocking.length > 0 ? `${b.blocking.length}项待完善` : '可以报备') : counts[s] > 0 ? `${counts[s]}项待完善` : '已完成',
          }))}
        />
      </Card>
      <div hidden={step !== 0}><PlanForm batch={b} rules={rules} footer={next('staff')} /></div>
      <div hidden={step !== 1}><StaffStep batch={b} footer={next('candidates')} /></div>
      <div hidden={step !== 2}><CandidatesStep batch={b} rules={rules} footer={next('file')} /></div>
      <div hidden={step !== 3}>
        <Card title="报备认定计划（BAT-01）" data-testid="file-card">
          <Typography.Paragraph type="secondary">
            报备时按辖区政策逐项核验（BAT-01 提前报备、BAT-03 备案范围、BAT-05 人员回避、BAT-09 考生信息、BAT-10 收费依据），所有不符合项会一并列出。
            报备后计划、人员和考生不能再修改。
          </Typography.Paragraph>
          {b.blocking.length > 0 ? (
            <List
              size="small"
              data-testid="blocking"
              header={<strong>尚不能报备：还有 {b.blocking.length} 项待完善</strong>}
              dataSource={b.blocking}
              renderItem={(r) => (
                <List.Item
                  actions={stepOf(r) !== 'file' ? [<Button key="go" size="small" type="link" onClick={() => goTo(stepOf(r))}>去{stepTitles[stepOf(r)]}</Button>] : []}>
                  <span><RuleTag ruleId={r.ruleId} />{r.message}</span>
                </List.Item>
              )}
            />
          ) : (
            <Alert type="success" showIcon data-testid="blocking-clear" title="各项报备条件均已满足" />
          )}
          {file.error && <div style={{ marginTop: 12 }} data-testid="file-problem"><ProblemAlert error={file.error} /></div>}
          <Space wrap style={{ marginTop: 16 }}>
            {mayTake(b, 'fileBatchPlan') && (
              <Button type="primary" loading={file.isPending}
                onClick={() => confirmDecision(modal, {
                  title: '报备认定计划？', okText: '确认报备',
                  content: '报备后，认定计划、考务人员和考生名单不能再修改；受理部门按考点所在地或备案部门确定。',
                  run: async () => {
                    // the checklist may be a moment old: read the batch again so the filing sends the current version
                    await client.invalidateQueries({ queryKey: batchKey(b.id) });
                    return file.mutateAsync();
                  },
                })}>报备认定计划</Button>
            )}
          </Space>
        </Card>
      </div>
    </>
  );
}

interface PlanValues {
  title: string;
  occupations: { name?: string; level?: number }[];
  subjects: string[];
  examDays: (Dayjs | null)[];
  sites: { name?: string; address?: string; areaCode?: string }[];
  feePerCandidate: number | null;
  feeStandard?: string;
}

const planValues = (b: BatchView): PlanValues => ({
  title: b.title,
  occupations: b.occupations.map((o) => ({ name: o.name, level: o.level })),
  subjects: b.subjects,
  examDays: b.examDays.map((d) => dayjs(d)),
  sites: b.sites.map((s) => ({ ...s })),
  feePerCandidate: b.feePerCandidate,
  feeStandard: b.feeStandard ?? '',
});

/** The plan (BAT-01): occupations and levels within the filing (BAT-03), subjects, exam days, sites and the fee (BAT-10). */
function PlanForm({ batch: b, rules, footer }: { batch: BatchView; rules: RuleViolation[]; footer: ReactNode }) {
  const [form] = Form.useForm<PlanValues>();
  const terms = useTerms();
  const { tree } = useAreas();
  const filing = useQuery({
    queryKey: ['filing', b.filingId],
    queryFn: () => unwrap(api.GET('/api/filing/filings/{filingId}', { params: { path: { filingId: b.filingId } } })),
  });
  const save = useBatchCommand(b, (v: PlanValues, version) =>
    unwrap(api.PUT('/api/batches/{batchId}', {
      params: { path: { batchId: b.id } },
      body: {
        version,
        title: v.title.trim(),
        occupations: (v.occupations ?? []).map((o) => ({ name: o.name ?? '', level: o.level ?? 0 })),
        subjects: v.subjects ?? [],
        examDays: (v.examDays ?? []).filter((d): d is Dayjs => !!d).map((d) => d.format('YYYY-MM-DD')),
        sites: (v.sites ?? []).map((s) => ({ name: s.name ?? '', address: s.address ?? '', areaCode: s.areaCode ?? '' })),
        feePerCandidate: v.feePerCandidate ?? 0,
        feeStandard: v.feeStandard?.trim() || null,
      },
    })), '计划已保存');
  // the form shows the saved plan, and follows a newer saved version while nothing has been entered — a refetch of the
  // same version, or a row added with 添加…, never wipes what the user is doing
  const [edited, setEdited] = useState(false);
  useEffect(() => {
    if (!edited && !form.isFieldsTouched()) form.setFieldsValue(planValues(b));
  }, [b.version, form]);
  const occupations = Form.useWatch('occupations', form) ?? [];
  const filed = filing.data?.occupations ?? [];
  const levelOptions = (name?: string) => {
    const o = filed.find((f) => f.name === name);
    const levels = o ? Array.from({ length: o.lowestLevel - o.highestLevel + 1 }, (_, i) => o.highestLevel + i) : [1, 2, 3, 4, 5];
    return levels.map((n) => ({ value: n, label: terms.name('skillLevels', n) }));
  };
  const byOccupation = rulesByLine(rules, 'occupations');
  const bySite = rulesByLine(rules, 'sites');
  const submit = async () => {
    let values: PlanValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    try {
      await save.mutateAsync(values);
      // saved: what the server holds is what the form shows
      form.resetFields();
      form.setFieldsValue(values);
      setEdited(false);
    } catch (e) {
      applyFieldErrors(form, e);
    }
  };
  const marked = { borderColor: '#ff4d4f' };
  return (
    <Card title="认定计划（BAT-01）" data-testid="plan">
      <Form form={form} name="plan" layout="vertical" initialValues={planValues(b)} onValuesChange={() => setEdited(true)}>
        <Form.Item name="title" label="批次名称" rules={[{ required: true, whitespace: true, message: '请填写批次名称' }, { max: 100, message: '不超过100字' }]}>
          <Input aria-label="批次名称" />
        </Form.Item>
        <Divider titlePlacement="start">认定职业（工种）及等级</Divider>
        {filing.data && (
          <Typography.Paragraph type="secondary">
            备案{filing.data.filingNumber}的范围：{filed.map((o) => `${o.name}（${terms.levelRange(o.highestLevel, o.lowestLevel)}）`).join('；')}（BAT-03）
          </Typography.Paragraph>
        )}
        <Form.List name="occupations">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card key={field.key} size="small" type="inner" style={{ marginBottom: 12, ...(byOccupation.has(index) ? marked : {}) }}
                  data-testid={`occupation-line-${index}`}>
                  <Row gutter={16} align="bottom">
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, 'name']} label={`职业（工种）${index + 1}`} rules={[{ required: true, message: '请选择职业（工种）' }]}>
                        <Select showSearch aria-label="职业（工种）" placeholder="选择备案的职业（工种）" loading={filing.isLoading}
                          options={filed.map((o) => ({ value: o.name, label: o.name }))}
                          onChange={() => form.setFieldValue(['occupations', field.name, 'level'], undefined)} />
                      </Form.Item>
                    </Col>
                    <Col xs={18} md={9}>
                      <Form.Item name={[field.name, 'level']} label="等级" rules={[{ required: true, message: '请选择等级' }]}>
                        <Select aria-label="等级" placeholder="选择等级" options={levelOptions(occupations[index]?.name)} />
                      </Form.Item>
                    </Col>
                    <Col xs={6} md={3}>
                      <Form.Item label=" ">
                        <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除该职业" />
                      </Form.Item>
                    </Col>
                  </Row>
                  <LineProblems rules={byOccupation.get(index)} />
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})}>添加职业（工种）</Button>
            </>
          )}
        </Form.List>
        <Divider titlePlacement="start">认定科目</Divider>
        <Form.Item name="subjects" rules={[{ required: true, type: 'array', min: 1, message: '请选择认定科目' }]}>
          <Checkbox.Group options={terms.options('batchSubjects')} />
        </Form.Item>
        <Divider titlePlacement="start">认定日期</Divider>
        <Form.List name="examDays">
          {(fields, { add, remove }) => (
            <Space wrap align="start">
              {fields.map((field, index) => (
                <Space.Compact key={field.key}>
                  <Form.Item name={field.name} rules={[{ required: true, message: '请选择日期' }]} style={{ marginBottom: 8 }}>
                    <DatePicker aria-label={`认定日期${index + 1}`} placeholder="YYYY-MM-DD" />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除该日期" />
                </Space.Compact>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add(null)}>添加认定日期</Button>
            </Space>
          )}
        </Form.List>
        <Divider titlePlacement="start">认定考点</Divider>
        <Form.List name="sites">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card key={field.key} size="small" type="inner" style={{ marginBottom: 12, ...(bySite.has(index) ? marked : {}) }} data-testid={`site-line-${index}`}>
                  <Row gutter={16} align="bottom">
                    <Col xs={24} md={7}>
                      <Form.Item name={[field.name, 'name']} label={`考点${index + 1}名称`} rules={[{ required: true, whitespace: true, message: '请填写考点名称' }]}>
                        <Input aria-label="考点名称" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={6}>
                      <Form.Item name={[field.name, 'areaCode']} label="所在地区" rules={[{ required: true, message: '请选择考点所在地区' }]}>
                        <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" placeholder="选择市或县（区）" aria-label="考点所在地区" />
                      </Form.Item>
                    </Col>
                    <Col xs={20} md={9}>
                      <Form.Item name={[field.name, 'address']} label="地址" rules={[{ required: true, whitespace: true, message: '请填写考点地址' }]}>
                        <Input aria-label="考点地址" />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={2}>
                      <Form.Item label=" ">
                        <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除该考点" />
                      </Form.Item>
                    </Col>
                  </Row>
                  <LineProblems rules={bySite.get(index)} />
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})}>添加认定考点</Button>
            </>
          )}
        </Form.List>
        <Divider titlePlacement="start">收费（BAT-10）</Divider>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="feePerCandidate" label="收费标准" rules={[{ required: true, message: '请填写收费标准' }]}>
              <InputNumber min={0} max={100000} suffix="元/人" style={{ width: '100%' }} aria-label="收费标准" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="feeStandard" label="收费依据" rules={[{ max: 200, message: '不超过200字' }]} extra="公布的收费标准文件名称或文号">
              <Input aria-label="收费依据" placeholder="如：皖价费〔2024〕12号" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {save.error && <div style={{ marginBottom: 12 }}><ProblemAlert error={save.error} /></div>}
      <Space wrap>
        {mayTake(b, 'changeBatchPlan') && <Button type="primary" onClick={submit} loading={save.isPending}>保存计划</Button>}
        {footer}
      </Space>
    </Card>
  );
}

/** The roster and the batch's invigilators, examiners and internal quality supervisors (BAT-01, BAT-05). */
function StaffStep({ batch: b, footer }: { batch: BatchView; footer: ReactNode }) {
  const terms = useTerms();
  const [registering, setRegistering] = useState(false);
  const roster = useQuery({ queryKey: ['batch-staff'], queryFn: () => unwrap(api.GET('/api/batches/staff')) });
  const initialPicks = useMemo(() => Object.fromEntries(roles.map((r) => [r, b.staff.filter((s) => s.role === r).map((s) => s.staffId)])) as Record<StaffRole, string[]>, [b.staff]);
  const [picks, setPicks] = useState<Record<StaffRole, string[]> | null>(null);
  const [relations, setRelations] = useState<Record<string, string[]>>({});
  const current = picks ?? initialPicks;
  const assign = useBatchCommand(b, (_: void, version) =>
    unwrap(api.PUT('/api/batches/{batchId}/staff', {
      params: { path: { batchId: b.id } },
      body: {
        version,
        staff: roles.flatMap((role) => current[role].map((staffId) => ({ staffId, role, declaredRelations: relationsOf(staffId, role) }))),
      },
    })), '人员安排已保存');
  const relationsOf = (staffId: string, role: StaffRole) =>
    relations[`${staffId}/${role}`] ?? b.staff.find((s) => s.staffId === staffId && s.role === role)?.declaredRelations ?? [];
  const people = roster.data ?? [];
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? b.staff.find((s) => s.staffId === id)?.name ?? '—';
  const assigned = roles.flatMap((role) => current[role].map((staffId) => ({ staffId, role })));
  const save = async () => {
    try {
      await assign.mutateAsync();
      setPicks(null);
      setRelations({});
    } catch {
      // BAT-05 refusals are listed below
    }
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title="本机构人员名册" data-testid="roster"
        extra={<Button icon={<PlusOutlined />} onClick={() => setRegistering(true)}>登记人员</Button>}
        styles={{ header: { flexWrap: 'wrap', rowGap: 8, paddingBlock: 8 } }}>
        <ProblemAlert error={roster.error} />
        <Table<StaffMember>
          rowKey="id"
          size="small"
          loading={roster.isLoading}
          dataSource={people}
          scroll={{ x: 'max-content' }}
          pagination={people.length > 10 ? { pageSize: 10 } : false}
          locale={{ emptyText: '名册中还没有人员，请先登记' }}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 100 },
            { title: '证件', width: 260, render: (_, p) => `${p.documentTypeName} ${p.documentNumber}` },
            { title: '资格', dataIndex: 'qualification', width: 220 },
            { title: '可考评的职业（工种）', width: 200, render: (_, p) => (p.occupations.length > 0 ? p.occupations.join('、') : '—') },
            { title: '可考评的等级', width: 200, render: (_, p) => (p.levels.length > 0 ? p.levels.map((l) => terms.name('skillLevels', l)).join('、') : '—') },
          ]}
        />
      </Card>
      <Card title="本批次考务人员（BAT-05）" data-testid="staff">
        <Typography.Paragraph type="secondary">
          须安排监考人员、考评人员和内部质量督导员；同一人不能在同一批次中既任考评人员又任内部质量督导员；考评人员须能考评计划中的每个职业（工种），
          并对培训过或有亲属等关系的考生回避（申报关系时填写考生的证件号码）。
        </Typography.Paragraph>
        <Form layout="vertical">
          <Row gutter={16}>
            {roles.map((role) => (
              <Col xs={24} md={8} key={role}>
                <Form.Item label={terms.name('staffRoles', role)}>
                  <Select mode="multiple" aria-label={terms.name('staffRoles', role)} placeholder="从名册中选择" value={current[role]}
                    onChange={(ids: string[]) => setPicks({ ...current, [role]: ids })}
                    options={people.map((p) => ({ value: p.id, label: p.name, title: p.name }))}
                    optionRender={(o) => {
                      const p = people.find((x) => x.id === o.value);
                      return <span>{p?.name}<Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>{p?.occupations.join('、')}</Typography.Text></span>;
                    }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Form>
        {assigned.length > 0 && (
          <Table
            size="small"
            rowKey={(a) => `${a.staffId}/${a.role}`}
            dataSource={assigned}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '姓名', width: 100, render: (_, a) => nameOf(a.staffId) },
              { title: '岗位', width: 130, render: (_, a) => terms.name('staffRoles', a.role) },
              {
                title: '申报回避关系（可选）',
                render: (_, a) => (
                  <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                    {/* the roster shows identity numbers masked: a relation is typed as the full number (Enter after each) */}
                    <Select mode="tags" style={{ minWidth: 280, width: '100%' }} aria-label={`${nameOf(a.staffId)}申报关系`}
                      placeholder="输入有关系的考生的完整证件号码，回车确认"
                      value={relationsOf(a.staffId, a.role)}
                      onChange={(v: string[]) => setRelations({ ...relations, [`${a.staffId}/${a.role}`]: v })} />
                  </Space>
                ),
              },
            ]}
          />
        )}
        {assign.error && <div style={{ marginTop: 12 }}><ProblemAlert error={assign.error} /></div>}
        <Space wrap style={{ marginTop: 16 }}>
          {mayTake(b, 'assignBatchStaff') && <Button type="primary" onClick={save} loading={assign.isPending}>保存人员安排</Button>}
          {footer}
        </Space>
      </Card>
      {registering && <RegisterStaffModal batch={b} onClose={() => setRegistering(false)} />}
    </Space>
  );
}

interface StaffValues {
  name: string;
  documentType: number;
  documentNumber: string;
  qualification: string;
  occupations: string[];
  levels?: number[];
}

/** Validates a resident identity number as the server will (GB 11643), while it is typed; other documents are checked by the server. */
const identityRule = (typeField: string) => ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
  validator: async (_: unknown, value?: string) => {
    if (!value || Number(getFieldValue(typeField)) !== 201) return;
    const problem = residentIdProblem(value);
    if (problem) throw new Error(problem);
  },
});

function RegisterStaffModal({ batch: b, onClose }: { batch: BatchView; onClose: () => void }) {
  const [form] = Form.useForm<StaffValues>();
  const terms = useTerms();
  const client = useQueryClient();
  const { message } = App.useApp();
  const register = useMutation({
    mutationFn: (v: StaffValues) => unwrap(api.POST('/api/batches/staff', {
      body: { name: v.name.trim(), documentType: v.documentType, documentNumber: v.documentNumber.trim(), qualification: v.qualification.trim(),
        occupations: v.occupations ?? [], levels: v.levels ?? [] },
    })),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['batch-staff'] });
      message.success('人员已登记');
      onClose();
    },
    onError: (e) => applyFieldErrors(form, e),
  });
  const occupationNames = [...new Set(b.occupations.map((o) => o.name))];
  return (
    <Modal open title="登记人员" onCancel={onClose} onOk={() => form.submit()} confirmLoading={register.isPending} okText="登记" cancelText="取消" destroyOnHidden>
      <Form form={form} name="staff" layout="vertical" initialValues={{ documentType: 201, occupations: [], levels: [] }} onFinish={(v) => register.mutate(v)}>
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50, message: '不超过50字' }]}>
          <Input aria-label="姓名" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item name="documentType" label="证件类型" rules={[{ required: true, message: '请选择证件类型' }]}>
              <Select aria-label="证件类型" options={terms.list('identityDocumentTypes').map((t) => ({ value: Number(t.code), label: t.name }))}
                onChange={() => form.validateFields(['documentNumber']).catch(() => undefined)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="documentNumber" label="证件号码" dependencies={['documentType']}
              rules={[{ required: true, whitespace: true, message: '请填写证件号码' }, identityRule('documentType')]}>
              <Input aria-label="证件号码" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="qualification" label="资格" extra="如考评员证书编号、职业技能等级" rules={[{ required: true, whitespace: true, message: '请填写资格' }, { max: 200, message: '不超过200字' }]}>
          <Input aria-label="资格" />
        </Form.Item>
        <Form.Item name="occupations" label="可考评的职业（工种）" extra="考评人员必填；监考人员和督导员可不填">
          <Select mode="tags" aria-label="可考评的职业（工种）" placeholder="选择或输入职业（工种）名称"
            options={occupationNames.map((n) => ({ value: n, label: n }))} />
        </Form.Item>
        <Form.Item name="levels" label="可考评的等级" extra="考评人员须覆盖本批次各职业（工种）的认定等级（BAT-05）"
          dependencies={['occupations']}
          rules={[({ getFieldValue }) => ({
            validator: async (_: unknown, value?: number[]) => {
              if ((getFieldValue('occupations') ?? []).length > 0 && (value ?? []).length === 0) throw new Error('请选择可考评的等级');
            },
          })]}>
          <Select mode="multiple" aria-label="可考评的等级" placeholder="选择等级"
            options={terms.list('skillLevels').map((t) => ({ value: Number(t.code), label: t.name }))} />
        </Form.Item>
        <ProblemAlert error={register.error} />
      </Form>
    </Modal>
  );
}

/** Candidates entered one by one or imported from the template (BAT-09): every faulty row is listed, nothing is written. */
function CandidatesStep({ batch: b, rules, footer }: { batch: BatchView; rules: RuleViolation[]; footer: ReactNode }) {
  const terms = useTerms();
  const { modal, message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const template = useMutation({ mutationFn: () => downloadFile('/api/batches/candidate-template', '考生导入模板.xlsx'), onError: () => message.error('模板下载失败，请重试。') });
  const upload = useUploadProgress();
  const importing = useBatchCommand(b, (file: File, version) => {
    upload.start();
    return postForm<BatchState>(`/api/batches/${b.id}/candidates/import`, { version: String(version), file }, upload.report);
  }, '考生已导入');
  const remove = useBatchCommand(b, (candidateId: string, version) =>
    unwrap(api.POST('/api/batches/{batchId}/candidates/{candidateId}/remove', { params: { path: { batchId: b.id, candidateId } }, body: { version } })),
  '考生已移除');
  const byCandidate = rulesByLine(rules, 'candidates');
  const removable = mayTake(b, 'removeBatchCandidate');
  return (
    <Card title={`考生名单（${b.candidates.length}人，BAT-09）`} data-testid="candidates">
      <Typography.Paragraph type="secondary">
        逐个录入，或下载模板填写后导入 Excel（.xlsx）：证件号码按证件类型核验（居民身份证校验第18位），报考的职业（工种）和等级须在本批次计划内，同一考生不能重复报名。
        文件中任一行有误则整份不导入，并逐行列出错误。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        {mayTake(b, 'addBatchCandidate') && <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} disabled={b.occupations.length === 0}>录入考生</Button>}
        <Button icon={<DownloadOutlined />} loading={template.isPending} onClick={() => template.mutate()}>下载导入模板（.xlsx）</Button>
        {mayTake(b, 'importBatchCandidates') && (
          <Upload showUploadList={false} accept=".xlsx" customRequest={({ file }) => importing.mutate(file as File)}>
            <Button type="primary" icon={<UploadOutlined />} loading={importing.isPending}>导入考生</Button>
          </Upload>
        )}
      </Space>
      {b.occupations.length === 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="请先在“计划”中填写认定的职业（工种）和等级，再录入考生。" />}
      <ImportProgress sent={upload.sent} pending={importing.isPending} />
      {importing.error && <div data-testid="import-problem"><ProblemAlert error={importing.error} /></div>}
      <RowErrorsTable rows={rowsOf(importing.error)} />
      {remove.error && <ProblemAlert error={remove.error} />}
      <CandidateTable batch={b} style={{ marginTop: 12 }}
        marked={byCandidate}
        extraColumns={removable ? [{
          title: '操作', width: 80, fixed: 'right' as const,
          render: (_: unknown, c: Candidate) => (
            <Button size="small" type="link" danger aria-label={`移除${c.name}`}
              onClick={() => confirmDecision(modal, {
                title: `移除考生${c.name}？`, okText: '确认移除', danger: true,
                content: `将把${c.name}（${terms.name('identityDocumentTypes', c.documentType)} ${c.documentNumber}）从本批次考生名单中移除。`,
                run: () => remove.mutateAsync(c.id),
              })}>移除</Button>
          ),
        }] : []} />
      <Space wrap style={{ marginTop: 16 }}>{footer}</Space>
      {adding && <AddCandidateModal batch={b} onClose={() => setAdding(false)} />}
    </Card>
  );
}

/**
 * The roster, masked for everyone as the server gives it (AUD-04); those who may open a candidate in full get a 查看 link
 * per row (the read is recorded).
 */
export function CandidateTable({ batch: b, marked, extraColumns = [], style }: {
  batch: BatchView;
  marked?: Map<number, RuleViolation[]>;
  extraColumns?: object[];
  style?: CSSProperties;
}) {
  const terms = useTerms();
  const viewer = useCandidateViewer(b);
  const rows = b.candidates.map((c, index) => ({ ...c, index }));
  return (
    <>
      <MaskedRosterNote batch={b} />
      <MissingPhotos batch={b} />
      <Table<Candidate & { index: number }>
        rowKey="id"
        size="small"
        style={style}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        onRow={(c) => (marked?.has(c.index) ? { style: { background: '#fff1f0' } } : {})}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          photoColumn(b),
          { title: '证件', width: 250, render: (_: unknown, c: Candidate) => `${terms.name('identityDocumentTypes', c.documentType)} ${c.documentNumber}` },
          { title: '所在单位', dataIndex: 'employer', width: 180 },
          { title: '职业（工种）', dataIndex: 'occupation', width: 120 },
          { title: '等级', width: 120, render: (_: unknown, c: Candidate) => terms.name('skillLevels', c.level) },
          { title: '所在地市', dataIndex: 'cityName', width: 100 },
          { title: '联系电话', width: 120, render: (_: unknown, c: Candidate) => c.phone ?? '—' },
          ...(marked && marked.size > 0
            ? [{ title: '待修改', width: 260, render: (_: unknown, c: { index: number }) => <LineProblems rules={marked.get(c.index)} /> }]
            : []),
          ...viewer.column,
          ...extraColumns,
        ]}
      />
      {viewer.drawer}
    </>
  );
}

interface CandidateValues {
  name: string;
  documentType: number;
  documentNumber: string;
  employer: string;
  occupation: string;
  city: string;
  phone?: string;
}

function AddCandidateModal({ batch: b, onClose }: { batch: BatchView; onClose: () => void }) {
  const [form] = Form.useForm<CandidateValues>();
  const terms = useTerms();
  const add = useBatchCommand(b, (v: CandidateValues, version) => {
    const planned = b.occupations.find((o) => `${o.key}|${o.level}` === v.occupation)!;
    return unwrap(api.POST('/api/batches/{batchId}/candidates', {
      params: { path: { batchId: b.id } },
      body: {
        version, name: v.name.trim(), documentType: v.documentType, documentNumber: v.documentNumber.trim(), employer: v.employer.trim(),
        occupation: planned.name, level: planned.level, city: v.city.trim(), phone: v.phone?.trim() || null,
      },
    }));
  }, '考生已录入');
  const submit = async (v: CandidateValues) => {
    try {
      await add.mutateAsync(v);
      onClose();
    } catch (e) {
      // a refused candidate comes back as its row's errors: shown at the fields they concern
      form.setFields(candidateFieldErrors(rowsOf(e)).map((f) => ({ name: f.name as keyof CandidateValues, errors: f.errors })));
      applyFieldErrors(form, e);
    }
  };
  const rowsShownAtFields = rowsOf(add.error).length > 0;
  return (
    <Modal open title="录入考生" onCancel={onClose} onOk={() => form.submit()} confirmLoading={add.isPending} okText="录入" cancelText="取消" destroyOnHidden>
      <Form form={form} name="candidate" layout="vertical" onFinish={submit}
        initialValues={{ documentType: 201, occupation: b.occupations.length === 1 ? `${b.occupations[0].key}|${b.occupations[0].level}` : undefined }}>
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50, message: '不超过50字' }]}>
          <Input aria-label="考生姓名" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item name="documentType" label="证件类型" rules={[{ required: true, message: '请选择证件类型' }]}>
              <Select aria-label="证件类型" options={terms.list('identityDocumentTypes').map((t) => ({ value: Number(t.code), label: t.name }))}
                onChange={() => form.validateFields(['documentNumber']).catch(() => undefined)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="documentNumber" label="证件号码" dependencies={['documentType']}
              rules={[{ required: true, whitespace: true, message: '请填写证件号码' }, identityRule('documentType')]}>
              <Input aria-label="证件号码" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="employer" label="所在单位" rules={[{ required: true, whitespace: true, message: '请填写所在单位' }, { max: 100, message: '不超过100字' }]}>
          <Input aria-label="所在单位" />
        </Form.Item>
        <Form.Item name="occupation" label="报考职业（工种）及等级" rules={[{ required: true, message: '请选择报考的职业（工种）和等级' }]}>
          <Select aria-label="报考职业（工种）及等级"
            options={b.occupations.map((o) => ({ value: `${o.key}|${o.level}`, label: `${o.name} ${terms.name('skillLevels', o.level)}` }))} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="city" label="考生所在地市" rules={[{ required: true, whitespace: true, message: '请填写考生所在地市' }, { max: 50, message: '不超过50字' }]}>
              <Input aria-label="考生所在地市" placeholder="如：芜湖市" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label="联系电话（可选）" rules={[{ pattern: /^[0-9+\- ]{0,20}$/, message: '联系电话格式不正确' }]}>
              <Input aria-label="联系电话" />
            </Form.Item>
          </Col>
        </Row>
        {add.error && !rowsShownAtFields && <ProblemAlert error={add.error} />}
      </Form>
    </Modal>
  );
}
