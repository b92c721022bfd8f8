import { useState } from 'react';
import { Button, Card, Form, Modal, Select, Space, Table } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useMe } from '../../../auth/session';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { useTerms } from '../../../lib/terms';
import { applicationColumns } from '../components/applicationColumns';
import { policyKeys } from '../../policies/queries';
import { applicationKeys } from '../queries';

type Application = Schemas['Filing.ApplicationSummary'];

/** Filing applications: an organization's own, or a reviewer's queue (submitted ones in its jurisdiction). */
export function ApplicationsPage() {
  const { data: me } = useMe();
  const terms = useTerms();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [searchParams, setSearchParams] = useSearchParams();
  const [creating, setCreating] = useState(searchParams.get('new') === '1');
  const [status, setStatus] = useState<Application['status'] | undefined>((searchParams.get('status') as Application['status'] | null) ?? undefined);
  const list = useQuery({
    queryKey: applicationKeys.list({ page, status }),
    queryFn: () => unwrap(api.GET('/api/filing/applications', { params: { query: { page, pageSize: 20, status } } })),
  });
  // the title and columns follow who reads; the 新建 button follows the list's actions (draftFilingApplication)
  const isOrganization = !!me?.organizationId;
  const closeCreating = () => {
    setCreating(false);
    if (searchParams.has('new')) {
      searchParams.delete('new');
      setSearchParams(searchParams, { replace: true });
    }
  };

  return (
    <Card
      title={isOrganization ? '本机构备案申请' : '备案申请受理队列'}
      extra={
        <Space wrap>
          <Select allowClear placeholder="按状态筛选" style={{ width: 160 }} value={status} aria-label="按状态筛选"
            onChange={(v) => { setStatus(v); setPage(1); }}
            options={terms.options('applicationStatuses')} />
          {list.data?.actions.includes('draftFilingApplication') && <Button type="primary" onClick={() => setCreating(true)}>新建备案申请</Button>}
        </Space>
      }
      styles={{ header: { flexWrap: 'wrap', rowGap: 8, paddingBlock: 8 } }}
    >
      <ProblemAlert error={list.error} />
      <Table<Application>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        onRow={(a) => ({ onClick: () => navigate(`/applications/${a.id}`), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={applicationColumns({ organization: !isOrganization })}
      />
      {creating && <NewApplicationModal onClose={closeCreating} />}
    </Card>
  );
}

function NewApplicationModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<{ jurisdiction: string; scope: string }>();
  const navigate = useNavigate();
  const jurisdiction = Form.useWatch('jurisdiction', form);
  const policies = useQuery({ queryKey: policyKeys.list(), queryFn: () => unwrap(api.GET('/api/policies')) });
  const policy = useQuery({
    queryKey: policyKeys.detail(jurisdiction),
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
          <Select options={(policy.data?.filing.scopes ?? []).map((s) => ({
            value: s.scope,
            label: `${s.name}${s.threshold ? `（连续${s.threshold.years}年、累计${s.threshold.cumulativePersonTimes}人次）` : ''}`,
          }))} />
        </Form.Item>
        {draft.error && <ProblemAlert error={draft.error} />}
      </Form>
    </Modal>
  );
}
