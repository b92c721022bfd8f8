import { useState } from 'react';
import { Card, Descriptions, Input, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import dayjs from 'dayjs';
import { api, unwrap, type Schemas } from '../api/client';
import { useMe } from '../auth/session';
import { ProblemAlert } from '../lib/ProblemAlert';
import { useAreas } from '../lib/areas';
import { categoryNames, natureNames, Roles } from '../lib/roles';
import { applicationStatusNames } from './ApplicationsPage';

const queueStatuses = ['Submitted', 'Accepted', 'UnderEvaluation', 'EvaluationPassed', 'InPublicity'] as const;

/** How many applications wait at each stage in the caller's jurisdiction (or, for an expert, its assignments). */
function Queue() {
  const navigate = useNavigate();
  const counts = useQuery({
    queryKey: ['queue-counts'],
    queryFn: () => Promise.all(queueStatuses.map(async (status) =>
      ({ status, total: (await unwrap(api.GET('/api/filing/applications', { params: { query: { status, pageSize: 1 } } }))).total }))),
  });
  return (
    <Card title="备案申请待办" data-testid="queue">
      <Space wrap>
        {(counts.data ?? []).map((c) => (
          <Tag key={c.status} color={c.total > 0 ? applicationStatusNames[c.status].color : 'default'} style={{ cursor: 'pointer', padding: '4px 10px' }}
            onClick={() => navigate(`/applications?status=${c.status}`)}>
            {applicationStatusNames[c.status].text}：{c.total}
          </Tag>
        ))}
      </Space>
    </Card>
  );
}

type Organization = Schemas['Filing.Organizations.Organization'];

/** The reviewer's home: who it acts for, and the organizations of its jurisdiction (and below). */
export function WorkbenchPage() {
  const { data: me } = useMe();
  const navigate = useNavigate();
  const { areaName } = useAreas();
  const [name, setName] = useState('');
  const [page, setPage] = useState(1);
  const organizations = useQuery({
    queryKey: ['organizations', name, page],
    queryFn: () => unwrap(api.GET('/api/organizations', { params: { query: { name: name || undefined, page, pageSize: 20 } } })),
  });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>审核工作台</Typography.Title>
        <Descriptions column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="用户">{me?.displayName}</Descriptions.Item>
          <Descriptions.Item label="角色">{me?.roleName}</Descriptions.Item>
          <Descriptions.Item label="主管部门">{me?.authority ? <span data-testid="authority-name">{me.authority.name}</span> : '全部辖区'}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          仅显示本辖区及下级辖区的评价机构。
        </Typography.Paragraph>
      </Card>
      {(me?.role === Roles.reviewer || me?.role === Roles.expert) && <Queue />}
      <Card
        title={`辖区内评价机构（${organizations.data?.total ?? 0}）`}
        extra={<Input.Search placeholder="按机构名称搜索" allowClear onSearch={(v) => { setName(v); setPage(1); }} style={{ width: 260 }} />}
      >
        <ProblemAlert error={organizations.error} />
        <Table<Organization>
          rowKey="id"
          loading={organizations.isLoading}
          dataSource={organizations.data?.items ?? []}
          onRow={(o) => ({ onClick: () => navigate(`/organizations/${o.id}`), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 20, total: organizations.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 家` }}
          columns={[
            { title: '机构名称', dataIndex: 'name' },
            { title: '类别', dataIndex: 'category', render: (c: string) => <Tag>{categoryNames[c] ?? c}</Tag> },
            { title: '性质', dataIndex: 'nature', render: (n: string) => natureNames[n] ?? n },
            { title: '所在地', dataIndex: 'areaCode', render: (a: string) => areaName(a) },
            { title: '统一社会信用代码', dataIndex: 'creditCode' },
            { title: '登记时间', dataIndex: 'registeredAt', render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm') },
          ]}
        />
      </Card>
    </Space>
  );
}
