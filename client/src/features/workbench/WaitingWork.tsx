import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../api/client';
import { ProblemAlert } from '../../lib/ProblemAlert';

type Item = Schemas['Api.WorkbenchItem'];

export const workbenchKeys = {
  all: ['workbench'] as const,
};

/** Each kind of waiting work in its own colour (the name is the server's). */
const kindColors: Record<string, string> = {
  filingApplication: 'blue',
  returnedApplication: 'orange',
  batchReportToReview: 'purple',
  suspendedBatch: 'volcano',
  batchReportDue: 'cyan',
  returnedBatchReport: 'orange',
  certificateCorrection: 'geekblue',
  haltedIssuance: 'magenta',
};

/** The deadline as people read it: red 已逾期 first, then the working days left; none says so. */
export function Deadline({ item }: { item: Item }) {
  if (!item.dueOn) return <Typography.Text type="secondary">{item.deadlineText}</Typography.Text>;
  if (item.overdue) return <Tag color="red" data-testid="overdue">{item.deadlineText}</Tag>;
  const soon = item.workingDaysLeft != null && item.workingDaysLeft <= 3;
  return <Tag color={item.uncounted ? 'default' : soon ? 'gold' : 'green'}>{item.deadlineText}</Tag>;
}

/**
 * 待我处理: everything waiting for the caller across filing, batches and certificates (GET /api/workbench), overdue first, then by
 * deadline; one click opens the page where the decision is taken.
 */
export function WaitingWork() {
  const navigate = useNavigate();
  const workbench = useQuery({ queryKey: workbenchKeys.all, queryFn: () => unwrap(api.GET('/api/workbench')) });
  const items = workbench.data?.items ?? [];
  const overdue = workbench.data?.overdue ?? 0;
  return (
    <Card
      data-testid="waiting-work"
      title={(
        <Space wrap>
          <span>待我处理（{items.length}{workbench.data?.truncated ? '+' : ''}）</span>
          {overdue > 0 && <Tag color="red">已逾期 {overdue} 项</Tag>}
        </Space>
      )}
    >
      <ProblemAlert error={workbench.error} />
      <Table<Item>
        rowKey={(i) => `${i.kind}:${i.objectId}`}
        size="small"
        loading={workbench.isLoading}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无待办事项" /> }}
        onRow={(i) => ({ onClick: () => navigate(i.link), style: { cursor: 'pointer' } })}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 项` }}
        columns={[
          { title: '类别', dataIndex: 'kindName', width: 150, render: (name: string, i) => <Tag color={kindColors[i.kind]}>{name}</Tag> },
          {
            title: '事项', dataIndex: 'title', width: 280,
            render: (title: string, i) => <a href={i.link} onClick={(e) => e.preventDefault()}>{title}</a>,
          },
          { title: '需要我做', dataIndex: 'expected', width: 320 },
          { title: '办理时限', key: 'deadline', width: 220, render: (_: unknown, i) => <Deadline item={i} /> },
        ]}
      />
    </Card>
  );
}
