import { useState } from 'react';
import { Card, Descriptions, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useMe } from '../../../auth/session';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { applicationColumns } from '../components/applicationColumns';
import { AwaitingMe } from '../components/AwaitingMe';
import { applicationKeys } from '../queries';

type Summary = Schemas['Filing.ApplicationSummary'];

/** An expert's home: the applications assigned to it, those waiting for its scores first (FIL-16). */
export function AssignmentsPage() {
  const { data: me } = useMe();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const all = useQuery({
    queryKey: applicationKeys.assigned(page),
    queryFn: () => unwrap(api.GET('/api/filing/applications', { params: { query: { page, pageSize: 20 } } })),
  });
  // the ones waiting for this expert come first
  const rows = [...(all.data?.items ?? [])].sort((x, y) => Number(y.awaitingCaller) - Number(x.awaitingCaller));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>我的评估任务</Typography.Title>
        <Descriptions column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="专家">{me?.displayName}</Descriptions.Item>
          <Descriptions.Item label="所属部门">{me?.authority?.name ?? '—'}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          主管部门指派给您的技术评估：请查阅申报内容和材料，按六个方面打分（0–100），填写现场核查情况和评估意见。
        </Typography.Paragraph>
      </Card>
      <AwaitingMe title="待我评分" empty="暂无等待您评分的申请" />
      <Card title={`全部评估任务（${all.data?.total ?? 0}）`} data-testid="assignments">
        <ProblemAlert error={all.error} />
        <Table<Summary>
          rowKey="id"
          loading={all.isLoading}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          onRow={(a) => ({ onClick: () => navigate(`/applications/${a.id}`), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 20, total: all.data?.total ?? 0, onChange: setPage }}
          columns={applicationColumns()}
        />
      </Card>
    </Space>
  );
}
