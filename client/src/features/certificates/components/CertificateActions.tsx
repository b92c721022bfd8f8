import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Dropdown, Form, Input, Modal, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { DownOutlined, DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../api/client';
import { formatDate, formatDateTime, occupationName } from '../../../lib/format';
import { ProblemAlert, applyFieldErrors } from '../../../lib/ProblemAlert';
import { certificateStatusColors, useTerms } from '../../../lib/terms';
import { certificateKeys } from '../queries';
import { useCertificate, RevealNote, printKindColors, ChangeList, useRefresh } from './correctionParts';
import { Decision, CorrectionDetail, WithdrawCorrectionButton } from './CorrectionDecision';
import { FilingLink, OrganizationLink, ToLink } from '../../../lib/links';

type Certificate = Schemas['Certificates.CertificateItem'];

/**
 * The buttons of one certificate row: 详情 for everyone who sees it and PDF where the server offers it stay in view; 补发,
 * 申请更正 and the red 撤销 (set apart below a divider) go under 更多, so the table keeps its status column in view and the
 * irreversible action never sits beside a harmless one.
 */
export function CertificateActions({ certificate: c, onDownload, onRevoke }: {
  certificate: Certificate; onDownload?: () => void; onRevoke?: () => void;
}) {
  const [open, setOpen] = useState<'detail' | 'reissue' | 'correct' | null>(null);
  const more: MenuProps['items'] = [
    ...(c.actions.includes('reissueCertificate') ? [{ key: 'reissue', label: '补发' }] : []),
    ...(c.actions.includes('requestCertificateCorrection') ? [{ key: 'correct', label: '申请更正' }] : []),
    ...(onRevoke && c.actions.includes('revokeCertificate')
      ? [{ type: 'divider' as const }, { key: 'revoke', label: '撤销证书', danger: true }] : []),
  ];
  const pick: MenuProps['onClick'] = ({ key }) => (key === 'revoke' ? onRevoke?.() : setOpen(key as 'reissue' | 'correct'));
  return (
    <Space size={4} wrap>
      <Button size="small" onClick={() => setOpen('detail')}>详情</Button>
      {onDownload && c.actions.includes('downloadCertificatePdf') && (
        <Button size="small" icon={<DownloadOutlined />} onClick={onDownload}>PDF</Button>
      )}
      {more.length > 0 && (
        <Dropdown trigger={['click']} menu={{ items: more[0]?.type === 'divider' ? more.slice(1) : more, onClick: pick }}>
          <Button size="small" aria-label={`更多操作 ${c.number}`}>更多 <DownOutlined /></Button>
        </Dropdown>
      )}
      {open === 'detail' && <CertificateDetail certificate={c} onClose={() => setOpen(null)} />}
      {open === 'reissue' && <ReissueModal certificate={c} onClose={() => setOpen(null)} />}
      {open === 'correct' && <CorrectionRequestModal certificate={c} onClose={() => setOpen(null)} />}
    </Space>
  );
}

/**
 * A certificate opened on its own (in full for those the server allows, the read recorded), with its print history
 * (首次核发, 补发, 更正后换发) and its correction requests (masked: each is opened to compare).
 */
export function CertificateDetail({ certificate: row, onClose }: { certificate: Certificate; onClose: () => void }) {
  const terms = useTerms();
  const full = useCertificate(row.id);
  const [comparing, setComparing] = useState<string | null>(null);
  // the list's masked row until the certificate itself has arrived
  const c = full.data ?? row;
  const history = useQuery({
    queryKey: certificateKeys.history(c.id),
    queryFn: () => unwrap(api.GET('/api/certificates/{certificateId}/history', { params: { path: { certificateId: c.id } } })),
  });
  return (
    <Drawer open title={`证书 ${c.number}`} size="large" onClose={onClose} destroyOnHidden>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <ProblemAlert error={full.error} />
        {full.isLoading ? <Skeleton active /> : full.data && <RevealNote masked={full.data.personalDataMasked} />}
        <Descriptions bordered size="small" column={1} data-testid="certificate-detail">
          <Descriptions.Item label="证书编号">{c.number}</Descriptions.Item>
          <Descriptions.Item label="姓名"><span data-testid="certificate-holder-name">{c.holderName}</span></Descriptions.Item>
          <Descriptions.Item label="证件"><span data-testid="certificate-document">{c.documentTypeName} {c.documentNumber}</span></Descriptions.Item>
          <Descriptions.Item label="所在单位">{c.employer}</Descriptions.Item>
          <Descriptions.Item label="职业（工种）">{occupationName(c.occupation, c.workType)}</Descriptions.Item>
          <Descriptions.Item label="职业技能等级">{c.levelName}</Descriptions.Item>
          <Descriptions.Item label="发证日期">{formatDate(c.issuedOn)}</Descriptions.Item>
          <Descriptions.Item label="发证机构"><OrganizationLink id={c.organizationId} name={c.organizationName} /></Descriptions.Item>
          <Descriptions.Item label="认定批次"><ToLink to={`/batches/${c.batchId}`}>{c.batchTitle}</ToLink></Descriptions.Item>
          <Descriptions.Item label="备案">
            <Space wrap>
              <FilingLink id={c.filingId} number={c.filingNumber} />
              {c.applicationId && <ToLink to={`/applications/${c.applicationId}`}>备案申请</ToLink>}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={certificateStatusColors[c.status]}>{terms.name('certificateStatuses', c.status)}</Tag>
            {c.revokedOn && `${formatDate(c.revokedOn)}　${c.revokedReason ?? ''}`}
          </Descriptions.Item>
          <Descriptions.Item label="当前证书">
            第{c.printNumber}次打印（{terms.name('certificatePrintKinds', c.printKind)}{c.printedOn ? `，${formatDate(c.printedOn)}` : ''}）
          </Descriptions.Item>
        </Descriptions>
        <ProblemAlert error={history.error} />
        <div>
          <Typography.Title level={5}>打印记录</Typography.Title>
          <Typography.Paragraph type="secondary">
            补发或更正后证书编号不变，另行打印；每次打印的二维码不同，旧证书上的二维码扫码时显示“已被新证书替代”。
          </Typography.Paragraph>
          <Table
            rowKey="printNumber"
            size="small"
            data-testid="print-history"
            loading={history.isLoading}
            dataSource={history.data?.prints ?? []}
            pagination={false}
            columns={[
              { title: '次序', width: 70, render: (_, p) => `第${p.printNumber}次` },
              { title: '类型', width: 110, render: (_, p) => <Tag color={printKindColors[p.kind]}>{terms.name('certificatePrintKinds', p.kind)}</Tag> },
              { title: '日期', width: 110, render: (_, p) => formatDate(p.printedOn) },
              { title: '办理人', width: 180, render: (_, p) => `${p.byName}（${terms.name('roles', p.byRole)}）` },
              { title: '原因', render: (_, p) => p.reason ?? '—' },
              { title: '', width: 80, render: (_, p) => (p.current ? <Tag color="success">现行</Tag> : <Tag>已替代</Tag>) },
            ]}
          />
        </div>
        <div>
          <Typography.Title level={5}>更正记录</Typography.Title>
          <Table
            rowKey="id"
            size="small"
            data-testid="correction-history"
            loading={history.isLoading}
            dataSource={history.data?.corrections ?? []}
            pagination={false}
            locale={{ emptyText: '没有更正申请' }}
            columns={[
              { title: '更正内容', render: (_, r) => <ChangeList correction={r} /> },
              { title: '申请', width: 170, render: (_, r) => <>{r.requestedBy}<br />{formatDateTime(r.requestedAt)}<br />{r.reason}</> },
              { title: '审批', width: 190, render: (_, r) => <Decision correction={r} /> },
              {
                title: '', width: 110,
                render: (_, r) => (
                  <Space size={4} wrap>
                    <Button size="small" type="link" onClick={() => setComparing(r.id)}>核对</Button>
                    <WithdrawCorrectionButton correction={r} />
                  </Space>
                ),
              },
            ]}
          />
        </div>
      </Space>
      {comparing && <CorrectionDetail correctionId={comparing} onClose={() => setComparing(null)} />}
    </Drawer>
  );
}

/** 补发: same number, a new print and a new QR code; the lost paper's code stops answering as the current certificate. */
export function ReissueModal({ certificate: c, onClose }: { certificate: Certificate; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const reissue = useMutation({
    mutationFn: (v: { reason: string }) => unwrap(api.POST('/api/certificates/{certificateId}/reissue', {
      params: { path: { certificateId: c.id } }, body: { version: c.version, reason: v.reason.trim() },
    })),
    onSuccess: () => { message.success('已补发，请下载新证书打印'); refresh(); onClose(); },
    onError: (e) => applyFieldErrors(form, e),
  });
  return (
    <Modal open title={`补发证书 ${c.number}`} okText="补发" cancelText="取消" confirmLoading={reissue.isPending}
      onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph>
        补发后证书编号不变，记为第{c.printNumber + 1}次打印，证书上注明补发日期并使用新的二维码；原证书的二维码扫码时将显示“已被新证书替代”，按证书编号和姓名查询不受影响。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => reissue.mutate(v)}>
        <Form.Item name="reason" label="补发原因" rules={[{ required: true, whitespace: true, message: '请填写补发原因' }, { max: 500, message: '不超过500字' }]}>
          <Input.TextArea rows={3} aria-label="补发原因" placeholder="如：证书遗失、证书损毁" />
        </Form.Item>
        <ProblemAlert error={reissue.error} />
      </Form>
    </Modal>
  );
}

interface CorrectionForm { holderName: string; documentType: number; documentNumber: string; employer: string; reason: string }

/**
 * 申请更正: the holder data as it should read, starting from the certificate opened in full (the list is masked); the
 * authority approves or rejects it, and only then does the certificate change.
 */
export function CorrectionRequestModal({ certificate: c, onClose }: { certificate: Certificate; onClose: () => void }) {
  const [form] = Form.useForm<CorrectionForm>();
  const { message } = App.useApp();
  const terms = useTerms();
  const refresh = useRefresh();
  const full = useCertificate(c.id);
  const holder = full.data && !full.data.personalDataMasked ? full.data : null;
  const request = useMutation({
    mutationFn: (v: CorrectionForm) => unwrap(api.POST('/api/certificates/{certificateId}/corrections', {
      params: { path: { certificateId: c.id } },
      body: {
        version: holder?.version ?? c.version, holderName: v.holderName.trim(), documentType: v.documentType,
        documentNumber: v.documentNumber.trim(), employer: v.employer.trim(), reason: v.reason.trim(),
      },
    })),
    onSuccess: () => { message.success('更正申请已提交，等待主管部门审批'); refresh(); onClose(); },
    onError: (e) => applyFieldErrors(form, e),
  });
  return (
    <Modal open title={`申请更正 ${c.number}`} okText="提交申请" cancelText="取消" confirmLoading={request.isPending}
      okButtonProps={{ disabled: !holder }} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={560}>
      <Typography.Paragraph type="secondary">
        请按身份证件填写更正后的持证人信息。主管部门审批通过后证书信息随之更正并另行打印（编号不变）；驳回则不作任何更改。
      </Typography.Paragraph>
      {full.isLoading && <Skeleton active />}
      <ProblemAlert error={full.error} />
      {full.data?.personalDataMasked && <Alert type="warning" showIcon title="您不能查看该持证人的完整信息，无法申请更正。" />}
      {holder && (
        <Form form={form} layout="vertical" onFinish={(v) => request.mutate(v)}
          initialValues={{
            holderName: holder.holderName, documentType: holder.documentType, documentNumber: holder.documentNumber, employer: holder.employer,
          }}>
          <Form.Item name="holderName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50, message: '不超过50字' }]}>
            <Input aria-label="姓名" />
          </Form.Item>
          <Form.Item name="documentType" label="证件类型" rules={[{ required: true, message: '请选择证件类型' }]}>
            <Select aria-label="证件类型" options={terms.list('identityDocumentTypes').map((t) => ({ value: Number(t.code), label: t.name }))} />
          </Form.Item>
          <Form.Item name="documentNumber" label="证件号码" rules={[{ required: true, whitespace: true, message: '请填写证件号码' }]}>
            <Input aria-label="证件号码" />
          </Form.Item>
          <Form.Item name="employer" label="所在单位"
            rules={[{ required: true, whitespace: true, message: '请填写所在单位' }, { max: 100, message: '不超过100字' }]}>
            <Input aria-label="所在单位" />
          </Form.Item>
          <Form.Item name="reason" label="更正原因" rules={[{ required: true, whitespace: true, message: '请填写更正原因' }, { max: 500, message: '不超过500字' }]}>
            <Input.TextArea rows={2} aria-label="更正原因" placeholder="如：姓名录入错误，附身份证件核对" />
          </Form.Item>
          <ProblemAlert error={request.error} />
        </Form>
      )}
    </Modal>
  );
}
