import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, Modal, Radio, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useMe } from '../../../auth/session';
import { ProblemAlert, applyFieldErrors } from '../../../lib/ProblemAlert';
import { useAreas } from '../../../lib/areas';
import { noticeStatusColors, useTerms } from '../../../lib/terms';
import { formatDateTime } from '../../../lib/format';
import { noticeKeys } from '../queries';

type Notice = Schemas['Notices.PublicNotice'];
type Objection = Schemas['Notices.Objection'];
type Lodge = Schemas['Notices.LodgeObjection'];

export function NoticeDetailPage() {
  const { id } = useParams();
  const { data: me } = useMe();
  const { areaName } = useAreas();
  const terms = useTerms();
  const [withdrawing, setWithdrawing] = useState(false);
  const notice = useQuery({
    queryKey: noticeKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/notices/{noticeId}', { params: { path: { noticeId: id! } } })),
  });
  if (notice.isLoading) return <Skeleton active />;
  if (notice.error || !notice.data) return <ProblemAlert error={notice.error} />;
  const n = notice.data;
  // buttons follow the server's actions (NoticeGuards), including who reads the objections and who opens an objector's contacts
  const may = (operation: string) => n.actions.includes(operation);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card extra={may('withdrawNotice') && <Button danger onClick={() => setWithdrawing(true)}>撤回公告</Button>}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>{n.subject}</Typography.Title>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="类型">{terms.name('noticeKinds', n.kind)}</Descriptions.Item>
          <Descriptions.Item label="辖区">{areaName(n.areaCode)}</Descriptions.Item>
          <Descriptions.Item label="状态"><Tag color={noticeStatusColors[n.status]}>{terms.name('noticeStatuses', n.status)}</Tag></Descriptions.Item>
          <Descriptions.Item label="公示期">
            <span data-testid="notice-window">{n.windowStart} 至 {n.windowEnd}</span>（{n.length}{terms.name('publicityUnits', n.lengthUnit)}）
          </Descriptions.Item>
          <Descriptions.Item label="发布时间">{formatDateTime(n.publishedAt)}</Descriptions.Item>
          <Descriptions.Item label="异议">{n.objectionCount} 件（未处理 {n.openObjections} 件）</Descriptions.Item>
        </Descriptions>
        {n.withdrawalReason && <Typography.Paragraph type="danger">撤回原因：{n.withdrawalReason}</Typography.Paragraph>}
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 16 }}>{n.body}</Typography.Paragraph>
      </Card>
      {may('lodgeObjection') && <ObjectionForm notice={n} />}
      {me && may('listObjections') && (
        <StaffObjections notice={n} canResolve={may('resolveObjection')} canOpen={may('getObjection')} />
      )}
      {withdrawing && <WithdrawModal notice={n} onClose={() => setWithdrawing(false)} />}
    </Space>
  );
}

