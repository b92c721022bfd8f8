import { useState } from 'react';
import { App, Button, Card, Descriptions, Input, InputNumber, Space, Tag } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../../api/client';
import { confirmDecision } from '../../../lib/confirm';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { noticeStatusColors, useTerms } from '../../../lib/terms';
import { useUpdate, mayTake } from './FilingStages';

type Application = Schemas['Filing.ApplicationView'];

/** FIL-17/FIL-18: publicity through a public notice, then the grant — or a rejection after an upheld objection. */
export function PublicityCard({ application: a }: { application: Application }) {
  const terms = useTerms();
  const { modal } = App.useApp();
  const started = useUpdate(a, '已发布备案公示');
  const granted = useUpdate(a, '已准予备案');
  const rejected = useUpdate(a, '已作出不予备案决定');
  const [days, setDays] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const path = { params: { path: { applicationId: a.id } } };
  const start = useMutation({
    mutationFn: () => unwrap(api.POST('/api/filing/applications/{applicationId}/publicity', {
      ...path, body: { version: a.version, workingDays: days },
    })),
    onSuccess: started,
  });
  const grant = useMutation({
    mutationFn: () => unwrap(api.POST('/api/filing/applications/{applicationId}/grant', { ...path, body: { version: a.version } })),
    onSuccess: granted,
  });
  const reject = useMutation({
    mutationFn: () => unwrap(api.POST('/api/filing/applications/{applicationId}/reject', { ...path, body: { version: a.version, reason } })),
    onSuccess: rejected,
  });
  const error = start.error ?? grant.error ?? reject.error;
  if (!['EvaluationPassed', 'InPublicity', 'Granted'].includes(a.status) && !a.publicityNoticeId) return null;
  if (a.status === 'EvaluationPassed' && !mayTake(a, 'startFilingPublicity')) return null;
  return (
    <Card title="公示与备案" data-testid="publicity">
      {error && <div style={{ marginBottom: 12 }}><ProblemAlert error={error} /></div>}
      {mayTake(a, 'startFilingPublicity') && (
        <Space wrap>
          <InputNumber min={1} max={60} placeholder="工作日（默认按政策）" value={days} onChange={setDays} style={{ width: 200 }} aria-label="公示工作日" />
          <Button type="primary" loading={start.isPending}
            onClick={() => confirmDecision(modal, {
              title: '发布备案公示？', okText: '确认发布',
              content: `将在公示公告中公开“${a.organizationName}”的拟备案信息，公示期${days ? ` ${days} 个工作日` : '按辖区政策'}，公示期内任何人均可提出异议。`,
              run: () => start.mutateAsync(),
            })}>发布备案公示</Button>
        </Space>
      )}
      {a.publicityNoticeId && (
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label="公示期">{a.publicityStart} 至 {a.publicityEnd}</Descriptions.Item>
          <Descriptions.Item label="公示状态">
            <Tag data-testid="publicity-status" color={noticeStatusColors[a.publicityStatus ?? 'Open']}>
              {terms.name('noticeStatuses', a.publicityStatus ?? 'Open')}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label="异议">
            {a.openObjections > 0
              ? <Tag color="red">{a.openObjections} 件待处理（暂缓备案）</Tag>
              : a.upheldObjections > 0 ? <Tag color="red">异议成立</Tag> : <Tag color="green">无未决异议</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="公告"><Link to={`/notices/${a.publicityNoticeId}`}>查看公示公告及异议</Link></Descriptions.Item>
        </Descriptions>
      )}
      {(mayTake(a, 'grantFiling') || mayTake(a, 'rejectFilingApplication')) && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          {mayTake(a, 'grantFiling') && (
            <Button type="primary" loading={grant.isPending}
              onClick={() => confirmDecision(modal, {
                title: '准予备案并分配备案号？', okText: '确认备案',
                content: `将为“${a.organizationName}”分配备案号并列入公开的评价机构目录，此决定不能撤回。`,
                run: () => grant.mutateAsync(),
              })}>准予备案并分配备案号</Button>
          )}
          {mayTake(a, 'rejectFilingApplication') && (
            <Space.Compact style={{ width: '100%' }}>
              <Input placeholder="不予备案的理由" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="不予备案理由" />
              <Button danger loading={reject.isPending} disabled={!reason.trim()}
                onClick={() => confirmDecision(modal, {
                  title: '不予备案？', okText: '确认不予备案', danger: true,
                  content: `异议成立，将对“${a.organizationName}”作出不予备案决定，办理结束。`,
                  run: () => reject.mutateAsync(),
                })}>不予备案</Button>
            </Space.Compact>
          )}
        </Space>
      )}
      {a.status === 'Granted' && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label="备案号"><strong data-testid="filing-number">{a.filingNumber}</strong></Descriptions.Item>
          <Descriptions.Item label="有效期">{a.validFrom} 至 {a.validUntil}</Descriptions.Item>
          <Descriptions.Item label="回执"><Link to={`/filings/${a.filingId}/receipt`}>打印备案回执</Link></Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
