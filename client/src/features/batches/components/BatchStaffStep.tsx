import { useMemo, useState, type ReactNode } from 'react';
import { App, Button, Card, Col, Form, Input, Modal, Row, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../api/client';
import { residentIdProblem } from '../../../lib/batches';
import { ProblemAlert, applyFieldErrors } from '../../../lib/ProblemAlert';
import { useTerms } from '../../../lib/terms';
import { mayTake, useBatchCommand, type BatchView } from './BatchParts';
import { batchKeys } from '../queries';

type StaffRole = Schemas['Batches.StaffRole'];
type StaffMember = Schemas['Batches.StaffMemberView'];

export const roles: StaffRole[] = ['Invigilator', 'Examiner', 'QualitySupervisor'];

/** The roster and the batch's invigilators, examiners and internal quality supervisors (BAT-01, BAT-05). */
export function StaffStep({ batch: b, footer }: { batch: BatchView; footer: ReactNode }) {
  const terms = useTerms();
  const [registering, setRegistering] = useState(false);
  const roster = useQuery({ queryKey: batchKeys.staff(), queryFn: () => unwrap(api.GET('/api/batches/staff')) });
  const initialPicks = useMemo(
    () => Object.fromEntries(roles.map((r) => [r, b.staff.filter((s) => s.role === r).map((s) => s.staffId)])) as Record<StaffRole, string[]>,
    [b.staff]);
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
            {
              title: '可考评的等级', width: 200,
              render: (_, p) => (p.levels.length > 0 ? p.levels.map((l) => terms.name('skillLevels', l)).join('、') : '—'),
            },
          ]}
        />
      </Card>
      <Card title="本批次考务人员" data-testid="staff">
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
                      return (
                        <span>
                          {p?.name}
                          <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
                            {p?.occupations.join('、')}
                          </Typography.Text>
                        </span>
                      );
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
export const identityRule = (typeField: string) => ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
  validator: async (_: unknown, value?: string) => {
    if (!value || Number(getFieldValue(typeField)) !== 201) return;
    const problem = residentIdProblem(value);
    if (problem) throw new Error(problem);
  },
});

export function RegisterStaffModal({ batch: b, onClose }: { batch: BatchView; onClose: () => void }) {
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
      client.invalidateQueries({ queryKey: batchKeys.staff() });
      message.success('人员已登记');
      onClose();
    },
    onError: (e) => applyFieldErrors(form, e),
  });
  const occupationNames = [...new Set(b.occupations.map((o) => o.name))];
  return (
    <Modal open title="登记人员" onCancel={onClose} onOk={() => form.submit()} confirmLoading={register.isPending}
      okText="登记" cancelText="取消" destroyOnHidden>
      <Form form={form} name="staff" layout="vertical" initialValues={{ documentType: 201, occupations: [], levels: [] }}
        onFinish={(v) => register.mutate(v)}>
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
        <Form.Item name="qualification" label="资格" extra="如考评员证书编号、职业技能等级"
          rules={[{ required: true, whitespace: true, message: '请填写资格' }, { max: 200, message: '不超过200字' }]}>
          <Input aria-label="资格" />
        </Form.Item>
        <Form.Item name="occupations" label="可考评的职业（工种）" extra="考评人员必填；监考人员和督导员可不填">
          <Select mode="tags" aria-label="可考评的职业（工种）" placeholder="选择或输入职业（工种）名称"
            options={occupationNames.map((n) => ({ value: n, label: n }))} />
        </Form.Item>
        <Form.Item name="levels" label="可考评的等级" extra="考评人员须覆盖本批次各职业（工种）的认定等级"
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
