import { Card, Space, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../../api/client';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { batchStatusColors, useTerms } from '../../../lib/terms';
import { batchKeys } from '../queries';

const batchQueueStatuses = ['Filed', 'Suspended', 'InPublicity', 'Publicized', 'Reported'] as const;

/** Certification batches in the caller's area by stage: plans filed with it (已报备), results reported to it (结果已报备) … */
export function BatchQueue() {
  const navigate = useNavigate();
  const terms = useTerms();
  const counts = useQuery({
    queryKey: batchKeys.queueCounts(),
    queryFn: () => Promise.all(batchQueueStatuses.map(async (status) =>
      ({ status, total: (await unwrap(api.GET('/api/batches', { params: { query: { status, pageSize: 1 } } }))).total }))),
  });
  return (
    <Card title="辖区内认定批次（按环节）" data-testid="batch-queue">
      <ProblemAlert error={counts.error} />
      <Space wrap>
        {(counts.data ?? []).map((c) => (
          <Tag key={c.status} color={c.total > 0 ? batchStatusColors[c.status] : 'default'} style={{ cursor: 'pointer', padding: '4px 10px' }}
            onClick={() => navigate(`/batches?status=${c.status}`)}>
            {terms.name('batchStatuses', c.status)}：{c.total}
          </Tag>
        ))}
      </Space>
    </Card>
  );
}
