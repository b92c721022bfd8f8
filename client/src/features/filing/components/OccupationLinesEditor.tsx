import { AutoComplete, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTerms } from '../../../lib/terms';
import { useCatalogEntry, useOccupationSearch } from './occupationSearch';
import type { EditorLine } from './applicationLines';

interface Props {
  form: FormInstance;
  /** Whether a line may name the enterprise's own job mapped to the nearest catalog occupation (FIL-02, 相邻近原则). */
  mappingAllowed: boolean;
}

/** The occupations applied for, checked against the catalog as they are typed (FIL-01). */
export function OccupationLinesEditor({ form, mappingAllowed }: Props) {
  const terms = useTerms();
  const search = useOccupationSearch();
  const catalogEntry = useCatalogEntry();
  const levelOptions = terms.list('skillLevels').map((t) => ({ value: Number(t.code), label: t.name }));
  const inCatalog = async (_: unknown, value?: string) => {
    const name = value?.trim();
    if (!name) return;
    const names = ((form.getFieldValue('occupations') ?? []) as Partial<EditorLine>[]).map((l) => l?.name?.trim());
    if (names.filter((n) => n === name).length > 1) throw new Error('同一职业（工种）不能重复填写');
    const entry = await catalogEntry(name);
    if (!entry) throw new Error(`“${name}”不在职业（工种）目录中，请从下拉列表中选择目录内的名称`);
    if (entry.type === 'Access') throw new Error(`“${name}”属于准入类职业资格，不纳入职业技能等级认定`);
  };
  const newLine: EditorLine = {
    name: '', code: null, highestLevel: 3, lowestLevel: 5, personTimes: 0, isNewOccupation: false, priorSeniorEvaluation: false, mapped: false,
  };

  return (
    <Form.List name="occupations">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Card key={field.key} size="small" type="inner" style={{ marginBottom: 12 }} title={`职业（工种）${index + 1}`}
              extra={<Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}
                aria-label="删除该职业">删除</Button>}>
              <Row gutter={16}>
                <Col xs={24} md={12} xl={6}>
                  <Form.Item name={[field.name, 'name']} label="职业（工种）名称" validateDebounce={300} hasFeedback
                    rules={[{ required: true, whitespace: true, message: '请选择职业（工种）' }, { validator: inCatalog }]}>
                    <AutoComplete placeholder="输入名称查找目录" onSearch={search.setSearch} onFocus={() => search.setSearch('')}
                      aria-label="职业（工种）名称" options={search.options}
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
                    <Checkbox>有相应（相近）职业（工种）高级工及以上等级评价经历（申报技师、高级技师时需要）</Checkbox>
                  </Form.Item>
                </Col>
                <MappingFields name={field.name} shown={mappingAllowed} />
              </Row>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add(newLine)}>添加职业（工种）</Button>
        </>
      )}
    </Form.List>
  );
}

/**
 * 按相邻近原则对应 (FIL-02): the enterprise's own job, not in the catalog, applied for as the nearest catalog occupation,
 * with the reason. Offered only where the jurisdiction's policy allows it, or when the line already carries one.
 */
function MappingFields({ name, shown }: { name: number; shown: boolean }) {
  const mapped = Form.useWatch(['occupations', name, 'mapped']) as boolean | undefined;
  if (!shown && !mapped) return null;
  return (
    <>
      <Col xs={24}>
        <Form.Item name={[name, 'mapped']} valuePropName="checked" style={{ marginBottom: mapped ? 8 : 0 }}>
          <Checkbox>按相邻近原则对应（本企业的工种未列入职业分类大典）</Checkbox>
        </Form.Item>
      </Col>
      {mapped && (
        <>
          <Col xs={24} md={8}>
            <Form.Item name={[name, 'mapping', 'requestedName']} label="本企业使用的工种"
              rules={[{ required: true, whitespace: true, message: '请填写本企业使用的工种' }, { max: 100, message: '不超过100字' }]}>
              <Input placeholder="如 特钢棒材精整工" aria-label="本企业使用的工种" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name={[name, 'mapping', 'reason']} label="对应理由"
              rules={[{ required: true, whitespace: true, message: '请说明对应理由' }, { max: 500, message: '不超过500字' }]}>
              <Input.TextArea rows={2} maxLength={500} showCount placeholder="说明与所选职业（工种）相邻近的理由" aria-label="对应理由" />
            </Form.Item>
          </Col>
        </>
      )}
    </>
  );
}
