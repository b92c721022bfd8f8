import { useState } from 'react';
import { Card, Empty, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../../api/client';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { applicationColumns } from './applicationColumns';
import { applicationKeys } from '../queries';

type Summary = Schemas['Filing.ApplicationSummary'];

/** What waits for the caller now (awaitingMe): the applications its authority must act on. */
export function AwaitingMe({ title, empty }: { title: string; empty: string }) {
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const awaiting = useQuery({
    queryKey: applicationKeys.awaitingMe(page),
    queryFn: () => unwrap(api.GET('/api/filing/applications', { params: { query: { awaitingMe: true, page, pageSize: 10 } } })),
  });
  return (
    <Card title={`${title}（${awaiting.data?.total ?? 0}）`} data-testid="awaiting-me">
      <ProblemAlert error={awaiting.error} />
      <Table<Summary>
        rowKey="id"
        size="small"
        loading={awaiting.isLoading}
        dataSource={awaiting.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
        onRow={(a) => ({ onClick: () => navigate(`/applications/${a.id}`), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: 10, total: awaiting.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={applicationColumns()}
      />
    </Card>
  );
}
