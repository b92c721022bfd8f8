import { useState } from 'react';
import {
  Alert, App, Button, Card, Descriptions, Divider, Form, Input, Space, Tag, Typography
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../../api/client';
import { confirmDecision } from '../../../lib/confirm';
import { downloadFile } from '../../../lib/download';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { outcomeText } from '../progress';
import { mayTake, useBatchCommand, type BatchView } from './BatchParts';


/** BAT-06 publicity of the results: started by the organization; the notice takes objections and closes by itself. */
export function PublicityCard({ batch: b }: { batch: BatchView }) {
  const { modal } = App.useApp();
  const start = useBatchCommand(b, (_: void, version) =>
    unwrap(api.POST('/api/batches/{batchId}/publicity', { params: { path: { batchId: b.id } }, body: { version } })), '结果公示已发起');
  const may = mayTake(b, 'startResultsPublicity');
  if (!may && !b.publicityNoticeId) return null;
  return (
    <Card title="结果公示" data-testid="publicity">
      {b.publicityNoticeId && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="公示期">{b.publicityStart} 至 {b.publicityEnd}</Descriptions.Item>
          <Descriptions.Item label="异议">
            {b.openObjections > 0 ? <Tag color="red">{b.openObjections} 件待处理</Tag> : <Tag color="green">无未决异议</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="公告"><Link to={`/notices/${b.publicityNoticeId}`}>查看结果公示及异议</Link></Descriptions.Item>
        </Descriptions>
      )}
      {start.error && <div style={{ marginBottom: 12 }}><ProblemAlert error={start.error} /></div>}
      {may && (
        <>
          <Typography.Paragraph type="secondary">
            公示合格人员名单（姓名和身份证件号码部分隐藏），公示期按辖区政策；公示期内有异议的，异议成立须更正成绩后重新公示。全部考生均有成绩（含缺考）后才能发起。
          </Typography.Paragraph>
          <Button type="primary" loading={start.isPending}
            onClick={() => confirmDecision(modal, {
              title: '发起结果公示？', okText: '确认公示',
              content: `将在公示公告中公示本批次合格的 ${b.passed} 名考生；公示开始后不能再修改成绩。`,
              run: () => start.mutateAsync(),
            })}>发起结果公示</Button>
        </>
      )}
    </Card>
  );
}

/** BAT-07: the organization reports the results (附件4, 附件5) after a clean publicity; the receiving authority accepts or returns. */
export function ReportCard({ batch: b }: { batch: BatchView }) {
  const { modal } = App.useApp();
  const [opinion, setOpinion] = useState('');
  const [reason, setReason] = useState('');
  const path = { params: { path: { batchId: b.id } } };
  const submit = useBatchCommand(b, (_: void, version) =>
    unwrap(api.POST('/api/batches/{batchId}/report', { ...path, body: { version } })), '认定结果已报备');
  const accept = useBatchCommand(b, (_: void, version) =>
    unwrap(api.POST('/api/batches/{batchId}/report/accept', { ...path, body: { version, opinion: opinion.trim() } })), '已审核通过');
  const giveBack = useBatchCommand(b, (_: void, version) =>
    unwrap(api.POST('/api/batches/{batchId}/report/return', { ...path, body: { version, reason: reason.trim() } })), '已退回');
  const download = useMutation({ mutationFn: ({ url, name }: { url: string; name: string }) => downloadFile(url, name) });
  const error = submit.error ?? accept.error ?? giveBack.error ?? download.error;
  const reporting = ['InPublicity', 'Publicized', 'Reported', 'Accepted'].includes(b.status) || (b.status === 'Suspended' && !!b.publicityNoticeId);
  if (!reporting) return null;
  return (
    <Card title="认定结果报备" data-testid="report">
      {b.status === 'Publicized' && b.details.returnReason && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="report-returned"
          title="报备被退回" description={b.details.returnReason} />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="应报备日期">{b.reportDueOn ? `${b.reportDueOn}前` : '公示期满后确定'}</Descriptions.Item>
        <Descriptions.Item label="报备日期">
          {b.reportedOn ?? '未报备'}{b.details.reportLate && <Tag color="red" style={{ marginInlineStart: 8 }}>逾期报备</Tag>}
        </Descriptions.Item>
        {b.details.acceptanceOpinion && <Descriptions.Item label="审核意见">{b.details.acceptanceOpinion}</Descriptions.Item>}
      </Descriptions>
      <Space wrap style={{ margin: '8px 0 12px' }}>
        <Button icon={<DownloadOutlined />}
          onClick={() => download.mutate({ url: `/api/batches/${b.id}/report/summary`, name: '认定结果汇总表（附件4）.xlsx' })}>
          下载附件4（结果汇总表）
        </Button>
        {/* 附件5 lists identity numbers: offered to those who may see them in full (the download is recorded) */}
        {mayTake(b, 'downloadCertificateTable') && (
          <Button icon={<DownloadOutlined />}
            onClick={() => download.mutate({ url: `/api/batches/${b.id}/report/certificates`, name: '合格人员证书信息表（附件5）.xlsx' })}>
            下载附件5（证书信息表）
          </Button>
        )}
      </Space>
      {error && <div style={{ marginBottom: 12 }}><ProblemAlert error={error} /></div>}
      {mayTake(b, 'submitResultsReport') && (
        <div>
          <Typography.Paragraph type="secondary">公示期满无异议后，将附件4、附件5报受理部门（{b.receivingAuthorityName ?? '—'}）。</Typography.Paragraph>
          <Button type="primary" loading={submit.isPending}
            onClick={() => confirmDecision(modal, {
              title: '报备认定结果？', okText: '确认报备',
              content: `将向${b.receivingAuthorityName ?? '受理部门'}报备本批次认定结果：${outcomeText(b)}。`,
              run: () => submit.mutateAsync(),
            })}>报备认定结果</Button>
        </div>
      )}
      {(mayTake(b, 'acceptResultsReport') || mayTake(b, 'returnResultsReport')) && (
        <div data-testid="report-decision">
          <Divider titlePlacement="start">审核认定结果</Divider>
          <Form layout="vertical">
            {mayTake(b, 'acceptResultsReport') && (
              <Form.Item label="审核意见" required>
                <Input.TextArea rows={2} value={opinion} onChange={(e) => setOpinion(e.target.value)} aria-label="审核意见" maxLength={2000} />
              </Form.Item>
            )}
          </Form>
          <Space wrap>
            {mayTake(b, 'acceptResultsReport') && (
              <Button type="primary" loading={accept.isPending} disabled={!opinion.trim()}
                onClick={() => confirmDecision(modal, {
                  title: '审核通过认定结果？', okText: '确认通过',
                  content: `通过后，本批次 ${b.passed} 名合格人员将进入证书发放，批次办结，不能撤回。`,
                  run: () => accept.mutateAsync(),
                })}>审核通过</Button>
            )}
          </Space>
          {mayTake(b, 'returnResultsReport') && (
            <Space.Compact style={{ width: '100%', marginTop: 12 }}>
              <Input placeholder="退回理由（必填）" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="退回理由" />
              <Button danger loading={giveBack.isPending} disabled={!reason.trim()}
                onClick={() => confirmDecision(modal, {
                  title: '退回认定结果？', okText: '确认退回', danger: true,
                  content: `将退回${b.organizationName}修改后重新报备，理由：${reason.trim()}`,
                  run: () => giveBack.mutateAsync(),
                })}>退回</Button>
            </Space.Compact>
          )}
        </div>
      )}
    </Card>
  );
}
