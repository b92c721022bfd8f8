import { useState } from 'react';
import { Card, Descriptions, Input, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useMe } from '../../../auth/session';
import { formatDateTime } from '../../../lib/format';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { useAreas } from '../../../lib/areas';
import { Roles } from '../../../lib/roles';
import { applicationStatusColors, useTerms } from '../../../lib/terms';
import { WaitingWork } from '../../workbench/WaitingWork';
import { BatchQueue } from '../../batches/components/BatchQueue';
import { applicationKeys, organizationKeys } from '../queries';

const queueStatuses = ['Submitted', 'Accepted', 'UnderEvaluation', 'EvaluationPassed', 'InPublicity'] as const;

type Organization = Schemas['Filing.Organization'];

/** The page's title says whose page it is: reviewers review, inspectors supervise, administrators and auditors overview. */
export function workbenchTitle(role: string | undefined): string {
  switch (role) {
    case Roles.reviewer:
      return '审核工作台';
    case Roles.inspector:
      return '督查工作台';
    default:
      return '机构总览';
  }
}

/** How many applications wait at each stage in the caller's jurisdiction. */
function Queue() {
  const navigate = useNavigate();
  const terms = useTerms();
  const counts = useQuery({
    queryKey: applicationKeys.queueCounts(),
    queryFn: () => Promise.all(queueStatuses.map(async (status) =>
      ({ status, total: (await unwrap(api.GET('/api/filing/applications', { params: { query: { status, pageSize: 1 } } }))).total }))),
  });
  return (
    <Card title="辖区内备案申请（按环节）" data-testid="queue">
      <Space wrap>
        {(counts.data ?? []).map((c) => (
          <Tag key={c.status} color={c.total > 0 ? applicationStatusColors[c.status] : 'default'} style={{ cursor: 'pointer', padding: '4px 10px' }}
            onClick={() => navigate(`/applications?status=${c.status}`)}>
            {terms.name('applicationStatuses', c.status)}：{c.total}
          </Tag>
        ))}
      </Space>
    </Card>
  );
}

/** The home of reviewers and inspectors (their jurisdiction), and the organizations overview of administrators and auditors. */
export function WorkbenchPage() {
  const { data: me } = useMe();
  const navigate = useNavigate();
  const { areaName } = useAreas();
  const terms = useTerms();
  const [name, setName] = useState('');
  const [page, setPage] = useState(1);
  const organizations = useQuery({
    queryKey: organizationKeys.list({ name, page }),
    queryFn: () => unwrap(api.GET('/api/organizations', { params: { query: { name: name || undefined, page, pageSize: 20 } } })),
  });
  const reviewer = me?.role === Roles.reviewer;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>{workbenchTitle(me?.role)}</Typography.Title>
        <Descriptions column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="用户">{me?.displayName}</Descriptions.Item>
          <Descriptions.Item label="角色">{me?.roleName}</Descriptions.Item>
          <Descriptions.Item label="主管部门">{me?.authority ? <span data-testid="authority-name">{me.authority.name}</span> : '全部辖区'}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {me?.authority ? '仅显示本辖区及下级辖区的评价机构和备案申请。' : '显示全部辖区的评价机构。'}
        </Typography.Paragraph>
      </Card>
      <WaitingWork />
      {(reviewer || me?.role === Roles.inspector) && <Queue />}
      {(reviewer || me?.role === Roles.inspector) && <BatchQueue />}
      <Card
        title={`${me?.authority ? '辖区内' : '全部'}评价机构（${organizations.data?.total ?? 0}）`}
        extra={(
          <Input.Search placeholder="按机构名称搜索" allowClear onSearch={(v) => { setName(v); setPage(1); }} style={{ width: 220 }}
            aria-label="按机构名称搜索" />
        )}
        styles={{ header: { flexWrap: 'wrap', rowGap: 8, paddingBlock: 8 } }}
      >
        <ProblemAlert error={organizations.error} />
        <Table<Organization>
          rowKey="id"
          loading={organizations.isLoading}
          dataSource={organizations.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          onRow={(o) => ({ onClick: () => navigate(`/organizations/${o.id}`), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 20, total: organizations.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 家` }}
          columns={[
            { title: '机构名称', dataIndex: 'name', width: 220 },
            { title: '类别', dataIndex: 'category', width: 170, render: (c: string) => <Tag>{terms.name('organizationCategories', c)}</Tag> },
            { title: '性质', dataIndex: 'nature', width: 120, render: (n: string) => terms.name('organizationNatures', n) },
            { title: '所在地', dataIndex: 'areaCode', width: 100, render: (a: string) => areaName(a) },
            { title: '统一社会信用代码', dataIndex: 'creditCode', width: 190 },
            { title: '登记时间', dataIndex: 'registeredAt', width: 150, render: (t: string) => formatDateTime(t) },
          ]}
        />
      </Card>
    </Space>
  );
}
