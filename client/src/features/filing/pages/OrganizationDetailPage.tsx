import { Card, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { api, unwrap } from '../../../api/client';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { OrganizationDescriptions } from '../components/OrganizationDescriptions';
import { organizationKeys } from '../queries';

export function OrganizationDetailPage() {
  const { id } = useParams();
  const query = useQuery({
    queryKey: organizationKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/organizations/{organizationId}', { params: { path: { organizationId: id! } } })),
  });
  return (
    <Card title="评价机构">
      <ProblemAlert error={query.error} />
      {query.isLoading ? <Skeleton active /> : query.data && <OrganizationDescriptions organization={query.data} />}
    </Card>
  );
}
