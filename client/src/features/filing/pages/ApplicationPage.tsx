import {
  Alert, Card, List, Skeleton, Typography
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../../api/client';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { RuleTag } from '../../../lib/RuleTag';
import { EvaluationCard } from '../components/EvaluationCard';
import { PublicityCard } from '../components/FilingPublicityCard';
import { MaterialsCard, mayTake } from '../components/FilingStages';
import { policyKeys } from '../../policies/queries';
import { applicationKeys } from '../queries';
import { DraftEditor } from '../components/ApplicationDraftEditor';
import { Summary, ReadOnlyDetails, HistoryCard } from '../components/ApplicationSections';
import { ReviewerActions } from '../components/ReviewerActions';

type Application = Schemas['Filing.ApplicationView'];

export function ApplicationPage() {
  const { id } = useParams();
  const query = useQuery({
    queryKey: applicationKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/filing/applications/{applicationId}', { params: { path: { applicationId: id! } } })),
  });
  const jurisdiction = query.data?.jurisdiction;
  const policy = useQuery({
    queryKey: policyKeys.detail(jurisdiction),
    enabled: !!jurisdiction,
    queryFn: () => unwrap(api.GET('/api/policies/{jurisdiction}', { params: { path: { jurisdiction: jurisdiction! } } })),
  });
  if (query.isLoading) return <Skeleton active />;
  if (query.error || !query.data) return <ProblemAlert error={query.error} />;
  const a = query.data;
  const pledgeable = policy.data?.filing.pledgeableMaterials ?? [];
  // what the caller may do comes from the server (ApplicationView.actions): no role checks here
  const editable = mayTake(a, 'changeFilingApplication');
  // a flex column (not Space): the cards of the editor and of the decisions are its direct children, evenly spaced
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 24 }}>
      <Summary application={a} />
      {a.status === 'Rejected' && (
        <Card title="不予备案" data-testid="rejected">
          {a.rejectionReason}<RuleTag ruleId={a.rejectionRuleId} />
        </Card>
      )}
      {a.status === 'Returned' && (
        <Card title="退回补正" data-testid="returned">
          <Typography.Paragraph>{a.returnReason}</Typography.Paragraph>
          <List size="small" header="需补正的材料或事项" dataSource={a.missingItems} renderItem={(m) => <List.Item>{m}</List.Item>} />
        </Card>
      )}
      {editable ? (
        <DraftEditor application={a} policy={policy.data?.filing} />
      ) : (
        <>
          {/* what the decision is about comes first, the decision panels after it */}
          <ReadOnlyDetails application={a} />
          <MaterialsCard application={a} pledgeable={pledgeable} />
          <Decisions application={a} methods={policy.data?.filing.evaluationMethods ?? []} />
        </>
      )}
      <HistoryCard application={a} />
    </div>
  );
}

/** The decisions of the acting authority and the experts, or, when the caller has nothing to do now, why. */
function Decisions({ application: a, methods }: { application: Application; methods: string[] }) {
  const canAct = a.actions.length > 0;
  const deciding = ['forwardFilingApplication', 'acceptFilingApplication', 'returnFilingApplication'].some((op) => mayTake(a, op));
  return (
    <>
      {!canAct && (
        <Alert type="info" showIcon data-testid="no-action" title="当前无需您操作" description={`当前环节：${a.waitingFor}`} />
      )}
      {deciding && <ReviewerActions application={a} />}
      <EvaluationCard application={a} methods={methods} />
      <PublicityCard application={a} />
    </>
  );
}
