import { App, Button, Descriptions, Form, Input, Modal, Skeleton, Space, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../api/client';
import { formatDateTime } from '../../../lib/format';
import { confirmDecision } from '../../../lib/confirm';
import { ProblemAlert, applyFieldErrors } from '../../../lib/ProblemAlert';
import { useTerms } from '../../../lib/terms';
import { RevealNote, ChangeList, correctionStatusColors, useRefresh, useCorrection } from './correctionParts';

type Correction = Schemas['Certificates.CertificateCorrectionItem'];

export function Decision({ correction: r }: { correction: Correction }) {
  const terms = useTerms();
  return (
    <>
      <Tag color={correctionStatusColors[r.status]}>{terms.name('certificateCorrectionStatuses', r.status)}</Tag>
      {r.decidedAt && <div>{r.decidedBy}　{formatDateTime(r.decidedAt)}</div>}
      {r.decisionReason && <div>{r.decisionReason}</div>}
    </>
  );
}

/** The holder data a request changes, opened on its own: in full for those the server allows (recorded), masked for the others. */
export function CorrectionComparison({ correctionId }: { correctionId: string }) {
  const full = useCorrection(correctionId);
  if (full.isLoading) return <Skeleton active />;
  if (full.error || !full.data) return <ProblemAlert error={full.error} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="correction-comparison">
      <ChangeList correction={full.data} />
      <RevealNote masked={full.data.personalDataMasked} />
    </Space>
  );
}

/** 核对: one request with what it changes (in full where allowed), why and who asked, and its decision. */
export function CorrectionDetail({ correctionId, onClose }: { correctionId: string; onClose: () => void }) {
  const full = useCorrection(correctionId);
  const r = full.data;
  return (
    <Modal open title={r ? `更正申请 ${r.certificateNumber}` : '更正申请'} footer={null} onCancel={onClose} destroyOnHidden width={600}>
      <CorrectionComparison correctionId={correctionId} />
      {r && (
        <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
          <Descriptions.Item label="申请原因">{r.reason}</Descriptions.Item>
          <Descriptions.Item label="申请">{r.requestedBy} {formatDateTime(r.requestedAt)}</Descriptions.Item>
          <Descriptions.Item label="审批"><Decision correction={r} /></Descriptions.Item>
        </Descriptions>
      )}
    </Modal>
  );
}

export function DecisionModal({ correction: r, approve, onClose }: { correction: Correction; approve: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const decide = useMutation({
    mutationFn: (v: { reason: string }) => {
      const options = { params: { path: { correctionId: r.id } }, body: { version: r.version, reason: v.reason.trim() } };
      return unwrap(approve
        ? api.POST('/api/certificate-corrections/{correctionId}/approve', options)
        : api.POST('/api/certificate-corrections/{correctionId}/reject', options));
    },
    onSuccess: () => { message.success(approve ? '已批准，证书信息已更正' : '已驳回'); refresh(); onClose(); },
    onError: (e) => applyFieldErrors(form, e),
  });
  const label = approve ? '审批意见' : '驳回理由';
  return (
    <Modal open title={`${approve ? '批准' : '驳回'}更正 ${r.certificateNumber}`} okText={approve ? '批准' : '驳回'} cancelText="取消"
      okButtonProps={{ danger: !approve }} confirmLoading={decide.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {/* the reviewer compares the holder data before and as proposed in full */}
      <CorrectionComparison correctionId={r.id} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {approve
          ? '批准后证书登记信息随即更正，公开查询、电子证书和证书PDF均按新信息显示，并记为一次新的打印（编号不变）。'
          : '驳回后证书信息不作更改，评价机构可重新申请。'}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => decide.mutate(v)}>
        <Form.Item name="reason" label={label}
          rules={[{ required: true, whitespace: true, message: `请填写${label}` }, { max: 500, message: '不超过500字' }]}>
          <Input.TextArea rows={3} aria-label={label} />
        </Form.Item>
        <ProblemAlert error={decide.error} />
      </Form>
    </Modal>
  );
}

/**
 * 撤回申请: the organization that asked takes back its pending request (offered only while the server lists
 * withdrawCertificateCorrection); it leaves the authority's queue and a new request may follow.
 */
export function WithdrawCorrectionButton({ correction: r }: { correction: Correction }) {
  const { message, modal } = App.useApp();
  const refresh = useRefresh();
  const withdraw = useMutation({
    mutationFn: () => unwrap(api.POST('/api/certificate-corrections/{correctionId}/withdraw', {
      params: { path: { correctionId: r.id } }, body: { version: r.version },
    })),
    onSuccess: () => { message.success('更正申请已撤回'); refresh(); },
    // e.g. 409 after someone else's change, 422 once decided: say why, and show the list as it now stands
    onError: (e) => { modal.error({ title: '未能撤回', content: <ProblemAlert error={e} /> }); refresh(); },
  });
  if (!r.actions.includes('withdrawCertificateCorrection')) return null;
  return (
    <Button size="small" loading={withdraw.isPending}
      onClick={() => confirmDecision(modal, {
        title: `撤回证书${r.certificateNumber}的更正申请？`, okText: '撤回申请', danger: true,
        content: '撤回后主管部门不再审批该申请，证书信息不变；如仍需更正，可重新申请。',
        run: () => withdraw.mutateAsync(),
      })}>撤回申请</Button>
  );
}
