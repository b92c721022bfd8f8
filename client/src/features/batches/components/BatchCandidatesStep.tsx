import { useState, type CSSProperties, type ReactNode } from 'react';
import {
  Alert, App, Button, Card, Col, Form, Input, Modal, Row, Select, Space, Table, Typography, Upload
} from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { api, postForm, unwrap, type Schemas } from '../../../api/client';
import type { RuleViolation } from '../../../api/problem';
import { candidateFieldErrors, rulesByLine } from '../../../lib/batches';
import { confirmDecision } from '../../../lib/confirm';
import { downloadFile } from '../../../lib/download';
import { ProblemAlert, applyFieldErrors } from '../../../lib/ProblemAlert';
import { photoColumn } from './CandidatePhoto';
import { BatchPhotos } from './BulkPhotoUpload';
import { MaskedRosterNote, useCandidateViewer } from './CandidateDetail';
import { useTerms } from '../../../lib/terms';
import {
  ImportProgress, RowErrorsTable, mayTake, rowsOf, useBatchCommand, useUploadProgress, type BatchState, type BatchView
} from './BatchParts';
import { identityRule } from './BatchStaffStep';
import { ErrorCell } from './ErrorCell';

type Candidate = Schemas['Batches.CandidateView'];

/** Candidates entered one by one or imported from the template (BAT-09): every faulty row is listed, nothing is written. */
export function CandidatesStep({ batch: b, rules, footer }: { batch: BatchView; rules: RuleViolation[]; footer: ReactNode }) {
  const terms = useTerms();
  const { modal, message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const template = useMutation({
    mutationFn: () => downloadFile('/api/batches/candidate-template', '考生导入模板.xlsx'),
    onError: () => message.error('模板下载失败，请重试。'),
  });
  const upload = useUploadProgress();
  const importing = useBatchCommand(b, (file: File, version) => {
    upload.start();
    return postForm<BatchState>(`/api/batches/${b.id}/candidates/import`, { version: String(version), file }, upload.report);
  }, '考生已导入');
  const remove = useBatchCommand(b, (candidateId: string, version) =>
    unwrap(api.POST('/api/batches/{batchId}/candidates/{candidateId}/remove', {
      params: { path: { batchId: b.id, candidateId } }, body: { version },
    })),
  '考生已移除');
  const byCandidate = rulesByLine(rules, 'candidates');
  const removable = mayTake(b, 'removeBatchCandidate');
  return (
    <Card title={`考生名单（${b.candidates.length}人）`} data-testid="candidates">
      <Typography.Paragraph type="secondary">
        逐个录入，或下载模板填写后导入 Excel（.xlsx）：证件号码按证件类型核验（居民身份证校验第18位），报考的职业（工种）和等级须在本批次计划内，同一考生不能重复报名。
        文件中任一行有误则整份不导入，并逐行列出错误。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        {mayTake(b, 'addBatchCandidate') && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} disabled={b.occupations.length === 0}>录入考生</Button>
        )}
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
      <BatchPhotos batch={b} />
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
          {
            title: '证件', width: 250,
            render: (_: unknown, c: Candidate) => `${terms.name('identityDocumentTypes', c.documentType)} ${c.documentNumber}`,
          },
          { title: '所在单位', dataIndex: 'employer', width: 180 },
          { title: '职业（工种）', dataIndex: 'occupation', width: 120 },
          { title: '等级', width: 120, render: (_: unknown, c: Candidate) => terms.name('skillLevels', c.level) },
          { title: '所在地市', dataIndex: 'cityName', width: 100 },
          { title: '联系电话', width: 120, render: (_: unknown, c: Candidate) => c.phone ?? '—' },
          ...(marked && marked.size > 0
            ? [{ title: '待修改', width: 240, render: (_: unknown, c: { index: number }) => <ErrorCell errors={marked.get(c.index) ?? []} /> }]
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

export function AddCandidateModal({ batch: b, onClose }: { batch: BatchView; onClose: () => void }) {
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
        initialValues={{
          documentType: 201,
          occupation: b.occupations.length === 1 ? `${b.occupations[0].key}|${b.occupations[0].level}` : undefined,
        }}>
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
            <Form.Item name="city" label="考生所在地市"
              rules={[{ required: true, whitespace: true, message: '请填写考生所在地市' }, { max: 50, message: '不超过50字' }]}>
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
