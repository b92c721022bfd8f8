import { Alert, Button, Card, Descriptions, Form, Input, Select, Space, Steps, Table, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import { api, unwrap, type Schemas } from '../../../api/client';
import { residentIdProblem } from '../../../lib/batches';
import { formatDate } from '../../../lib/format';
import { applyFieldErrors, ProblemAlert } from '../../../lib/ProblemAlert';
import { certificateStatusColors, useTerms, type Terms } from '../../../lib/terms';

type HolderCase = Schemas['Certificates.HolderCase'];
type Consultation = Schemas['SharedKernel.Consultation'];
type StepStatus = 'wait' | 'process' | 'finish' | 'error';

interface CaseStep {
  title: string;
  status: StepStatus;
  content: string;
}

const residentIdCard = '201';

/** Where one batch stands for the person, in the four steps 考试 → 成绩公示 → 上报备案 → 证书发放; exported for tests. */
export function caseSteps(c: HolderCase, terms: Terms, today: string = dayjs().format('YYYY-MM-DD')): CaseStep[] {
  const days = [...c.examDays].sort();
  const last = days[days.length - 1];
  const examined = c.publicity !== 'NotStarted' || c.report !== 'NotSubmitted' || (!!last && last < today);
  const exam: CaseStep = c.suspended
    ? { title: '考试', status: 'error', content: '批次已暂停，请留意评价机构通知' }
    : { title: '考试', status: examined ? 'finish' : days.length > 0 && days[0] <= today ? 'process' : 'wait', content: days.join('、') || '考试日期待定' };

  const outcome = c.outcome ? `（${terms.name('candidateOutcomes', c.outcome)}）` : '';
  const window = c.publicityStart && c.publicityEnd ? `${formatDate(c.publicityStart)} 至 ${formatDate(c.publicityEnd)}` : '';
  const publicity: CaseStep = {
    title: '成绩公示',
    status: c.publicity === 'Ended' ? 'finish' : c.publicity === 'Open' ? 'process' : 'wait',
    content: c.publicity === 'NotStarted'
      ? terms.name('resultsPublicityStates', c.publicity)
      : `${terms.name('resultsPublicityStates', c.publicity)} ${window}${outcome}`,
  };

  const report: CaseStep = {
    title: '上报备案',
    status: c.report === 'Accepted' ? 'finish' : c.report === 'Submitted' ? 'process' : c.report === 'Returned' ? 'error' : 'wait',
    content: `${terms.name('resultsReportStates', c.report)}${c.reportedOn ? `（${formatDate(c.reportedOn)}报备）` : ''}`,
  };

  let certificate: CaseStep;
  if (c.certificate) {
    const revoked = c.certificate.status === 'Revoked';
    certificate = {
      title: '证书发放',
      status: revoked ? 'error' : 'finish',
      content: revoked
        ? `证书 ${c.certificate.number} 已于${formatDate(c.certificate.revokedOn)}撤销`
        : `已发证 ${c.certificate.number}（${formatDate(c.certificate.issuedOn)}）`,
    };
  } else if (c.outcome === 'NotQualified' || c.outcome === 'Absent') {
    certificate = { title: '证书发放', status: 'wait', content: '未取得合格成绩，不发放证书' };
  } else if (c.report === 'Accepted') {
    certificate = { title: '证书发放', status: 'process', content: '证书核发中' };
  } else {
    certificate = { title: '证书发放', status: 'wait', content: '结果审核通过后发放' };
  }
  return [exam, publicity, report, certificate];
}

function CaseCard({ item: c, name, terms }: { item: HolderCase; name: string; terms: Terms }) {
  const steps = caseSteps(c, terms);
  const pending = steps.findIndex((s) => s.status !== 'finish');
  return (
    <Card size="small" title={`${c.organizationName} · ${c.batchTitle}`} data-testid="case">
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="职业（工种）">{c.occupation}</Descriptions.Item>
        <Descriptions.Item label="职业技能等级">{c.levelName}</Descriptions.Item>
        <Descriptions.Item label="认定结果">
          {c.outcome ? <Tag color={c.outcome === 'Qualified' ? 'success' : 'default'}>{terms.name('candidateOutcomes', c.outcome)}</Tag> : '公示后可查'}
        </Descriptions.Item>
      </Descriptions>
      <Steps
        size="small"
        responsive
        current={pending === -1 ? steps.length - 1 : pending}
        items={steps.map((s) => ({ title: s.title, status: s.status, content: s.content }))}
      />
      {c.certificate && (
        <div style={{ marginTop: 12 }} data-testid="case-certificate">
          <Space wrap>
            <span>证书编号 {c.certificate.number}</span>
            <Tag color={certificateStatusColors[c.certificate.status]}>{terms.name('certificateStatuses', c.certificate.status)}</Tag>
            {/* the number may stand in the address; the name travels in the page state, never in a URL */}
            <Link to={`/verify?number=${encodeURIComponent(c.certificate.number)}`} state={{ name }}>验证证书</Link>
          </Space>
        </div>
      )}
    </Card>
  );
}

/** AUD-04: when and why staff read the person's data in full, and what — never who. */
function Consultations({ items }: { items: Consultation[] }) {
  return (
    <Card size="small" title="您的个人信息被查阅的记录" data-testid="consultations">
      <Typography.Paragraph type="secondary">
        工作人员因审核、监督检查等工作查看您的完整个人信息时，系统均会记录；这里列出查阅的日期、目的和内容，不显示查阅人。
      </Typography.Paragraph>
      <Table<Consultation>
        size="small"
        rowKey={(c, i) => `${c.on}-${c.purpose}-${c.what}-${i}`}
        dataSource={items}
        pagination={items.length > 10 ? { pageSize: 10 } : false}
        locale={{ emptyText: '没有记录' }}
        columns={[
          { title: '日期', dataIndex: 'on', width: 120, render: (on: string) => formatDate(on) },
          { title: '目的', dataIndex: 'purpose', width: 160 },
          { title: '查阅内容', dataIndex: 'what' },
        ]}
      />
    </Card>
  );
}

interface LookupForm {
  documentType: string;
  documentNumber: string;
  name: string;
}

/**
 * 进度查询: a person follows their own case without an account — each batch they sat, the results publicity, the report
 * and the certificate. The identity number goes in the request body, never in an address; the answer never repeats it.
 */
export function CaseLookupPage() {
  const [form] = Form.useForm<LookupForm>();
  const terms = useTerms();
  const lookup = useMutation({
    mutationFn: (v: LookupForm) =>
      unwrap(api.POST('/api/public/cases/lookup', {
        body: { documentType: Number(v.documentType), documentNumber: v.documentNumber.trim(), name: v.name.trim() },
      })).then((answer) => ({ answer, name: v.name.trim() })),
    onError: (e) => applyFieldErrors(form, e),
  });
  const documentTypes = terms.options('identityDocumentTypes');
  return (
    <Card title="证书办理进度查询">
      <Typography.Paragraph type="secondary">
        输入报名时填写的证件号码和姓名，查询本人参加的职业技能等级认定批次、成绩公示、结果报备和证书发放进度。
        证件号码只用于本次查询，查询结果中姓名部分隐藏、不显示证件号码；每次查询均留痕，请勿查询他人信息。
      </Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={{ documentType: residentIdCard }} onFinish={(v) => lookup.mutate(v)}
        style={{ rowGap: 12, marginBottom: 16 }}>
        <Form.Item name="documentType" label="证件类型">
          <Select aria-label="证件类型" style={{ width: 200 }}
            options={documentTypes} loading={!terms.ready} labelRender={(o) => o.label ?? ''} />
        </Form.Item>
        <Form.Item name="documentNumber" label="证件号码" dependencies={['documentType']}
          rules={[
            { required: true, whitespace: true, message: '请填写证件号码' },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) => {
                if (!value || getFieldValue('documentType') !== residentIdCard) return Promise.resolve();
                const problem = residentIdProblem(value);
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            }),
          ]}>
          <Input aria-label="证件号码" autoComplete="off" style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50, message: '姓名不超过50字' }]}>
          <Input aria-label="姓名" autoComplete="off" style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={lookup.isPending}>查询</Button>
      </Form>
      <ProblemAlert error={lookup.error} />
      {lookup.data && (lookup.data.answer.result === 'Found' ? (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="cases">
          <Alert type="info" showIcon title={`${lookup.data.answer.holderName ?? ''}：共 ${lookup.data.answer.cases.length} 个认定批次`} />
          {lookup.data.answer.cases.map((c, i) => <CaseCard key={i} item={c} name={lookup.data.name} terms={terms} />)}
          <Consultations items={lookup.data.answer.consultations ?? []} />
        </Space>
      ) : (
        <Alert type="warning" showIcon data-testid="case-not-found"
          title="未查到办理记录：请核对证件类型、证件号码和姓名（须与报名时填写的一致）；认定计划报备后方可查询" />
      ))}
    </Card>
  );
}
