import { useEffect } from 'react';
import { Button, Card, Checkbox, Col, Divider, Form, Input, InputNumber, Row, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../api/client';
import { organizationKeys } from '../queries';
import { MainBusinessField, PopulationsField, PreferencesField } from './ApplicantFields';
import { type EditorLine, toEditorLine } from './applicationLines';
import { MajorsEditor } from './MajorsEditor';
import { OccupationLinesEditor } from './OccupationLinesEditor';

type Application = Schemas['Filing.ApplicationView'];
type FilingPolicy = Schemas['SharedKernel.FilingPolicy'];
type Population = Schemas['Filing.EvaluatedPopulation'];
type Major = Schemas['Filing.SchoolMajor'];

export interface EditorValues {
  occupations: EditorLine[];
  sites: { name: string; address: string }[];
  consecutiveYears: number;
  cumulativePersonTimes: number;
  subsidizedTraining: boolean;
  evaluatedPopulations?: Population[];
  mainBusiness?: string | null;
  majors?: Major[];
  preferences?: string[];
}

/** Which applicant-type sections the form shows: by the organization's category and nature, or what the draft already holds. */
export interface ApplicantSections {
  enterprise: boolean;
  school: boolean;
  populations: boolean;
  mainBusiness: boolean;
  majors: boolean;
  mapping: boolean;
}

/** An enterprise (用人单位, category Y) states whom it evaluates and its main business; a 技工院校 its majors (FIL-02/03). */
export function useApplicantSections(a: Application, policy: FilingPolicy | undefined): ApplicantSections {
  const organization = useQuery({
    queryKey: organizationKeys.detail(a.organizationId),
    queryFn: () => unwrap(api.GET('/api/organizations/{organizationId}', { params: { path: { organizationId: a.organizationId } } })),
  });
  const enterprise = organization.data?.category === 'Y';
  const school = organization.data?.nature === 'TechnicalSchool';
  return {
    enterprise,
    school,
    populations: enterprise || school || a.evaluatedPopulations.length > 0,
    mainBusiness: enterprise || !!a.mainBusiness,
    majors: school || a.majors.length > 0,
    mapping: enterprise && !!policy?.enterprises.nearestOccupationMapping,
  };
}

interface Props {
  application: Application;
  form: FormInstance<EditorValues>;
  policy?: FilingPolicy;
  sections: ApplicantSections;
}

/** Details of the draft: experience (FIL-06), applicant (FIL-02/03), occupations (FIL-01), preferences (FIL-09), sites. */
export function DetailsForm({ application: a, form, policy, sections }: Props) {
  useEffect(() => {
    form.setFieldsValue({
      occupations: a.occupations.map(toEditorLine),
      consecutiveYears: a.consecutiveYears,
      cumulativePersonTimes: a.cumulativePersonTimes,
      subsidizedTraining: a.subsidizedTraining,
      sites: a.sites,
      evaluatedPopulations: a.evaluatedPopulations,
      mainBusiness: a.mainBusiness ?? '',
      majors: a.majors,
      preferences: a.preferences,
    });
  }, [a, form]);

  return (
    <Card title="填写申报内容" data-testid="details">
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
        {(sections.populations || sections.mainBusiness) && (
          <>
            <Divider titlePlacement="start">申报主体</Divider>
            {sections.populations && <PopulationsField required={sections.enterprise} />}
            {sections.mainBusiness && <MainBusinessField required={sections.enterprise && !!policy?.enterprises.mainBusinessRequired} />}
          </>
        )}
        {sections.majors && <MajorsEditor />}
        <Divider titlePlacement="start">拟开展认定的职业（工种）</Divider>
        <OccupationLinesEditor form={form} mappingAllowed={sections.mapping} />
        <PreferencesField flags={policy?.preferences ?? []} />
        <Divider titlePlacement="start">评价站点（目录公开）</Divider>
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
