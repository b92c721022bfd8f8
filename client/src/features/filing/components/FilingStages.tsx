import { useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Card, Input, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, postForm, unwrap, type Schemas } from '../../../api/client';
import { formatBytes } from '../../../lib/format';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { useTerms } from '../../../lib/terms';
import { applicationKeys, filingKeys } from '../queries';

type Application = Schemas['Filing.ApplicationView'];

/** After a command: commands answer with the decision state, the page shows the application's view, so read it again. */
export function useUpdate(a: Application, text: string) {
  const client = useQueryClient();
  const { message } = App.useApp();
  return () => {
    client.invalidateQueries({ queryKey: applicationKeys.detail(a.id) });
    client.invalidateQueries({ queryKey: applicationKeys.lists() });
    client.invalidateQueries({ queryKey: filingKeys.lists() });
    message.success(text);
  };
}

/** Whether the server offers the caller this step now (ApplicationView.actions, named as the operations). */
export const mayTake = (a: Application, operation: string) => a.actions.includes(operation);

const uploadMaterial = (a: Application, item: number, file: File) =>
  postForm<unknown>(`/api/filing/applications/${a.id}/materials`, { version: String(a.version), item: String(item), file });

/**
 * FIL-10 materials: upload per item (the organization while editing; pledged items later), pledges, downloads for reviewers.
 * `flagged` marks the items a refused submission named as missing.
 */
export function MaterialsCard({ application: a, pledgeable, flagged = [] }: { application: Application; pledgeable: number[]; flagged?: number[] }) {
  const terms = useTerms();
  const done = useUpdate(a, '材料已上传');
  const pledged = useUpdate(a, '已作出告知承诺');
  const removed = useUpdate(a, '已删除');
  const [pledgeText, setPledgeText] = useState<Record<number, string>>({});
  // the buttons follow ApplicationView.actions: editing while the organization may remove, producing pledged items later
  const editable = mayTake(a, 'removeFilingMaterial');
  const upload = useMutation({ mutationFn: ({ item, file }: { item: number; file: File }) => uploadMaterial(a, item, file), onSuccess: done });
  const remove = useMutation({
    mutationFn: (materialId: string) =>
      unwrap(api.POST('/api/filing/applications/{applicationId}/materials/{materialId}/remove', {
        params: { path: { applicationId: a.id, materialId } }, body: { version: a.version },
      })),
    onSuccess: removed,
  });
  const pledge = useMutation({
    mutationFn: (item: number) =>
      unwrap(api.POST('/api/filing/applications/{applicationId}/pledges', {
        params: { path: { applicationId: a.id } }, body: { version: a.version, item, pledge: pledgeText[item] ?? '' },
      })),
    onSuccess: pledged,
  });
  const error = upload.error ?? remove.error ?? pledge.error;
  // an item flagged by the last submission stays marked until something is uploaded or pledged for it
  const stillMissing = (item: number) =>
    flagged.includes(item) && !a.materials.some((m) => m.item === item) && !a.pledges.some((p) => p.item === item);
  const rows = terms.list('materialItems').map((t) => ({ item: Number(t.code), name: t.name }));
  const producing = (item: number) => !editable && mayTake(a, 'attachFilingMaterial') && a.pledges.some((p) => p.item === item && !p.producedAt);
  // the actions column only for the organization that can upload now
  const acts = editable || rows.some((r) => producing(r.item));
  const actions = {
    title: '操作',
    width: 260,
    render: (_: unknown, r: { item: number; name: string }) => {
      if (!editable && !producing(r.item)) return null;
      return (
        <Space wrap>
          <Upload showUploadList={false} accept=".pdf,.png,.jpg,.jpeg"
            customRequest={({ file }) => upload.mutate({ item: r.item, file: file as File })}>
            <Button size="small" icon={<UploadOutlined />} aria-label={`上传材料${r.item}`}>上传</Button>
          </Upload>
          {mayTake(a, 'pledgeFilingMaterial') && pledgeable.includes(r.item) && (
            <Space.Compact>
              <Input size="small" placeholder="承诺内容" value={pledgeText[r.item] ?? ''}
                onChange={(e) => setPledgeText({ ...pledgeText, [r.item]: e.target.value })}
                aria-label={`材料${r.item}承诺内容`} />
              <Button size="small" onClick={() => pledge.mutate(r.item)}>告知承诺</Button>
            </Space.Compact>
          )}
        </Space>
      );
    },
  };
  return (
    <Card title="申报材料" data-testid="materials">
      <Typography.Paragraph type="secondary">PDF 或图片（PNG、JPEG），单个不超过 10MB；文件类型按内容核验，并记录 SHA-256 摘要。</Typography.Paragraph>
      {error && <div style={{ marginBottom: 12 }}><ProblemAlert error={error} /></div>}
      {flagged.some(stillMissing) && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title="提交未通过：标红的材料尚未上传" />
      )}
      <Table
        rowKey="item"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        onRow={(r) => (stillMissing(r.item) ? { style: { background: '#fff1f0' }, 'data-missing': 'true' } as HTMLAttributes<HTMLElement> : {})}
        columns={[
          { title: '材料', width: 240, render: (_, r) => <span data-testid={`material-${r.item}`}>{r.name}</span> },
          {
            title: '已上传',
            width: 300,
            render: (_, r) => {
              const files = a.materials.filter((m) => m.item === r.item);
              const pledges = a.pledges.filter((p) => p.item === r.item);
              return (
                <Space orientation="vertical" size={2}>
                  {files.map((m) => (
                    <Space key={m.id} size={4} wrap>
                      <a href={`/api/filing/applications/${a.id}/materials/${m.id}`} target="_blank" rel="noreferrer">{m.fileName}</a>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }} title={`SHA-256 ${m.sha256}`}>{formatBytes(m.size)}</Typography.Text>
                      {editable && <Button size="small" type="link" danger onClick={() => remove.mutate(m.id)}>删除</Button>}
                    </Space>
                  ))}
                  {pledges.map((p) => (
                    <Tag key={p.item} color={p.producedAt ? 'green' : 'orange'}>{p.producedAt ? '承诺材料已补交' : `告知承诺：${p.pledge}`}</Tag>
                  ))}
                  {files.length === 0 && pledges.length === 0 && (
                    stillMissing(r.item)
                      ? <Tag color="red" data-testid="material-missing">缺少此项材料</Tag>
                      : <Typography.Text type="secondary">未上传</Typography.Text>
                  )}
                </Space>
              );
            },
          },
          ...(acts ? [actions] : []),
        ]}
      />
    </Card>
  );
}
