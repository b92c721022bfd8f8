import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useMe } from '../../../auth/session';
import { useAreas } from '../../../lib/areas';
import { formatDateTime } from '../../../lib/format';
import { ProblemAlert, applyFieldErrors } from '../../../lib/ProblemAlert';
import { isSerial, jurisdictionOf, rangeRule, rangeSize, suggestedFrom } from '../ranges';
import { useTerms } from '../../../lib/terms';

type Ranges = Schemas['Certificates.CertificateSerialRanges'];
type RangeItem = Schemas['Certificates.SerialRangeItem'];

/** Whose ranges of which year and level an allocation adds to; fixed when allocating from a row of the list. */
interface Target {
  organizationId: string;
  organizationName: string;
  year: number;
  level: number;
}

const currentYear = () => new Date().getFullYear();

/**
 * 证书号段 (CRT-01 [AH] 证书编号按省鉴定中心统一分配的号段): the ranges allocated to organizations per year and level with their use;
 * the allocating authority (the policy names its level) allocates new ones.
 */
export function NumberRangesPage() {
  const { data: me } = useMe();
  const terms = useTerms();
  const client = useQueryClient();
  const authorities = useQuery({ queryKey: ['authorities'], queryFn: () => unwrap(api.GET('/api/authorities')), staleTime: Infinity });
  const jurisdiction = jurisdictionOf(authorities.data, me?.authority?.code);
  const policy = useQuery({
    queryKey: ['policy', jurisdiction],
    enabled: !!jurisdiction,
    queryFn: () => unwrap(api.GET('/api/policies/{jurisdiction}', { params: { path: { jurisdiction: jurisdiction! } } })),
  });
  const rule = rangeRule(policy.data, me?.authority?.level);
  const [organizationId, setOrganizationId] = useState<string>();
  const [year, setYear] = useState<number | null>(currentYear());
  const [level, setLevel] = useState<number>();
  const [page, setPage] = useState(1);
  const [allocating, setAllocating] = useState<Target | 'new' | null>(null);
  const list = useQuery({
    queryKey: ['certificate-ranges', organizationId, year, level, page],
    queryFn: () => unwrap(api.GET('/api/certificate-ranges', {
      params: { query: { organizationId, year: year ?? undefined, level, page, pageSize: 20 } },
    })),
  });

  return (
    <Card
      title="证书编号号段（CRT-01）"
      data-testid="number-ranges"
      extra={rule.mayAllocate && <Button type="primary" onClick={() => setAllocating('new')}>分配号段</Button>}
      styles={{ header: { flexWrap: 'wrap', rowGap: 8, paddingBlock: 8 } }}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {policy.data && (rule.usesRanges ? (
          <Alert type="info" showIcon title={`${policy.data.shortName}：证书编号的流水号按${rule.allocator?.name ?? '主管部门'}统一分配的号段编排`}
            description={
              <>
                每个机构、每个年度、每个等级的号段互不重叠；发证时依次使用起始号最小且尚有余量的号段，号段用完即中止发证，分配新的号段后由机构或主管部门恢复发证。
                {policy.data.certificates.rangesNote && <div style={{ color: '#888' }}>{policy.data.certificates.rangesNote}</div>}
                {!rule.mayAllocate && <div>本页仅供查看，号段由{rule.allocator?.name ?? '主管部门'}分配。</div>}
              </>
            } />
        ) : (
          <Alert type="info" showIcon title={`${policy.data.shortName}：证书编号由系统按机构、年度、等级从000001起顺序编排，不分配号段`} />
        ))}
        <Space wrap>
          <OrganizationSelect value={organizationId} onChange={(v) => { setOrganizationId(v); setPage(1); }} allowClear placeholder="按评价机构筛选" />
          <InputNumber min={2000} max={2099} value={year} onChange={(v) => { setYear(v); setPage(1); }} suffix="年" placeholder="年度"
            aria-label="按年度筛选" style={{ width: 120 }} />
          <Select allowClear placeholder="按等级筛选" style={{ width: 160 }} aria-label="按等级筛选" value={level === undefined ? undefined : String(level)}
            onChange={(v?: string) => { setLevel(v ? Number(v) : undefined); setPage(1); }} options={terms.options('skillLevels')} />
        </Space>
        <ProblemAlert error={list.error ?? authorities.error ?? policy.error} />
        <Table<Ranges>
          rowKey={(r) => `${r.organizationId}/${r.year}/${r.level}`}
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '没有已分配的号段' }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 组` }}
          expandable={{ expandedRowRender: (r) => <RangeTable ranges={r.ranges} /> }}
          columns={[
            { title: '评价机构', dataIndex: 'organizationName', width: 220 },
            { title: '年度', dataIndex: 'year', width: 70 },
            { title: '等级', dataIndex: 'levelName', width: 120 },
            {
              title: '号段', width: 260,
              render: (_, r) => (
                <Space wrap size={4}>
                  {r.ranges.map((x) => <Tag key={x.from} color={x.remaining === 0 ? 'default' : 'blue'}>{x.from}–{x.to}</Tag>)}
                </Space>
              ),
            },
            { title: '已分配', dataIndex: 'allocated', width: 80 },
            { title: '已使用', dataIndex: 'used', width: 80 },
            { title: '剩余', width: 80, render: (_, r) => (r.remaining === 0 ? <Tag color="error">已用完</Tag> : r.remaining) },
            { title: '下一个流水号', width: 110, render: (_, r) => r.nextSerial ?? '—' },
            {
              title: '操作', width: 110,
              render: (_, r) => r.actions.includes('allocateCertificateRange') && (
                <Button size="small" onClick={() => setAllocating({ organizationId: r.organizationId, organizationName: r.organizationName, year: r.year, level: r.level })}>
                  追加号段
                </Button>
              ),
            },
          ]}
        />
      </Space>
      {allocating && (
        <AllocateModal target={allocating === 'new' ? undefined : allocating} onClose={(done) => {
          setAllocating(null);
          if (done) void client.invalidateQueries({ queryKey: ['certificate-ranges'] });
        }} />
      )}
    </Card>
  );
}

function RangeTable({ ranges }: { ranges: RangeItem[] }) {
  const { authorityName } = useAreas();
  return (
    <Table<RangeItem>
      rowKey="from"
      size="small"
      pagination={false}
      dataSource={ranges}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '起始号', dataIndex: 'from', width: 90 },
        { title: '终止号', dataIndex: 'to', width: 90 },
        { title: '数量', dataIndex: 'size', width: 80 },
        { title: '已使用', dataIndex: 'used', width: 80 },
        { title: '剩余', dataIndex: 'remaining', width: 80 },
        { title: '文号', dataIndex: 'documentNumber', width: 180 },
        { title: '说明', dataIndex: 'reason', width: 200, render: (v?: string | null) => v || '—' },
        {
          title: '分配人', width: 220,
          render: (_, x) => (x.allocatedByAuthority ? `${x.allocatedByName}（${authorityName(x.allocatedByAuthority)}）` : x.allocatedByName),
        },
        { title: '分配时间', width: 150, render: (_, x) => formatDateTime(x.allocatedAt) },
      ]}
    />
  );
}

/** The organizations the caller may see, searched by name. */
function OrganizationSelect(props: { value?: string; onChange?: (id: string | undefined) => void; allowClear?: boolean; placeholder?: string }) {
  const [name, setName] = useState('');
  const organizations = useQuery({
    queryKey: ['organizations', name],
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

function AllocateModal({ target, onClose }: { target?: Target; onClose: (done: boolean) => void }) {
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
    queryKey: ['certificate-ranges', organizationId, year, level, 'allocation'],
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
              { validator: (_, v?: string) => (!isSerial(from) || !isSerial(v) || Number(v) >= Number(from) ? Promise.resolve() : Promise.reject(new Error('终止号不能小于起始号'))) }]}>
            <Input maxLength={6} inputMode="numeric" placeholder="000500" aria-label="终止号" style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Form.Item name="documentNumber" label="文号" rules={[{ required: true, whitespace: true, message: '请填写分配号段的文号' }, { max: 100, message: '不超过100字' }]}>
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
