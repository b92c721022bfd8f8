import { Checkbox, Col, Divider, Form, Input, Row, Space, Typography } from 'antd';
import { type Schemas } from '../../../api/client';
import { useTerms } from '../../../lib/terms';

type PreferenceFlag = Schemas['SharedKernel.PreferenceFlag'];

/** Whom the applicant evaluates (FIL-02: an enterprise only its own people; a school may name its students). */
export function PopulationsField({ required }: { required: boolean }) {
  const terms = useTerms();
  return (
    <Form.Item name="evaluatedPopulations" label="评价对象" required={required}
      extra={required ? '企业面向本企业职工（含劳务派遣、劳务外包等各类用工人员）开展认定' : undefined}>
      <Checkbox.Group options={terms.options('evaluatedPopulations')} aria-label="评价对象" />
    </Form.Item>
  );
}

/** An enterprise's main business, which its occupations follow (FIL-02, 结合生产经营主业). */
export function MainBusinessField({ required }: { required: boolean }) {
  return (
    <Form.Item name="mainBusiness" label="生产经营主业" required={required}
      rules={[{ max: 500, message: '生产经营主业不超过500字' }]}
      extra="企业应结合生产经营主业确定评价职业（工种）">
      <Input.TextArea rows={3} maxLength={500} showCount placeholder="如 特殊钢棒材、线材的冶炼、轧制与精整" aria-label="生产经营主业" />
    </Form.Item>
  );
}

/** The preference conditions (择优条件, FIL-09) the jurisdiction's policy lists, each with the article it comes from. */
export function PreferencesField({ flags }: { flags: PreferenceFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <div data-testid="preferences">
      <Divider titlePlacement="start">择优条件</Divider>
      <Form.Item name="preferences" extra="符合的条件请勾选，审核时按辖区政策择优备案">
        <Checkbox.Group style={{ width: '100%' }}>
          <Row gutter={[16, 8]}>
            {flags.map((f) => (
              <Col xs={24} key={f.code}>
                <Checkbox value={f.code}>
                  <Space orientation="vertical" size={0}>
                    <span>{f.name}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>依据：{f.basis}</Typography.Text>
                  </Space>
                </Checkbox>
              </Col>
            ))}
          </Row>
        </Checkbox.Group>
      </Form.Item>
    </div>
  );
}
