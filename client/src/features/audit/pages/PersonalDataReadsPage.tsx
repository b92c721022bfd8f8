import { useEffect, useState } from 'react';
import { Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, unwrap, type Schemas } from '../../../api/client';
import { residentIdProblem } from '../../../lib/batches';
import { OrganizationLink, ToLink, activityOf } from '../../../lib/links';
import { ProblemAlert, applyFieldErrors } from '../../../lib/ProblemAlert';
import { useTerms } from '../../../lib/terms';
import { personalDataReadKeys } from '../queries';

type ReadEntry = Schemas['Api.PersonalDataReadEntry'];

const residentIdCard = '201';
const pageSize = 20;

interface Filter {
  documentType: string;
  documentNumber: string;
}

interface Reader {
  id: string;
  name: string;
}

/** What was read: the record's title and whose data (masked), or for an export its row count. */
export function scopeText(r: Pick<ReadEntry, 'scopeTitle' | 'personName' | 'personDocumentNumber' | 'rowCount'>): string {
  const person = [r.personName, r.personDocumentNumber].filter(Boolean).join(' ');
  if (person) return `${r.scopeTitle}（${person}）`;
  return `${r.scopeTitle}（共 ${r.rowCount} 条）`;
}

/**
 * 个人信息查阅记录 (AUD-04), for auditors: every read of personal data in full — who (name, role, unit, relation to the
 * data), when, why, through which operation, which fields and whose data — of one person (by identity document) or by one
 * reader (a click on a reader's name), newest first.
 */
export function PersonalDataReadsPage() {
  const terms = useTerms();
  const [form] = Form.useForm<Filter>();
  const [filter, setFilter] = useState<Filter>({ documentType: residentIdCard, documentNumber: '' });
  const [reader, setReader] = useState<Reader | null>(null);
  const [page, setPage] = useState(1);
  const reads = useQuery({
    queryKey: personalDataReadKeys.list(filter, reader?.id, page),
    queryFn: () => unwrap(api.GET('/api/audit/personal-data-reads', {
      params: {
        query: {
          documentNumber: filter.documentNumber || undefined,
          documentType: filter.documentNumber ? Number(filter.documentType) : undefined,
          readerId: reader?.id,
          page,
          pageSize,
        },
      },
    })),
  });
  // a number the server cannot read is shown at its field
  useEffect(() => {
    if (reads.error) applyFieldErrors(form, reads.error);
  }, [reads.error, form]);
  const documentTypes = terms.options('identityDocumentTypes');
  const byReader = (r: ReadEntry) => {
    setReader({ id: r.readerId, name: r.readerName });
    setPage(1);
  };
  return (
    <Card title="个人信息查阅记录" data-testid="personal-data-reads">
      <Typography.Paragraph type="secondary">
        工作人员查看个人完整信息（打开一名考生、一本证书或一项更正申请，下载证书PDF、附件5等）时须说明查阅目的，每次查阅均在此留痕。
        可按被查阅人的证件查询（含其所在批次的导出），或点击查阅人姓名只看其查阅记录。
      </Typography.Paragraph>
      <Form form={form} layout="inline" name="readsFilter" initialValues={filter} style={{ rowGap: 12, marginBottom: 12 }}
        onFinish={(v) => {
          setFilter({ documentType: v.documentType, documentNumber: v.documentNumber?.trim() ?? '' });
          setPage(1);
        }}>
        <Form.Item name="documentType" label="证件类型">
          <Select aria-label="证件类型" style={{ width: 200 }}
            options={documentTypes} loading={!terms.ready} labelRender={(o) => o.label ?? ''} />
        </Form.Item>
        <Form.Item name="documentNumber" label="证件号码" dependencies={['documentType']}
          rules={[({ getFieldValue }) => ({
            validator: (_, value: string | undefined) => {
              if (!value?.trim() || getFieldValue('documentType') !== residentIdCard) return Promise.resolve();
              const problem = residentIdProblem(value.trim());
              return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
            },
          })]}>
          <Input aria-label="证件号码" autoComplete="off" allowClear style={{ width: 240 }} placeholder="被查阅人的证件号码（可选）" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">查询</Button>
          <Button onClick={() => {
            form.resetFields();
            setFilter({ documentType: residentIdCard, documentNumber: '' });
            setReader(null);
            setPage(1);
          }}>清除条件</Button>
        </Space>
      </Form>
      {reader && (
        <div style={{ marginBottom: 12 }}>
          <Tag closable onClose={() => { setReader(null); setPage(1); }} data-testid="reader-filter">查阅人：{reader.name}</Tag>
        </div>
      )}
      <ProblemAlert error={reads.error} />
      <Table<ReadEntry>
        rowKey="id"
        size="small"
        loading={reads.isLoading}
        dataSource={reads.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '没有查阅记录' }}
        pagination={{
          current: page, pageSize, total: reads.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条`, showSizeChanger: false,
        }}
        columns={[
          { title: '时间', width: 160, render: (_, r) => dayjs(r.at).format('YYYY-MM-DD HH:mm:ss') },
          {
            title: '查阅人', width: 140,
            render: (_, r) => (
              <Space size={4} wrap>
                <Button type="link" size="small" style={{ paddingInline: 0 }} title="只看此人的查阅记录" onClick={() => byReader(r)}>{r.readerName}</Button>
                <ToLink to={activityOf(r.readerId, r.readerName)}><Typography.Text type="secondary">操作统计</Typography.Text></ToLink>
              </Space>
            ),
          },
          { title: '角色', dataIndex: 'readerRoleName', width: 110 },
          {
            title: '单位', width: 200,
            render: (_, r) => (r.readerUnit ? <OrganizationLink id={r.readerOrganizationId} name={r.readerUnit} /> : '—'),
          },
          { title: '与数据的关系', dataIndex: 'relationName', width: 160 },
          { title: '目的', dataIndex: 'purposeName', width: 160 },
          { title: '操作', dataIndex: 'operationName', width: 150 },
          { title: '字段', width: 200, render: (_, r) => r.fields.join('、') },
          { title: '对象', width: 280, render: (_, r) => <ToLink to={r.batchId ? `/batches/${r.batchId}` : null}>{scopeText(r)}</ToLink> },
        ]}
      />
    </Card>
  );
}
