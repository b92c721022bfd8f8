import { useState } from 'react';
import { App, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { ProblemAlert, applyFieldErrors } from '../../../lib/ProblemAlert';
import { isSerial, rangeSize, suggestedFrom } from '../ranges';
import { useTerms } from '../../../lib/terms';
import { organizationKeys } from '../../filing/queries';
import { rangeKeys } from '../queries';


/** Whose ranges of which year and level an allocation adds to; fixed when allocating from a row of the list. */
interface Target {
  organizationId: string;
  organizationName: string;
  year: number;
  level: number;
}

const currentYear = () => new Date().getFullYear();

/** The organizations the caller may see, searched by name. */
export function OrganizationSelect(props: {
  value?: string; onChange?: (id: string | undefined) => void; allowClear?: boolean; placeholder?: string;
}) {
  const [name, setName] = useState('');
  const organizations = useQuery({
    queryKey: organizationKeys.search(name),
    queryFn: () => unwrap(api.GET('/api/organizations', { params: { query: { name: name || undefined, pageSize: 20 } } })),
  });
  return (
    <Select showSearch filterOption={false} onSearch={setName} loading={organizations.isLoading} style={{ width: 260 }} aria-label="评价机构"
      value={props.value} onChange={(v?: string) => props.onChange?.(v)} allowClear={props.allowClear} placeholder={props.placeholder}
      notFoundContent="没有匹配的评价机构"
      options={(organizations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} />
  );
}

interface AllocationForm {
  organizationId?: string;
  year?: number;
  level?: string;
  from: string;
  to: string;
  documentNumber: string;
  reason?: string;
}

export function AllocateModal({ target, onClose }: { target?: Target; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm<AllocationForm>();
  const terms = useTerms();
  const { message } = App.useApp();
  const organizationId = Form.useWatch('organizationId', form) ?? target?.organizationId;
  const year = Form.useWatch('year', form) ?? target?.year;
  const levelValue = Form.useWatch('level', form);
  const level = levelValue ? Number(levelValue) : target?.level;
  const from = Form.useWatch('from', form);
  const to = Form.useWatch('to', form);
  // the ranges this allocation adds to: the version the server expects, and where the next range may start
  const existing = useQuery({
    queryKey: rangeKeys.allocation({ organizationId, year, level }),
    enabled: !!organizationId && !!year && !!level,
    queryFn: () => unwrap(api.GET('/api/certificate-ranges', { params: { query: { organizationId, year, level, pageSize: 1 } } })),
  });
  const current = existing.data?.items[0];
  const allocate = useMutation({
    mutationFn: (v: AllocationForm) => unwrap(api.POST('/api/certificate-ranges', {
      body: {
        organizationId: organizationId!, year: year!, level: level!, from: v.from, to: v.to, documentNumber: v.documentNumber.trim(),
        reason: v.reason?.trim() || null, version: current?.version ?? 0,
      },
    })),
    onSuccess: (r) => { message.success(`已为${r.organizationName}分配${r.year}年${r.levelName}证书编号号段`); onClose(true); },
    onError: (e) => applyFieldErrors(form, e),
  });
  const suggestion = current ? suggestedFrom(current.ranges) : '000001';
  const size = rangeSize(from, to);

  return (
    <Modal open title="分配证书编号号段" okText="分配" cancelText="取消" confirmLoading={allocate.isPending} onOk={() => form.submit()}
      onCancel={() => onClose(false)} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => allocate.mutate(v)}
        initialValues={{ year: target?.year ?? currentYear(), level: target ? String(target.level) : undefined }}>
        {target ? (
          <Typography.Paragraph>
            <Typography.Text strong>{target.organizationName}</Typography.Text> · {target.year}年 · {terms.name('skillLevels', target.level)}
          </Typography.Paragraph>
        ) : (
          <>
            <Form.Item name="organizationId" label="评价机构" rules={[{ required: true, message: '请选择评价机构' }]}>
              <OrganizationSelect placeholder="输入名称搜索" />
            </Form.Item>
            <Space wrap>
              <Form.Item name="year" label="发证年度" rules={[{ required: true, message: '请填写年度' }]}>
                <InputNumber min={currentYear()} max={2099} suffix="年" aria-label="发证年度" style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name="level" label="职业技能等级" rules={[{ required: true, message: '请选择等级' }]}>
                <Select style={{ width: 180 }} aria-label="职业技能等级" options={terms.options('skillLevels')} />
              </Form.Item>
            </Space>
          </>
        )}
        {current && current.ranges.length > 0 && (
          <Typography.Paragraph type="secondary" data-testid="existing-ranges">
            已分配：{current.ranges.map((r) => `${r.from}–${r.to}（已用${r.used}）`).join('、')}
          </Typography.Paragraph>
        )}
        <Space wrap align="start">
          <Form.Item name="from" label="起始号" extra={suggestion && !from ? `建议从 ${suggestion} 起` : undefined}
            rules={[{ required: true, message: '请填写起始号' }, { pattern: /^\d{6}$/, message: '6位数字，如000001' }]}>
            <Input maxLength={6} inputMode="numeric" placeholder={suggestion ?? '000001'} aria-label="起始号" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="to" label="终止号" extra={size > 0 ? `共 ${size} 个号` : undefined}
            rules={[{ required: true, message: '请填写终止号' }, { pattern: /^\d{6}$/, message: '6位数字，如000500' },
              {
                validator: (_, v?: string) => (!isSerial(from) || !isSerial(v) || Number(v) >= Number(from)
                  ? Promise.resolve()
                  : Promise.reject(new Error('终止号不能小于起始号'))),
              }]}>
            <Input maxLength={6} inputMode="numeric" placeholder="000500" aria-label="终止号" style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Form.Item name="documentNumber" label="文号"
          rules={[{ required: true, whitespace: true, message: '请填写分配号段的文号' }, { max: 100, message: '不超过100字' }]}>
          <Input placeholder="如 皖职鉴〔2026〕8号" aria-label="文号" />
        </Form.Item>
        <Form.Item name="reason" label="说明" rules={[{ max: 500, message: '不超过500字' }]}>
          <Input.TextArea rows={2} aria-label="说明" />
        </Form.Item>
        <ProblemAlert error={allocate.error ?? existing.error} />
      </Form>
    </Modal>
  );
}
