import { useEffect, useState } from 'react';
import { AutoComplete, Button, Card, Checkbox, Col, Divider, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useTerms } from '../../../lib/terms';
import { occupationKeys } from '../queries';

type Application = Schemas['Filing.ApplicationView'];
type Line = Schemas['Filing.OccupationLine'];
type Occupation = Schemas['Filing.CatalogOccupation'];

export interface EditorValues {
  occupations: Line[];
  sites: { name: string; address: string }[];
  consecutiveYears: number;
  cumulativePersonTimes: number;
  subsidizedTraining: boolean;
}

/** Exactly the fields of OccupationLine (the server refuses unknown fields, such as the view's "levels"). */
export const toLine = (l: Partial<Line>): Line => ({
  name: (l.name ?? '').trim(),
  code: l.code?.trim() || null,
  highestLevel: l.highestLevel!,
  lowestLevel: l.lowestLevel!,
  isNewOccupation: !!l.isNewOccupation,
  evaluationSince: l.evaluationSince ?? null,
  personTimes: l.personTimes ?? 0,
  priorSeniorEvaluation: !!l.priorSeniorEvaluation,
});

/** Details of the draft: experience (FIL-06), occupations checked against the catalog as they are typed (FIL-01), sites. */
export function DetailsForm({ application: a, form }: { application: Application; form: FormInstance<EditorValues> }) {
  const client = useQueryClient();
  const terms = useTerms();
  const [search, setSearch] = useState('');
  const levelOptions = terms.list('skillLevels').map((t) => ({ value: Number(t.code), label: t.name }));
  const occupations = useQuery({
    queryKey: occupationKeys.search(search, 30),
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
      queryKey: occupationKeys.search(name, 50),
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
