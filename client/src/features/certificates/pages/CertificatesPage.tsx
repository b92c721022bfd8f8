import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Progress, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../../api/client';
import { BatchZipDownload } from '../components/BatchZipDownload';
import { downloadFile } from '../../../lib/download';
import { formatDate, formatDateTime, occupationName } from '../../../lib/format';
import { ProblemAlert, applyFieldErrors } from '../../../lib/ProblemAlert';
import { RuleTag } from '../../../lib/RuleTag';
import { certificateStatusColors, issuanceStatusColors, useTerms } from '../../../lib/terms';
import { CertificateActions } from '../components/CertificateActions';
import { CertificateCorrections } from '../components/CertificateCorrections';
import { certificateKeys } from '../queries';
import { ToLink } from '../../../lib/links';

type Issuance = Schemas['Certificates.IssuanceProgress'];
type Certificate = Schemas['Certificates.CertificateItem'];

/**
 * Certificates (CRT-01 … CRT-05): issuance progress per accepted batch, the certificates (masked, each opened in full with 详情)
 * with search, PDF download and revocation — every button as the server's actions offer it.
 */
export function CertificatesPage() {
  const terms = useTerms();
  const { message } = App.useApp();
  const client = useQueryClient();
  // the workbench links here: ?batchId= shows a batch's certificates, ?correction= opens a correction request to decide
  const [params] = useSearchParams();
  const [batchId, setBatchId] = useState<string | undefined>(params.get('batchId') ?? undefined);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [revoking, setRevoking] = useState<Certificate | null>(null);
  const issuances = useQuery({
    queryKey: certificateKeys.issuances(),
    queryFn: () => unwrap(api.GET('/api/certificate-issuances', { params: { query: { pageSize: 50 } } })),
    refetchInterval: (query) => (query.state.data?.items.some((i) => i.status === 'Running') ? 2000 : false),
  });
  const certificates = useQuery({
    queryKey: certificateKeys.list({ batchId, q, page }),
    queryFn: () => unwrap(api.GET('/api/certificates', { params: { query: { batchId, q: q || undefined, page, pageSize: 20 } } })),
  });
  const download = useMutation({
    mutationFn: (c: Certificate) => downloadFile(`/api/certificates/${c.id}/pdf`, `职业技能等级证书${c.number}.pdf`),
    onError: () => message.error('证书下载失败，请重试。'),
  });
  const table = useMutation({
    mutationFn: (i: Issuance) => downloadFile(`/api/certificate-issuances/${i.batchId}/certificate-table`,
      `附件5 职业技能等级认定合格人员证书信息表（${i.batchTitle}）.xlsx`),
    onError: () => message.error('附件5下载失败，请重试。'),
  });
  // CRT-02: a halted issuance (e.g. its number ranges used up, CRT-01) goes on from where it stopped
  const resume = useMutation({
    mutationFn: (i: Issuance) => unwrap(api.POST('/api/certificate-issuances/{batchId}/resume', {
      params: { path: { batchId: i.batchId } }, body: { version: i.version },
    })),
    onSuccess: () => message.success('已恢复发证'),
    onSettled: () => void client.invalidateQueries({ queryKey: certificateKeys.issuances() }),
  });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title="证书核发" data-testid="issuances">
        <Typography.Paragraph type="secondary">
          主管部门审核通过认定结果后，系统按“备案号＋年份＋等级代码＋流水号”为每名合格人员编号发证，流水号按机构、年度、等级从000001起连续编排，不重号、不断号。
        </Typography.Paragraph>
        <ProblemAlert error={issuances.error ?? resume.error} />
        <Table<Issuance>
          rowKey="batchId"
          size="small"
          loading={issuances.isLoading}
          dataSource={issuances.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={false}
          locale={{ emptyText: '还没有审核通过的认定批次' }}
          columns={[
            { title: '认定批次', width: 200, render: (_, i) => <ToLink to={`/batches/${i.batchId}`}>{i.batchTitle}</ToLink> },
            { title: '评价机构', dataIndex: 'organizationName', width: 200 },
            { title: '审核通过', width: 150, render: (_, i) => formatDateTime(i.acceptedAt) },
            {
              title: '核发进度', width: 260,
              render: (_, i) => (
                <div data-testid="issuance-progress">
                  <Progress percent={i.total === 0 ? 100 : Math.floor((i.done * 100) / i.total)} size="small"
                    status={i.status === 'Halted' ? 'exception' : i.status === 'Completed' ? 'success' : 'active'} />
                  <Typography.Text type="secondary">{i.done} / {i.total} 本</Typography.Text>
                  {i.haltedReason && (
                    <div data-testid="halted-reason">
                      <Typography.Text type="danger">{i.haltedReason}</Typography.Text>
                      <RuleTag ruleId={i.haltedRule} />
                    </div>
                  )}
                </div>
              ),
            },
            {
              title: '状态', width: 90,
              render: (_, i) => <Tag color={issuanceStatusColors[i.status]}>{terms.name('issuanceStatuses', i.status)}</Tag>,
            },
            {
              title: '操作', width: 280,
              render: (_, i) => (
                <Space wrap>
                  <Button size="small" onClick={() => { setBatchId(i.batchId); setPage(1); }}>查看证书</Button>
                  {i.actions.includes('resumeIssuance') && (
                    <Button size="small" type="primary" loading={resume.isPending && resume.variables?.batchId === i.batchId}
                      onClick={() => resume.mutate(i)}>恢复发证</Button>
                  )}
                  {i.actions.includes('downloadBatchCertificates') && (
                    <BatchZipDownload batchId={i.batchId} batchTitle={i.batchTitle} total={i.done} />
                  )}
                  {i.actions.includes('downloadIssuedCertificateTable') && (
                    <Button size="small" icon={<DownloadOutlined />} loading={table.isPending} onClick={() => table.mutate(i)}
                      title="职业技能等级认定合格人员证书信息表（含证书编号、发证日期）">附件5</Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title="证书" data-testid="certificates"
        extra={
          <Space wrap>
            {batchId && <Button onClick={() => { setBatchId(undefined); setPage(1); }}>显示全部批次</Button>}
            <Input.Search allowClear placeholder="证书编号或持证人姓名" aria-label="搜索证书" style={{ width: 260 }}
              onSearch={(v) => { setQ(v.trim()); setPage(1); }} />
          </Space>
        }>
        <ProblemAlert error={certificates.error ?? download.error} />
        {(certificates.data?.items.length ?? 0) > 0 && (
          <Typography.Paragraph type="secondary" data-testid="certificates-masked-note">
            {certificates.data!.items.some((c) => c.actions.includes('downloadCertificatePdf'))
              ? '列表中的个人信息已脱敏，点击“详情”查看完整信息（将记录查阅）。'
              : '列表中的个人信息已脱敏。'}
          </Typography.Paragraph>
        )}
        <Table<Certificate>
          rowKey="id"
          size="small"
          loading={certificates.isLoading}
          dataSource={certificates.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '没有证书' }}
          pagination={{ current: page, pageSize: 20, total: certificates.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 本` }}
          columns={[
            { title: '证书编号', dataIndex: 'number', width: 210 },
            { title: '姓名', dataIndex: 'holderName', width: 90 },
            { title: '证件号码', width: 190, render: (_, c) => c.documentNumber },
            { title: '职业（工种）', width: 180, render: (_, c) => occupationName(c.occupation, c.workType) },
            { title: '等级', dataIndex: 'levelName', width: 120 },
            { title: '发证日期', width: 110, render: (_, c) => formatDate(c.issuedOn) },
            { title: '认定批次', width: 160, render: (_, c) => <ToLink to={`/batches/${c.batchId}`}>{c.batchTitle}</ToLink> },
            {
              title: '状态', width: 150,
              render: (_, c) => (
                <span>
                  <Tag color={certificateStatusColors[c.status]}>{terms.name('certificateStatuses', c.status)}</Tag>
                  {c.revokedOn && <Typography.Text type="secondary">{formatDate(c.revokedOn)}</Typography.Text>}
                </span>
              ),
            },
            {
              title: '操作', width: 200, fixed: 'right',
              render: (_, c) => (
                <CertificateActions certificate={c} onDownload={() => download.mutate(c)} onRevoke={() => setRevoking(c)} />
              ),
            },
          ]}
        />
      </Card>
      <CertificateCorrections opened={params.get('correction')} />
      {revoking && (
        <RevokeModal certificate={revoking} onClose={(done) => {
          setRevoking(null);
          if (done) client.invalidateQueries({ queryKey: certificateKeys.lists() });
        }} />
      )}
    </Space>
  );
}

function RevokeModal({ certificate: c, onClose }: { certificate: Certificate; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const revoke = useMutation({
    mutationFn: (v: { reason: string }) => unwrap(api.POST('/api/certificates/{certificateId}/revoke', {
      params: { path: { certificateId: c.id } }, body: { version: c.version, reason: v.reason.trim() },
    })),
    onSuccess: () => { message.success('证书已撤销'); onClose(true); },
    onError: (e) => applyFieldErrors(form, e),
  });
  return (
    <Modal open title={`撤销证书 ${c.number}`} okText="撤销" okButtonProps={{ danger: true }} cancelText="取消" confirmLoading={revoke.isPending}
      onOk={() => form.submit()} onCancel={() => onClose(false)} destroyOnHidden>
      <Typography.Paragraph>撤销后，公开查询和扫码验证将显示该证书“已撤销”及撤销日期（谁发证、谁负责）。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => revoke.mutate(v)}>
        <Form.Item name="reason" label="撤销原因" rules={[{ required: true, whitespace: true, message: '请填写撤销原因' }, { max: 500, message: '不超过500字' }]}>
          <Input.TextArea rows={3} aria-label="撤销原因" />
        </Form.Item>
        <ProblemAlert error={revoke.error} />
      </Form>
    </Modal>
  );
}
