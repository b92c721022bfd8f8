import { useState } from 'react';
import {
  Alert, App, AutoComplete, Button, Card, DatePicker, Descriptions, Form, Input, List, Modal, Space, Switch, Tag, Timeline, Typography
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useAreas } from '../../../lib/areas';
import { confirmDecision } from '../../../lib/confirm';
import { downloadFile } from '../../../lib/download';
import { formatDateTime } from '../../../lib/format';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { useTerms } from '../../../lib/terms';
import { mayTake, useBatchCommand, type BatchView } from './BatchParts';
import { DispatchModal } from './BatchDispatch';

type SpotCheck = Schemas['Batches.SpotCheckDetails'];

const steps = ['考前准备', '身份核验', '理论知识考试', '操作技能考核', '综合评审', '阅卷评分', '成绩录入', '结果公示'];

interface SpotCheckValues {
  step: string;
  checkedAt: Dayjs;
  findings: string;
  suspend: boolean;
}

/** BAT-04 spot checks by the supervising authority; a finding may suspend the batch. */
export function SpotChecksCard({ batch: b }: { batch: BatchView }) {
  const [open, setOpen] = useState(false);
  const [dispatching, setDispatching] = useState(false);
  const checks = b.details.spotChecks;
  const may = mayTake(b, 'recordBatchSpotCheck');
  const mayDispatch = mayTake(b, 'dispatchBatchInspector');
  if (!may && !mayDispatch && checks.length === 0 && b.inspectors.length === 0) return null;
  return (
    <Card title="督查抽查" data-testid="spot-checks"
      extra={
        <Space wrap>
          {mayDispatch && <Button onClick={() => setDispatching(true)}>选派督查员</Button>}
          {may && <Button onClick={() => setOpen(true)}>记录抽查</Button>}
        </Space>
      }
      styles={{ header: { flexWrap: 'wrap', rowGap: 8, paddingBlock: 8 } }}>
      {b.inspectors.length > 0 && (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }} data-testid="dispatched-inspectors">
          {b.inspectors.map((i, n) => (
            <Descriptions.Item key={n} label="已选派">{`${i.inspectorName}：${i.on} ${i.step}`}</Descriptions.Item>
          ))}
        </Descriptions>
      )}
      <List<SpotCheck>
        size="small"
        dataSource={checks}
        locale={{ emptyText: '暂无抽查记录' }}
        renderItem={(c) => (
          <List.Item>
            <Space orientation="vertical" size={2}>
              <Space wrap>
                <strong>{c.step}</strong>
                <Typography.Text type="secondary">{dayjs(c.checkedAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                <span>{c.inspectorName}</span>
                {c.suspended && <Tag color="red">已暂停批次</Tag>}
              </Space>
              <span>{c.findings}</span>
            </Space>
          </List.Item>
        )}
      />
      {open && <SpotCheckModal batch={b} onClose={() => setOpen(false)} />}
      {dispatching && <DispatchModal batch={b} onClose={() => setDispatching(false)} />}
    </Card>
  );
}

export function SpotCheckModal({ batch: b, onClose }: { batch: BatchView; onClose: () => void }) {
  const [form] = Form.useForm<SpotCheckValues>();
  const { modal } = App.useApp();
  const record = useBatchCommand(b, (v: SpotCheckValues, version) =>
    unwrap(api.POST('/api/batches/{batchId}/spot-checks', {
      params: { path: { batchId: b.id } },
      body: { version, step: v.step.trim(), checkedAt: v.checkedAt.format('YYYY-MM-DDTHH:mm:ss'), findings: v.findings.trim(), suspend: !!v.suspend },
    })), '抽查已记录');
  const send = (v: SpotCheckValues) => record.mutateAsync(v).then(onClose);
  const submit = (v: SpotCheckValues) => {
    if (!v.suspend) return void send(v).catch(() => undefined);
    // a suspension stops the batch: ask once more
    confirmDecision(modal, {
      title: '记录抽查并暂停该批次？', okText: '确认暂停', danger: true,
      content: '暂停后评价机构不能继续办理，直至受理部门审核整改情况后恢复。',
      run: () => send(v),
    });
  };
  return (
    <Modal open title="记录督查抽查" onCancel={onClose} onOk={() => form.submit()} confirmLoading={record.isPending}
      okText="记录" cancelText="取消" destroyOnHidden>
      <Form form={form} name="spotCheck" layout="vertical" initialValues={{ checkedAt: dayjs(), suspend: false }} onFinish={submit}>
        <Form.Item name="step" label="抽查环节" rules={[{ required: true, whitespace: true, message: '请填写抽查的环节' }, { max: 100, message: '不超过100字' }]}>
          <AutoComplete aria-label="抽查环节" options={steps.map((s) => ({ value: s }))} placeholder="选择或输入环节" />
        </Form.Item>
        <Form.Item name="checkedAt" label="抽查时间" rules={[{ required: true, message: '请选择抽查时间' }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" aria-label="抽查时间" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="findings" label="抽查情况"
          rules={[{ required: true, whitespace: true, message: '请填写抽查情况' }, { max: 2000, message: '不超过2000字' }]}>
          <Input.TextArea rows={4} aria-label="抽查情况" />
        </Form.Item>
        {(b.status === 'Filed' || b.status === 'ResultsRecorded') && (
          <Form.Item name="suspend" label="暂停批次" valuePropName="checked" extra="发现严重问题时暂停该批次，待整改后由受理部门恢复">
            <Switch aria-label="暂停批次" />
          </Form.Item>
        )}
        <ProblemAlert error={record.error} />
      </Form>
    </Modal>
  );
}

/** 工作台账 (BAT-10): what happened, when, by whom, why and with which document; exportable as .xlsx. */
export function LedgerCard({ batch: b }: { batch: BatchView }) {
  const terms = useTerms();
  const { authorityName } = useAreas();
  const download = useMutation({ mutationFn: () => downloadFile(`/api/batches/${b.id}/ledger`, `工作台账（${b.title}）.xlsx`) });
  const ledger = b.details.ledger;
  return (
    <Card title="工作台账" data-testid="ledger"
      extra={<Button icon={<DownloadOutlined />} loading={download.isPending} onClick={() => download.mutate()}>导出台账（.xlsx）</Button>}
      styles={{ header: { flexWrap: 'wrap', rowGap: 8, paddingBlock: 8 } }}>
      {download.error && <div style={{ marginBottom: 12 }}><ProblemAlert error={download.error} /></div>}
      {b.details.missedDeadlines.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title="逾期提醒" data-testid="missed-deadlines"
          description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{b.details.missedDeadlines.map((m) => <li key={m}>{m}</li>)}</ul>} />
      )}
      <Timeline
        items={ledger.map((l, i) => ({
          key: i,
          content: (
            <div>
              <Typography.Text strong>{l.action}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>{formatDateTime(l.at)}</Typography.Text>
              <div>
                {l.actorName}
                {l.actorRole !== 'system'
                  && `（${terms.name('roles', l.actorRole)}${l.authorityCode
                    ? ` · ${authorityName(l.authorityCode)}`
                    : l.actorRole === 'organization' ? ` · ${b.organizationName}` : ''}）`}
              </div>
              {l.detail && <Typography.Text type="secondary">{l.detail}</Typography.Text>}
              {l.document && <div><Tag>{l.document}</Tag></div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