/** Anyone may object during the window; contact details go to the reviewers only. */
function ObjectionForm({ notice }: { notice: Notice }) {
  const [form] = Form.useForm<Lodge>();
  const client = useQueryClient();
  const lodge = useMutation({
    mutationFn: (body: Lodge) => unwrap(api.POST('/api/notices/{noticeId}/objections', { params: { path: { noticeId: notice.id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: noticeKeys.detail(notice.id) }),
    onError: (e) => applyFieldErrors(form, e),
  });
  if (lodge.data) return <Card><Result status="success" title="异议已提交" subTitle={lodge.data.message} /></Card>;
  return (
    <Card title="提出异议">
      <Typography.Paragraph type="secondary">
        公示期内，任何单位和个人均可提出异议。请如实填写联系方式，联系方式仅主管部门可见，用于核实与反馈。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" style={{ maxWidth: 640 }} onFinish={(v) => lodge.mutate(v)}>
        <Form.Item name="name" label="姓名或单位" rules={[{ required: true, message: '请填写姓名或单位' }]}><Input /></Form.Item>
        <Space size="large" wrap>
          <Form.Item name="phone" label="联系电话"><Input style={{ width: 240 }} /></Form.Item>
          <Form.Item name="email" label="电子邮箱"><Input style={{ width: 280 }} /></Form.Item>
        </Space>
        <Form.Item name="content" label="异议内容" rules={[{ required: true, message: '请写明异议的事实与理由' }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        {lodge.error && <div style={{ marginBottom: 16 }}><ProblemAlert error={lodge.error} /></div>}
        <Button type="primary" htmlType="submit" loading={lodge.isPending}>提交异议</Button>
      </Form>
    </Card>
  );
}

function StaffObjections({ notice, canResolve, canOpen }: { notice: Notice; canResolve: boolean; canOpen: boolean }) {
  const [resolving, setResolving] = useState<Objection | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const terms = useTerms();
  const objections = useQuery({
    queryKey: noticeKeys.objections(notice.id, notice.version),
    queryFn: () => unwrap(api.GET('/api/notices/{noticeId}/objections', { params: { path: { noticeId: notice.id } } })),
  });
  return (
    <Card title="异议处理">
      <Typography.Paragraph type="secondary">
        列表中异议人的姓名和联系方式已脱敏{canOpen ? '，点击“查看”查看完整联系方式（将记录查阅）' : ''}。
      </Typography.Paragraph>
      <ProblemAlert error={objections.error} />
      <Table<Objection>
        rowKey="id"
        loading={objections.isLoading}
        dataSource={objections.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '提出人', dataIndex: 'name', width: 120 },
          {
            title: '联系方式',
            width: 240,
            render: (_, o) => (
              <Space>
                {[o.phone, o.email].filter(Boolean).join(' / ')}
                {canOpen && <Button size="small" type="link" onClick={() => setOpened(o.id)}>查看</Button>}
              </Space>
            ),
          },
          { title: '内容', dataIndex: 'content', width: 320 },
          { title: '提出时间', dataIndex: 'lodgedAt', width: 150, render: (t: string) => formatDateTime(t) },
          {
            title: '处理',
            width: 320,
            render: (_, o) =>
              o.outcome ? (
                <span>
                  <Tag color={o.outcome === 'Upheld' ? 'red' : 'default'}>{terms.name('objectionOutcomes', o.outcome)}</Tag>{o.resolutionReason}
                  <Typography.Text type="secondary">（{o.resolvedBy ? `${o.resolvedBy}，` : ''}{formatDateTime(o.resolvedAt)}）</Typography.Text>
                </span>
              ) : canResolve ? (
                <Button size="small" onClick={() => setResolving(o)}>处理</Button>
              ) : (
                <Tag color="orange">待处理</Tag>
              ),
          },
        ]}
      />
      {resolving && <ResolveModal notice={notice} objection={resolving} onClose={() => setResolving(null)} />}
      {opened && <ObjectorModal notice={notice} objectionId={opened} onClose={() => setOpened(null)} />}
    </Card>
  );
}

/** One objection opened: the objector's name and contacts in full (AUD-04: the read is recorded with its purpose). */
function ObjectorModal({ notice, objectionId, onClose }: { notice: Notice; objectionId: string; onClose: () => void }) {
  const objection = useQuery({
    queryKey: noticeKeys.objection(notice.id, objectionId),
    queryFn: () =>
      unwrap(api.GET('/api/notices/{noticeId}/objections/{objectionId}', { params: { path: { noticeId: notice.id, objectionId } } })),
    gcTime: 0,
  });
  return (
    <Modal open title="异议人联系方式" footer={null} onCancel={onClose} destroyOnHidden>
      <ProblemAlert error={objection.error} />
      {objection.isLoading && <Skeleton active />}
      {objection.data && (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="提出人">{objection.data.name}</Descriptions.Item>
          <Descriptions.Item label="电话">{objection.data.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="电子邮箱">{objection.data.email ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="内容">{objection.data.content}</Descriptions.Item>
        </Descriptions>
      )}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>本次查看已按所选查阅目的记录。</Typography.Paragraph>
    </Modal>
  );
}

function ResolveModal({ notice, objection, onClose }: { notice: Notice; objection: Objection; onClose: () => void }) {
  const [form] = Form.useForm<{ outcome: 'Upheld' | 'Dismissed'; reason: string }>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const terms = useTerms();
  const resolve = useMutation({
    mutationFn: (v: { outcome: 'Upheld' | 'Dismissed'; reason: string }) =>
      unwrap(api.POST('/api/notices/{noticeId}/objections/{objectionId}/resolve', {
        params: { path: { noticeId: notice.id, objectionId: objection.id } },
        body: { ...v, version: notice.version },
      })),
    onSuccess: async () => {
      message.success('异议已处理');
      await client.invalidateQueries({ queryKey: noticeKeys.detail(notice.id) });
      onClose();
    },
  });
  return (
    <Modal open title="处理异议" onCancel={onClose} onOk={() => form.submit()} confirmLoading={resolve.isPending} destroyOnHidden>
      <Typography.Paragraph>{objection.content}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => resolve.mutate(v)}>
        <Form.Item name="outcome" label="处理结果" rules={[{ required: true, message: '请选择处理结果' }]}>
          <Radio.Group options={terms.options('objectionOutcomes')} />
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写理由' }]}><Input.TextArea rows={3} /></Form.Item>
        {resolve.error && <ProblemAlert error={resolve.error} />}
      </Form>
    </Modal>
  );
}

/** Withdraw a notice published in error; the reason is kept and shown to everyone. */
function WithdrawModal({ notice, onClose }: { notice: Notice; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const withdraw = useMutation({
    mutationFn: (v: { reason: string }) =>
      unwrap(api.POST('/api/notices/{noticeId}/withdraw', { params: { path: { noticeId: notice.id } }, body: { ...v, version: notice.version } })),
    onSuccess: async () => {
      message.success('公告已撤回');
      await client.invalidateQueries({ queryKey: noticeKeys.detail(notice.id) });
      onClose();
    },
  });
  return (
    <Modal open title="撤回公告" onCancel={onClose} onOk={() => form.submit()} confirmLoading={withdraw.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => withdraw.mutate(v)}>
        <Form.Item name="reason" label="撤回原因" rules={[{ required: true, whitespace: true, message: '请填写撤回原因' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {withdraw.error && <ProblemAlert error={withdraw.error} />}
      </Form>
    </Modal>
  );
}
