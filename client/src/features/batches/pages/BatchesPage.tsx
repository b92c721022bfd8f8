import { useState } from 'react';
import { Button, Card, Checkbox, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useMe } from '../../../auth/session';
import { useAreas } from '../../../lib/areas';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { Roles } from '../../../lib/roles';
import { useTerms } from '../../../lib/terms';
import { BatchStatusTag, BatchDeadlineTag } from '../components/BatchTags';
import { filingKeys } from '../../filing/queries';
import { batchKeys } from '../queries';
import { FilingLink, OrganizationLink } from '../../../lib/links';

type BatchItem = Schemas['Batches.BatchListItem'];
type BatchStatus = Schemas['Batches.BatchStatus'];

/** Certification batches: an organization's own (drafts included), or those filed in an authority's area. */
export function BatchesPage() {
  const { data: me } = useMe();
  const terms = useTerms();
  const { authorityName } = useAreas();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(searchParams.get('new') === '1');
  const [status, setStatus] = useState<BatchStatus | undefined>((searchParams.get('status') as BatchStatus | null) ?? undefined);
  const isOrganization = me?.role === Roles.organization;
  const isInspector = me?.role === Roles.inspector;
  const [mine, setMine] = useState(searchParams.get('mine') === '1');
  const dispatchedToMe = isInspector && mine ? true : undefined;
  const list = useQuery({
    queryKey: batchKeys.list({ page, status, dispatchedToMe }),
    queryFn: () => unwrap(api.GET('/api/batches', { params: { query: { page, pageSize: 20, status, dispatchedToMe } } })),
  });
  const closeCreating = () => {
    setCreating(false);
    if (searchParams.has('new')) {
      searchParams.delete('new');
      setSearchParams(searchParams, { replace: true });
    }
  };

  return (
    <Card
      title={isOrganization ? '本机构认定批次' : '辖区内认定批次'}
      extra={
        <Space wrap>
          <Select allowClear placeholder="按状态筛选" style={{ width: 170 }} value={status} aria-label="按状态筛选"
            onChange={(v) => { setStatus(v); setPage(1); }}
            options={terms.options('batchStatuses').filter((o) => isOrganization || o.value !== 'Draft')} />
          {isInspector && (
            <Checkbox checked={mine} onChange={(e) => { setMine(e.target.checked); setPage(1); }}>只看选派给我的</Checkbox>
          )}
          {list.data?.actions.includes('draftBatch') && <Button type="primary" onClick={() => setCreating(true)}>新建批次</Button>}
        </Space>
      }
      styles={{ header: { flexWrap: 'wrap', rowGap: 8, paddingBlock: 8 } }}
    >
      <ProblemAlert error={list.error} />
      <Table<BatchItem>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        onRow={(b) => ({ onClick: () => navigate(`/batches/${b.id}`), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 个批次` }}
        columns={[
          { title: '批次名称', dataIndex: 'title', width: 220 },
          ...(isOrganization ? [] : [{
            title: '评价机构', width: 200,
            render: (_: unknown, b: BatchItem) => <OrganizationLink id={b.organizationId} name={b.organizationName} />,
          }]),
          { title: '备案编号', width: 150, render: (_: unknown, b: BatchItem) => <FilingLink id={b.filingId} number={b.filingNumber} /> },
          { title: '状态', width: 130, render: (_: unknown, b: BatchItem) => <BatchStatusTag status={b.status} /> },
          { title: '首个认定日', width: 110, render: (_: unknown, b: BatchItem) => b.firstExamDay ?? '—' },
          { title: '考生', dataIndex: 'candidates', width: 70, render: (n: number) => `${n} 人` },
          { title: '时限', width: 250, render: (_: unknown, b: BatchItem) => <BatchDeadlineTag batch={b} /> },
          { title: '受理部门', width: 200, render: (_: unknown, b: BatchItem) => (b.receivingAuthority ? authorityName(b.receivingAuthority) : '报备后确定') },
        ]}
      />
      {creating && <NewBatchModal onClose={closeCreating} />}
    </Card>
  );
}

/** A new batch under one of the organization's granted filings that stands (BAT-03). */
function NewBatchModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<{ filingId: string; title: string }>();
  const navigate = useNavigate();
  const terms = useTerms();
  const filings = useQuery({
    queryKey: filingKeys.ownActive(),
    queryFn: () => unwrap(api.GET('/api/filing/filings', { params: { query: { status: 'Active', pageSize: 100 } } })),
  });
  const draft = useMutation({
    mutationFn: (body: { filingId: string; title: string }) => unwrap(api.POST('/api/batches', { body: { ...body, title: body.title.trim() } })),
    onSuccess: (created) => navigate(`/batches/${created.value}`),
  });
  const options = (filings.data?.items ?? []).map((f) => ({
    value: f.id,
    label: `${f.filingNumber}（${terms.scopeName(f.jurisdiction, f.scope)}：${f.occupations.map((o) => o.name).join('、')}）`,
  }));
  return (
    <Modal open title="新建认定批次" onCancel={onClose} onOk={() => form.submit()} confirmLoading={draft.isPending}
      okText="创建" cancelText="取消" destroyOnHidden>
      <Form form={form} name="newBatch" layout="vertical" onFinish={(v) => draft.mutate(v)}>
        <Form.Item name="filingId" label="依据的备案" rules={[{ required: true, message: '请选择依据的备案' }]}
          extra={filings.data && options.length === 0 ? '本机构没有有效的备案，不能组织认定。' : '只能在备案的职业（工种）、等级和服务区域内组织认定。'}>
          <Select options={options} loading={filings.isLoading} placeholder="选择本机构的有效备案" />
        </Form.Item>
        <Form.Item name="title" label="批次名称" rules={[{ required: true, whitespace: true, message: '请填写批次名称' }, { max: 100, message: '不超过100字' }]}>
          <Input placeholder="如：2026年第4批电工职业技能等级认定" />
        </Form.Item>
        <ProblemAlert error={filings.error ?? draft.error} />
      </Form>
    </Modal>
  );
}
