import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap } from '../../../api/client';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { useBatchCommand, type BatchView } from './BatchParts';
import { batchKeys } from '../queries';

type DispatchValues = { inspectorId: string; step: string; on: Dayjs };

/**
 * BAT-04: the receiving authority sends an inspector of its area to a key step on a day. With nobody to offer, the form says
 * why (the server names the authorities without an active inspector) and who adds one, instead of an empty choice.
 */
export function DispatchModal({ batch: b, onClose }: { batch: BatchView; onClose: () => void }) {
  const [form] = Form.useForm<DispatchValues>();
  const inspectors = useQuery({
    queryKey: batchKeys.eligibleInspectors(b.id),
    queryFn: () => unwrap(api.GET('/api/batches/{batchId}/eligible-inspectors', { params: { path: { batchId: b.id } } })),
  });
  const dispatch = useBatchCommand(b, (v: DispatchValues, version) =>
    unwrap(api.POST('/api/batches/{batchId}/inspectors', {
      params: { path: { batchId: b.id } },
      body: { version, inspectorId: v.inspectorId, step: v.step.trim(), on: v.on.format('YYYY-MM-DD') },
    })), '督查员已选派');
  const none = inspectors.data && inspectors.data.inspectors.length === 0;
  return (
    <Modal open title="选派督查员" okText="选派" cancelText={none ? '关闭' : '取消'} onCancel={onClose} confirmLoading={dispatch.isPending}
      okButtonProps={{ disabled: none }} onOk={() => form.submit()} destroyOnHidden>
      <ProblemAlert error={inspectors.error} />
      {none && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="no-eligible-inspectors" title="暂无可选派的督查员"
          description={<><div>{inspectors.data?.emptyReason}</div><div>{inspectors.data?.howToAdd}</div></>} />
      )}
      <Form form={form} name="dispatch" layout="vertical" initialValues={{ on: b.examDays[0] ? dayjs(b.examDays[0]) : dayjs() }}
        disabled={none} onFinish={(v) => dispatch.mutateAsync(v).then(onClose).catch(() => undefined)}>
        <Form.Item name="inspectorId" label="督查员" rules={[{ required: true, message: '请选择督查员' }]}>
          <Select aria-label="督查员" loading={inspectors.isLoading} placeholder="本辖区的督查员"
            options={(inspectors.data?.inspectors ?? []).map((i) => ({ value: i.id, label: i.displayName }))} />
        </Form.Item>
        <Form.Item name="step" label="督查环节" rules={[{ required: true, whitespace: true, message: '请填写督查环节' }, { max: 100, message: '不超过100字' }]}>
          <Input aria-label="督查环节" placeholder="如：理论知识考试、操作技能考核" />
        </Form.Item>
        <Form.Item name="on" label="督查日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker aria-label="督查日期" style={{ width: '100%' }} />
        </Form.Item>
        <ProblemAlert error={dispatch.error} />
      </Form>
    </Modal>
  );
}
