import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../../api/client';
import { OrganizationLink } from '../../../lib/links';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { activityKeys } from '../queries';

type ActivityEntry = Schemas['Api.ActorActivityEntry'];

const pageSize = 20;

/** How far behind the log the count is, in words (the count is kept asynchronously). */
export function lagText(countedThrough: number, logPosition: number): string | null {
  if (countedThrough >= logPosition) return null;
  return `统计正在更新：尚有 ${logPosition - countedThrough} 条记录未计入，请稍后刷新。`;
}

/**
 * 人员操作统计 (AUD-01), for auditors: how many recorded actions each person took on each day, by name, role and unit,
 * newest day first; a click on a name shows that person's days alone (also opened so from other audit pages:
 * <code>?userId=&name=</code>), a unit that is an organization opens it.
 */
export function ActivityPage() {
  const [range, setRange] = useState<readonly [string, string] | null>(null);
  const [params] = useSearchParams();
  const linked = params.get('userId');
  const [person, setPerson] = useState<{ id: string; name: string } | null>(linked ? { id: linked, name: params.get('name') ?? '' } : null);
  const [page, setPage] = useState(1);
  const activity = useQuery({
    queryKey: activityKeys.list(range, person?.id, page),
    queryFn: () => unwrap(api.GET('/api/audit/activity', {
      params: { query: { from: range?.[0], to: range?.[1], userId: person?.id, page, pageSize } },
    })),
  });
  const lag = activity.data ? lagText(activity.data.countedThrough, activity.data.logPosition) : null;
  return (
    <Card title="人员操作统计" data-testid="actor-activity">
      <Typography.Paragraph type="secondary">
        平台记录每一项操作的操作人。此处按人、按日统计操作次数，便于发现异常集中的操作；点击姓名只看该人员的记录。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }} wrap>
        <DatePicker.RangePicker aria-label="日期范围"
          onChange={(days: [Dayjs | null, Dayjs | null] | null) => {
            setRange(days?.[0] && days[1] ? [days[0].format('YYYY-MM-DD'), days[1].format('YYYY-MM-DD')] : null);
            setPage(1);
          }} />
        {person && (
          <Tag closable onClose={() => { setPerson(null); setPage(1); }} data-testid="person-filter">人员：{person.name}</Tag>
        )}
        <Button onClick={() => void activity.refetch()}>刷新</Button>
      </Space>
      {lag && <Alert type="info" showIcon message={lag} style={{ marginBottom: 12 }} />}
      <ProblemAlert error={activity.error} />
      <Table<ActivityEntry>
        rowKey={(r) => `${r.userId}/${r.day}`}
        size="small"
        loading={activity.isLoading}
        dataSource={activity.data?.items ?? []}
        locale={{ emptyText: '没有操作记录' }}
        pagination={{
          current: page, pageSize, total: activity.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条`,
          showSizeChanger: false,
        }}
        columns={[
          { title: '日期', dataIndex: 'day', width: 120 },
          {
            title: '人员', width: 160,
            render: (_, r) => (
              <Typography.Link onClick={() => { setPerson({ id: r.userId, name: r.name }); setPage(1); }}>{r.name}</Typography.Link>
            ),
          },
          { title: '角色', dataIndex: 'roleName', width: 120 },
          { title: '所属单位', render: (_, r) => (r.unit ? <OrganizationLink id={r.organizationId} name={r.unit} /> : '—') },
          { title: '操作次数', dataIndex: 'events', width: 100, align: 'right' },
          { title: '操作种类', dataIndex: 'kinds', width: 100, align: 'right' },
        ]}
      />
    </Card>
  );
}
