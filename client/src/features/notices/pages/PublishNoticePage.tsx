import { Button, Card, DatePicker, Form, Input, InputNumber, Select, TreeSelect, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useMe } from '../../../auth/session';
import { ProblemAlert, applyFieldErrors } from '../../../lib/ProblemAlert';
import { useAreas, type AreaOption } from '../../../lib/areas';
import { useTerms } from '../../../lib/terms';

type Kind = Schemas['SharedKernel.NoticeKind'];

interface Values {
  kind: Kind;
  subject: string;
  body: string;
  areaCode?: string;
  startDate?: Dayjs;
  length?: number;
}

function subtree(nodes: AreaOption[], code: string | undefined): AreaOption[] {
  for (const n of nodes) {
    if (n.value === code) return [n];
    const found = subtree(n.children ?? [], code);
    if (found.length) return found;
  }
  return [];
}

/** A reviewer publishes a notice; the window is computed by the server on the authority's calendar. */
export function PublishNoticePage() {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { tree } = useAreas();
  const terms = useTerms();
  const publish = useMutation({
    mutationFn: (v: Values) =>
      unwrap(api.POST('/api/notices', {
        body: {
          kind: v.kind, subject: v.subject, body: v.body, areaCode: v.areaCode, startDate: v.startDate?.format('YYYY-MM-DD'), length: v.length,
        },
      })),
    onSuccess: (created) => navigate(`/notices/${created.value}`),
    onError: (e) => applyFieldErrors(form, e),
  });
  return (
    <Card title="发布公告">
      <Typography.Paragraph type="secondary">
        备案公示、认定结果公示的最短期限由辖区政策决定（如备案公示不少于5个工作日），留空则按最短期限；公示期按本辖区工作日历计算。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" style={{ maxWidth: 720 }} initialValues={{ kind: 'FilingPublicity' }} onFinish={(v) => publish.mutate(v)}>
        <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
          <Select options={terms.options('noticeKinds')} />
        </Form.Item>
        <Form.Item name="areaCode" label="辖区" extra="默认为本部门辖区">
          <TreeSelect allowClear treeData={subtree(tree, me?.authority?.code)} treeDefaultExpandAll />
        </Form.Item>
        <Form.Item name="subject" label="标题" rules={[{ required: true, message: '请输入标题' }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="body" label="正文" rules={[{ required: true, message: '请输入正文' }]}><Input.TextArea rows={8} /></Form.Item>
        <Form.Item name="startDate" label="开始日期" extra="默认为今天"><DatePicker /></Form.Item>
        <Form.Item name="length" label="期限" extra="工作日数；认定结果公示按辖区规定的单位计算"><InputNumber min={1} max={60} /></Form.Item>
        {publish.error && <div style={{ marginBottom: 16 }}><ProblemAlert error={publish.error} /></div>}
        <Button type="primary" htmlType="submit" loading={publish.isPending}>发布</Button>
      </Form>
    </Card>
  );
}
