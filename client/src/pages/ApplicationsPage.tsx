import { useState } from 'react';
import { Button, Card, Form, Modal, Select, Table, Tag } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../api/client';
import { useMe } from '../auth/session';
import { ProblemAlert } from '../lib/ProblemAlert';
import { Roles } from '../lib/roles';

type Application = Schemas['Filing.Applications.ApplicationSummary'];

export const applicationStatusNames: Record<string, { text: string; color: string }> = {
  Draft: { text: '草稿', color: 'default' },
  Submitted: { text: '待受理', color: 'blue' },
  Returned: { text: '退回补正', color: 'orange' },
  Accepted: { text: '已受理', color: 'green' },
  UnderEvaluation: { text: '技术评估中', color: 'cyan' },
  EvaluationPassed: { text: '评估通过待公示', color: 'geekblue' },
  InPublicity: { text: '公示中', color: 'purple' },
  Granted: { text: '已备案', color: 'success' },
  Rejected: { text: '不予备案', color: 'red' },
};

/** Working days are counted on the server; the queue shows calendar days left to the deadline as a countdown. */
type Deadline = Schemas['Filing.Applications.DeadlineView'];

/** A deadline that applies now, as the server counted it in the rule's unit; nothing when none applies. */
export function DeadlineTag({ deadline }: { deadline?: Deadline | null }) {
  if (!deadline) return <span>—</span>;
  const color = deadline.overdue ? 'red' : deadline.remaining != null && deadline.remaining <= 3 ? 'orange' : 'green';
  return <Tag color={color} data-testid="deadline">{deadline.label}：{deadline.text}</Tag>;
}

/** Filing applications: an organization's own, or a reviewer's queue (submitted ones in its jurisdiction). */
export function ApplicationsPage() {
  const { data: me } = useMe();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [searchParams] = useSearchParams();
  const [status, setStatus] = useState<Application['status'] | undefined>((searchParams.get('status') as Application['status'] | null) ?? undefined);
  const list = useQuery({
    queryKey: ['applications', page, status],
    queryFn: () => unwrap(api.GET('/api/filing/applications', { params: { query: { page, pageSize: 20, status } } })),
  });
  const isOrganization = me?.role === Roles.organization;

  return (
    <Card
      title={isOrganization ? '本机构备案申请' : '备案申请受理队列'}
      extra={
        <>
          <Select allowClear placeholder="按状态筛选" style={{ width: 160, marginRight: 8 }} value={status} aria-label="按状态筛选"
            onChange={(v) => { setStatus(v); setPage(1); }}
            options={Object.entries(applicationStatusNames).map(([value, s]) => ({ value, label: s.text }))} />
          {isOrganization && <Button type="primary" onClick={() => setCreating(true)}>新建备案申请</Button>}
        </>
      }
    >
      <ProblemAlert error={list.error} />
      <Table<Application>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        onRow={(a) => ({ onClick: () => navigate(`/applications/${a.id}`), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: '机构', dataIndex: 'organizationName' },
          { title: '辖区 / 范围', render: (_, a) => `${a.jurisdictionName} · ${a.scopeName}` },
          { title: '类型', dataIndex: 'kindName' },
          { title: '状态', dataIndex: 'status', render: (s: string, a) => <Tag color={applicationStatusNames[s]?.color}>{a.statusName}</Tag> },
          { title: '当前环节', dataIndex: 'waitingFor' },
          { title: '时限', render: (_, a) => <DeadlineTag deadline={a.deadline} /> },
          { title: '受理部门', render: (_, a) => a.handlingAuthorityName ?? '—' },
        ]}
      />
      {creating && <NewApplicationModal onClose={() => setCreating(false)} />}
    </Card>
  );
}

function NewApplicationModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<{ jurisdiction: string; scope: string }>();
  const navigate = useNavigate();
  const jurisdiction = Form.useWatch('jurisdiction', form);
  const policies = useQuery({ queryKey: ['policies'], queryFn: () => unwrap(api.GET('/api/policies')) });
  const policy = useQuery({
    queryKey: ['policy', jurisdiction],
    enabled: !!jurisdiction,
    queryFn: () => unwrap(api.GET('/api/policies/{jurisdiction}', { params: { path: { jurisdiction } } })),
  });
  const draft = useMutation({
    mutationFn: (body: { jurisdiction: string; scope: string }) => unwrap(api.POST('/api/filing/applications', { body })),
    onSuccess: (created) => navigate(`/applications/${created.value}`),
  });
  return (
    <Modal open title="新建备案申请" onCancel={onClose} onOk={() => form.submit()} confirmLoading={draft.isPending} okText="创建" destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => draft.mutate(v)}>
        <Form.Item name="jurisdiction" label="备案辖区" rules={[{ required: true, message: '请选择辖区' }]}>
          <Select options={(policies.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item name="scope" label="服务范围" rules={[{ required: true, message: '请选择服务范围' }]}>
          <Select options={(policy.data?.filing.scopes ?? []).map((s) => ({ value: s.scope, label: `${s.name}${s.threshold ? `（连续${s.threshold.years}年、累计${s.threshold.cumulativePersonTimes}人次）` : ''}` }))} />
        </Form.Item>
        {draft.error && <ProblemAlert error={draft.error} />}
      </Form>
    </Modal>
  );
}
