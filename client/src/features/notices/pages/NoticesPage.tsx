import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../../api/client';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { useAreas } from '../../../lib/areas';
import { noticeStatusColors, useTerms } from '../../../lib/terms';
import { formatDateTime } from '../../../lib/format';
import { CardList } from '../../../lib/CardList';
import { usePhone } from '../../../lib/responsive';
import { policyKeys } from '../../policies/queries';
import { noticeKeys } from '../queries';

type Notice = Schemas['Notices.PublicNotice'];
type Kind = Schemas['SharedKernel.NoticeKind'];
type Status = Schemas['SharedKernel.NoticeStatus'];

/** Public list of notices (公示公告), filterable by kind, jurisdiction and status; a phone shows cards, not the table. */
export function NoticesPage() {
  const navigate = useNavigate();
  const phone = usePhone();
  const { areaName } = useAreas();
  const terms = useTerms();
  const [kind, setKind] = useState<Kind | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  const [jurisdiction, setJurisdiction] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const policies = useQuery({ queryKey: policyKeys.list(), queryFn: () => unwrap(api.GET('/api/policies')) });
  const notices = useQuery({
    queryKey: noticeKeys.list({ kind, status, jurisdiction, q, page }),
    queryFn: () => unwrap(api.GET('/api/notices', { params: { query: { kind, status, jurisdiction, q: q || undefined, page, pageSize: 20 } } })),
  });
  const pagination = { current: page, pageSize: 20, total: notices.data?.total ?? 0, onChange: setPage, showTotal: (t: number) => `共 ${t} 条` };
  const statusTag = (n: Notice) => <Tag color={noticeStatusColors[n.status]}>{terms.name('noticeStatuses', n.status)}</Tag>;

  return (
    <Card
      title="公示公告"
      extra={
        <Space wrap>
          <Select allowClear placeholder="类型" style={{ width: 140 }} onChange={(v) => { setKind(v); setPage(1); }}
            options={terms.options('noticeKinds')} aria-label="类型" />
          <Select allowClear placeholder="辖区" style={{ width: 200 }} onChange={(v) => { setJurisdiction(v); setPage(1); }}
            options={(policies.data ?? []).map((p) => ({ value: p.id, label: p.name }))} aria-label="辖区" />
          <Select allowClear placeholder="状态" style={{ width: 120 }} onChange={(v) => { setStatus(v); setPage(1); }}
            options={terms.options('noticeStatuses')} aria-label="状态" />
          <Input.Search allowClear placeholder="按标题搜索" onSearch={(v) => { setQ(v); setPage(1); }} style={{ width: 200 }} />
          {notices.data?.actions.includes('publishNotice') && <Button type="primary" onClick={() => navigate('/notices/new')}>发布公告</Button>}
        </Space>
      }
      styles={{ header: { flexWrap: 'wrap', rowGap: 8, paddingBlock: 8 } }}
    >
      <ProblemAlert error={notices.error} />
      {phone ? (
        <CardList<Notice> items={notices.data?.items ?? []} loading={notices.isLoading} rowKey={(n) => n.id} testId="notice-card"
          href={(n) => `/notices/${n.id}`} title={(n) => n.subject} tag={statusTag} pagination={pagination}
          fields={(n) => [
            { label: '类型', value: terms.name('noticeKinds', n.kind) },
            { label: '辖区', value: areaName(n.areaCode) },
            { label: '公示期', value: `${n.windowStart} 至 ${n.windowEnd}` },
            { label: '发布时间', value: formatDateTime(n.publishedAt) },
          ]} />
      ) : (
        <Table<Notice>
          rowKey="id"
          loading={notices.isLoading}
          dataSource={notices.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          onRow={(n) => ({ onClick: () => navigate(`/notices/${n.id}`), style: { cursor: 'pointer' } })}
          pagination={pagination}
          columns={[
            { title: '标题', dataIndex: 'subject', width: 280 },
            { title: '类型', dataIndex: 'kind', width: 120, render: (k: string) => <Tag>{terms.name('noticeKinds', k)}</Tag> },
            { title: '辖区', dataIndex: 'areaCode', width: 100, render: (a: string) => areaName(a) },
            { title: '公示期', width: 210, render: (_, n) => `${n.windowStart} 至 ${n.windowEnd}` },
            { title: '状态', dataIndex: 'status', width: 90, render: (_, n) => statusTag(n) },
            { title: '发布时间', dataIndex: 'publishedAt', width: 150, render: (t: string) => formatDateTime(t) },
          ]}
        />
      )}
    </Card>
  );
}
