import { Alert, Card, Descriptions, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api, unwrap } from '../../../api/client';
import { useAreas } from '../../../lib/areas';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { DraftSteps } from '../components/BatchDraft';
import { mayTake, type BatchView } from '../components/BatchParts';
import { CandidatesCard, PlanCard } from '../components/BatchRunning';
import { PublicityCard, ReportCard } from '../components/BatchReportCards';
import { SuspendedCard } from '../components/BatchSuspension';
import { ResultsCard } from '../components/BatchResultsCard';
import { LedgerCard, SpotChecksCard } from '../components/BatchSupervision';
import { BatchStatusTag, BatchDeadlineTag } from '../components/BatchTags';
import { BatchProgressCard } from '../components/BatchProgress';
import { outcomeText } from '../progress';
import { batchKeys } from '../queries';
import { OrganizationLink } from '../../../lib/links';

/** One certification batch: the draft's steps for its organization; afterwards results, publicity, report, supervision and the ledger. */
export function BatchPage() {
  const { id } = useParams();
  const query = useQuery({
    queryKey: batchKeys.detail(id!),
    queryFn: () => unwrap(api.GET('/api/batches/{batchId}', { params: { path: { batchId: id! } } })),
  });
  if (query.isLoading) return <Skeleton active />;
  if (query.error || !query.data) return <ProblemAlert error={query.error} />;
  const b = query.data;
  const resultsHere = mayTake(b, 'recordBatchResults') || b.candidates.some((c) => c.result);
  // a flex column (not Space): the cards are its direct children, evenly spaced
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 24 }}>
      <Summary batch={b} />
      <BatchProgressCard batch={b} />
      {b.status === 'Draft' ? (
        <DraftSteps batch={b} />
      ) : (
        <>
          <SuspendedCard batch={b} />
          {b.actions.length === 0 && (
            <Alert type="info" showIcon data-testid="no-action" title="当前无需您操作" />
          )}
          <PlanCard batch={b} />
          {resultsHere ? <ResultsCard batch={b} /> : <CandidatesCard batch={b} />}
          <PublicityCard batch={b} />
          <ReportCard batch={b} />
          <SpotChecksCard batch={b} />
        </>
      )}
      <LedgerCard batch={b} />
    </div>
  );
}

function Summary({ batch: b }: { batch: BatchView }) {
  const { authorityName } = useAreas();
  return (
    <Card title={`认定批次 · ${b.title}`} extra={<Link to="/batches">返回批次列表</Link>} styles={{ header: { flexWrap: 'wrap', rowGap: 8, paddingBlock: 8 } }}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label="评价机构"><OrganizationLink id={b.organizationId} name={b.organizationName} /></Descriptions.Item>
        <Descriptions.Item label="备案编号"><Link to={`/filings/${b.filingId}`}>{b.filingNumber}</Link></Descriptions.Item>
        <Descriptions.Item label="状态"><BatchStatusTag status={b.status} testId="batch-page-status" /></Descriptions.Item>
        <Descriptions.Item label="受理部门">
          <span data-testid="receiving-authority">{b.receivingAuthorityName ?? '报备后确定'}</span>
          {b.copiedTo && `（抄报${authorityName(b.copiedTo)}）`}
        </Descriptions.Item>
        <Descriptions.Item label="认定日期">{b.examDays.length > 0 ? b.examDays.join('、') : '—'}</Descriptions.Item>
        <Descriptions.Item label="时限"><BatchDeadlineTag batch={b} /></Descriptions.Item>
        {b.filedOn && <Descriptions.Item label="计划报备日期">{b.filedOn}{b.planDeadline && `（最迟 ${b.planDeadline}）`}</Descriptions.Item>}
        {b.publicityStart && <Descriptions.Item label="结果公示期">{b.publicityStart} 至 {b.publicityEnd}</Descriptions.Item>}
        {b.reportDueOn && <Descriptions.Item label="结果报备期限">{b.reportDueOn}前</Descriptions.Item>}
        {b.reportedOn && <Descriptions.Item label="结果报备日期">{b.reportedOn}</Descriptions.Item>}
        {b.announcementNoticeId && (
          <Descriptions.Item label="认定公告"><Link to={`/notices/${b.announcementNoticeId}`}>查看认定公告</Link></Descriptions.Item>
        )}
        <Descriptions.Item label="考生"><span data-testid="batch-outcomes">{outcomeText(b)}</span></Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
