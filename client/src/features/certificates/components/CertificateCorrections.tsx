import { useState } from 'react';
import { Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../api/client';
import { formatDateTime } from '../../../lib/format';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { useTerms } from '../../../lib/terms';
import { certificateKeys } from '../queries';
import { ChangeList } from './correctionParts';
import { Decision, CorrectionDetail, DecisionModal, WithdrawCorrectionButton } from './CorrectionDecision';

type Correction = Schemas['Certificates.CertificateCorrectionItem'];

type StatusFilter = 'Open' | 'Approved' | 'Rejected' | 'Withdrawn' | 'All';

/**
 * Correction requests: an authority's approval queue (approve/reject where the server offers them), an organization's own
 * requests. The list is masked; a request is opened (核对) to compare the holder data before and as proposed in full —
 * at once when the workbench links to it (`opened`).
 */
export function CertificateCorrections({ opened }: { opened?: string | null } = {}) {
  const terms = useTerms();
  const [status, setStatus] = useState<StatusFilter>('Open');
  const [page, setPage] = useState(1);
  const [deciding, setDeciding] = useState<{ correction: Correction; approve: boolean } | null>(null);
  const [comparing, setComparing] = useState<string | null>(opened ?? null);
  const corrections = useQuery({
    queryKey: certificateKeys.correctionList(status, page),
    queryFn: () => unwrap(api.GET('/api/certificate-corrections', {
      params: { query: { status: status === 'All' ? undefined : status, page, pageSize: 10 } },
    })),
  });
  return (
    <Card title="证书更正申请" data-testid="corrections"
      extra={
        <Segmented<StatusFilter> value={status} onChange={(v) => { setStatus(v); setPage(1); }}
          options={[...(terms.options('certificateCorrectionStatuses') as { value: StatusFilter; label: string }[]),
            { value: 'All', label: '全部' }]} />
      }>
      <Typography.Paragraph type="secondary">
        持证人姓名、证件或所在单位有误时，发证的评价机构在证书列表中“申请更正”；辖区主管部门审核人员核对后批准或驳回（评价机构不能审批本机构的申请），
        批准后证书信息更正并另行打印，编号不变；审批前申请机构可以“撤回申请”。列表中的个人信息已脱敏，点击“核对”查看更正前后的完整信息（将记录查阅）。
      </Typography.Paragraph>
      <ProblemAlert error={corrections.error} />
      <Table<Correction>
        rowKey="id"
        size="small"
        loading={corrections.isLoading}
        dataSource={corrections.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: status === 'All' ? '没有更正申请' : `没有${terms.name('certificateCorrectionStatuses', status)}的更正申请`,
        }}
        pagination={{ current: page, pageSize: 10, total: corrections.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 项` }}
        columns={[
          {
            title: '证书编号', width: 200,
            render: (_, r) => <>{r.certificateNumber}{r.certificateStatus === 'Revoked' && <Tag color="error" style={{ marginLeft: 4 }}>已撤销</Tag>}</>,
          },
          { title: '评价机构', dataIndex: 'organizationName', width: 180 },
          { title: '职业/等级', width: 170, render: (_, r) => `${r.occupation} ${r.levelName}` },
          { title: '更正内容', width: 300, render: (_, r) => <ChangeList correction={r} /> },
          { title: '申请原因', dataIndex: 'reason', width: 200 },
          { title: '申请', width: 160, render: (_, r) => <>{r.requestedBy}<br />{formatDateTime(r.requestedAt)}</> },
          { title: '状态', width: 180, render: (_, r) => <Decision correction={r} /> },
          {
            title: '操作', width: 180, fixed: 'right',
            render: (_, r) => (
              <Space wrap>
                <Button size="small" onClick={() => setComparing(r.id)}>核对</Button>
                {r.actions.includes('approveCertificateCorrection') && (
                  <Button size="small" type="primary" onClick={() => setDeciding({ correction: r, approve: true })}>批准</Button>
                )}
                {r.actions.includes('rejectCertificateCorrection') && (
                  <Button size="small" danger onClick={() => setDeciding({ correction: r, approve: false })}>驳回</Button>
                )}
                <WithdrawCorrectionButton correction={r} />
              </Space>
            ),
          },
        ]}
      />
      {comparing && <CorrectionDetail correctionId={comparing} onClose={() => setComparing(null)} />}
      {deciding && <DecisionModal {...deciding} onClose={() => setDeciding(null)} />}
    </Card>
  );
}
