import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useMe } from '../../../auth/session';
import { confirmDecision } from '../../../lib/confirm';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { Roles } from '../../../lib/roles';
import { policyKeys } from '../../policies/queries';
import { YearPreview } from '../components/YearPreview';
import { calendarKeys } from '../queries';
import { draftProblems, parseEntries } from '../yearDraft';

type Layer = Schemas['Api.CalendarLayerView'];

interface Values { layerId: string; year: number; off: string; work: string; source: string }

/**
 * 载入节假日安排 (issue 18): the administrator — or, for the region's own layer, the regional authority's reviewer — loads a year
 * from the notice, sees it on twelve month grids before confirming, and sees which years every layer holds and from which notice.
 */
export function CalendarLoadPage() {
  const me = useMe();
  const { modal, message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [preview, setPreview] = useState<Values | null>(null);
  const layers = useQuery({ queryKey: calendarKeys.layers(), queryFn: () => unwrap(api.GET('/api/calendar/layers')) });
  const policies = useQuery({ queryKey: policyKeys.list(), queryFn: () => unwrap(api.GET('/api/policies')) });
  const mayLoad = (l: Layer) => me.data?.role === Roles.administrator
    || (me.data?.role === Roles.reviewer && !!l.parent
      && (policies.data ?? []).some((p) => p.calendarLayer === l.id && p.rootAuthority === me.data?.authority?.code));
  const loadable = (layers.data ?? []).filter(mayLoad);

  const load = useMutation({
    mutationFn: (v: Values) => unwrap(api.POST('/api/admin/calendar/{layerId}/years', {
      params: { path: { layerId: v.layerId } },
      body: { year: v.year, off: parseEntries(v.off ?? '').entries, work: parseEntries(v.work ?? '').entries, source: v.source.trim() },
    })),
    onSuccess: async (y, v) => {
      message.success(`已载入${layerName(v.layerId)}${y.year}年的节假日安排`);
      setPreview(null);
      await client.invalidateQueries({ queryKey: calendarKeys.all });
    },
  });
  const layerName = (id: string) => layers.data?.find((l) => l.id === id)?.name ?? id;

  const off = parseEntries(preview?.off ?? '');
  const work = parseEntries(preview?.work ?? '');
  const problems = preview ? draftProblems(preview.year, off, work) : [];
  const replaces = preview && layers.data?.find((l) => l.id === preview.layerId)?.years.find((y) => y.year === preview.year);

  return (
    <>
      <Typography.Title level={3}>载入节假日安排</Typography.Title>
      <Typography.Paragraph type="secondary">
        每年国务院办公厅发布下一年部分节假日安排的通知后，由系统管理员载入全国日历；地方节假日（如广西“壮族三月三”）由系统管理员或自治区人社厅审核人员载入该地区日历。
        已载入地方日历的地区，每一年都须载入（当年没有地方节假日也须载入并注明依据），否则该年的期限不予计算。
      </Typography.Paragraph>
      {me.data && loadable.length === 0 && !layers.isLoading && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="您可以查看各日历已载入的年度，但没有可载入的日历。" />
      )}
      {loadable.length > 0 && (
        <Card title="第一步：填写通知内容" style={{ marginBottom: 16 }}>
          <Form form={form} layout="vertical" onFinish={(v) => { load.reset(); setPreview(v); }}
            initialValues={{ layerId: loadable[0]?.id, year: dayjs().year() + 1, off: '', work: '', source: '' }}>
            <Space wrap align="start">
              <Form.Item name="layerId" label="日历" rules={[{ required: true, message: '请选择日历' }]}>
                <Select style={{ width: 320 }} options={loadable.map((l) => ({ value: l.id, label: l.name }))} aria-label="日历" />
              </Form.Item>
              <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
                <InputNumber min={2000} max={2100} aria-label="年度" />
              </Form.Item>
            </Space>
            <Form.Item name="off" label="放假日期（含调休休息日）" extra="每行一个日期或区间，如 2027-01-01..2027-01-03；可直接粘贴，逗号、分号分隔亦可">
              <Input.TextArea rows={5} aria-label="放假日期" placeholder={'2027-01-01..2027-01-03\n2027-02-06..2027-02-14'} />
            </Form.Item>
            <Form.Item name="work" label="调休上班日（周六或周日）">
              <Input.TextArea rows={3} aria-label="调休上班日" placeholder="2027-02-05" />
            </Form.Item>
            <Form.Item name="source" label="依据（通知文号或名称）" rules={[{ required: true, whitespace: true, message: '请注明依据的通知文号或名称' }]}>
              <Input aria-label="依据" placeholder="国办发明电〔2026〕…号 国务院办公厅关于2027年部分节假日安排的通知" maxLength={200} />
            </Form.Item>
            <Button type="primary" htmlType="submit">预览</Button>
          </Form>
        </Card>
      )}
      {preview && (
        <Card title={`第二步：核对 ${layerName(preview.layerId)} ${preview.year}年`} style={{ marginBottom: 16 }} data-testid="preview-card">
          <Typography.Paragraph>依据：{preview.source}</Typography.Paragraph>
          {replaces && <Alert type="warning" showIcon style={{ marginBottom: 12 }}
            title={`该日历已载入${preview.year}年（依据：${replaces.source}），确认后将以本次内容替换。`} />}
          {problems.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title="请先更正："
            description={<ul style={{ margin: 0 }}>{problems.map((p) => <li key={p}>{p}</li>)}</ul>} />}
          <YearPreview year={preview.year} off={off.days} work={work.days} />
          <ProblemAlert error={load.error} />
          <Space style={{ marginTop: 16 }}>
            <Button onClick={() => setPreview(null)}>返回修改</Button>
            <Button type="primary" disabled={problems.length > 0} loading={load.isPending}
              onClick={() => confirmDecision(modal, {
                title: `确认载入${layerName(preview.layerId)}${preview.year}年的节假日安排？`, okText: '确认载入',
                content: '载入后，该年的工作日期限即按此计算；载入记录（载入人、依据）留痕备查。',
                run: () => load.mutateAsync(preview),
              })}>确认载入</Button>
          </Space>
        </Card>
      )}
      <Card title="已载入的年度">
        <ProblemAlert error={layers.error} />
        <Table<Layer> rowKey="id" loading={layers.isLoading} dataSource={layers.data ?? []} pagination={false} data-testid="loaded-years"
          columns={[
            { title: '日历', dataIndex: 'name' },
            { title: '上级', dataIndex: 'parent', render: (p?: string | null) => (p ? layerName(p) : '—') },
            {
              title: '已载入年度及依据',
              render: (_, l) => l.years.length === 0 ? '尚未载入' : (
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {[...l.years].sort((a, b) => b.year - a.year).map((y) => <li key={y.year}><strong>{y.year}年</strong>：{y.source}</li>)}
                </ul>
              ),
            },
          ]} />
      </Card>
    </>
  );
}
