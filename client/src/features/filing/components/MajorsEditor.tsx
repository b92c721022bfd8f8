import { Button, Card, Col, Divider, Form, Input, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useOccupationSearch } from './occupationSearch';

/**
 * A 技工院校's majors and the catalog occupations each covers (FIL-03): every occupation applied for must be covered by a
 * major the school declares.
 */
export function MajorsEditor() {
  const search = useOccupationSearch();
  return (
    <>
      <Divider titlePlacement="start">开设专业（技工院校）</Divider>
      <Typography.Paragraph type="secondary">
        面向学生认定的职业（工种）应与专业设置相对应，面向企业、社会劳动者认定的职业（工种）须与学校开设的专业一致。
      </Typography.Paragraph>
      <Form.List name="majors">
        {(fields, { add, remove }) => (
          <div data-testid="majors">
            {fields.map((field, index) => (
              <Card key={field.key} size="small" type="inner" style={{ marginBottom: 12 }} title={`专业${index + 1}`}
                extra={<Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}
                  aria-label="删除该专业">删除</Button>}>
                <Row gutter={16}>
                  <Col xs={24} md={8}>
                    <Form.Item name={[field.name, 'name']} label="专业名称"
                      rules={[{ required: true, whitespace: true, message: '请填写专业名称' }, { max: 100, message: '不超过100字' }]}>
                      <Input placeholder="如 数控加工" aria-label="专业名称" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={16}>
                    <Form.Item name={[field.name, 'occupations']} label="对应的职业（工种）"
                      rules={[{ required: true, type: 'array', min: 1, message: '请选择该专业对应的职业（工种）' },
                        { type: 'array', max: 50, message: '不超过50个' }]}>
                      <Select mode="multiple" showSearch filterOption={false} placeholder="输入名称查找目录" aria-label="专业对应的职业"
                        options={search.options.map((o) => ({ value: o.value, label: o.label }))} loading={search.loading}
                        onSearch={search.setSearch} onFocus={() => search.setSearch('')} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ name: '', occupations: [] })}>添加专业</Button>
          </div>
        )}
      </Form.List>
    </>
  );
}
