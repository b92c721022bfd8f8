import { useEffect, useState, type ReactNode } from 'react';
import { Button, Card, Checkbox, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select, Space, TreeSelect, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap } from '../../../api/client';
import type { RuleViolation } from '../../../api/problem';
import { useAreas } from '../../../lib/areas';
import { rulesByLine } from '../../../lib/batches';
import { ProblemAlert, applyFieldErrors } from '../../../lib/ProblemAlert';
import { useTerms } from '../../../lib/terms';
import { LineProblems, mayTake, useBatchCommand, type BatchView } from './BatchParts';
import { filingKeys } from '../../filing/queries';


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
export function PlanForm({ batch: b, rules, footer }: { batch: BatchView; rules: RuleViolation[]; footer: ReactNode }) {
  const [form] = Form.useForm<PlanValues>();
  const terms = useTerms();
  const { tree } = useAreas();
  const filing = useQuery({
    queryKey: filingKeys.detail(b.filingId),
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
    <Card title="认定计划" data-testid="plan">
      <Form form={form} name="plan" layout="vertical" initialValues={planValues(b)} onValuesChange={() => setEdited(true)}>
        <Form.Item name="title" label="批次名称" rules={[{ required: true, whitespace: true, message: '请填写批次名称' }, { max: 100, message: '不超过100字' }]}>
          <Input aria-label="批次名称" />
        </Form.Item>
        <Divider titlePlacement="start">认定职业（工种）及等级</Divider>
        {filing.data && (
          <Typography.Paragraph type="secondary">
            备案{filing.data.filingNumber}的范围：{filed.map((o) => `${o.name}（${terms.levelRange(o.highestLevel, o.lowestLevel)}）`).join('；')}
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
                <Card key={field.key} size="small" type="inner" data-testid={`site-line-${index}`}
                  style={{ marginBottom: 12, ...(bySite.has(index) ? marked : {}) }}>
                  <Row gutter={16} align="bottom">
                    <Col xs={24} md={7}>
                      <Form.Item name={[field.name, 'name']} label={`考点${index + 1}名称`}
                        rules={[{ required: true, whitespace: true, message: '请填写考点名称' }]}>
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
        <Divider titlePlacement="start">收费</Divider>
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
