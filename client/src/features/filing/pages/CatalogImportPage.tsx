import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Input, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, postForm, unwrap, type Schemas } from '../../../api/client';
import { ApiProblem, toProblem } from '../../../api/problem';
import { formatDateTime } from '../../../lib/format';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { useTerms } from '../../../lib/terms';
import { occupationKeys } from '../queries';

type ImportResult = Schemas['Filing.CatalogImportResult'];

/**
 * Downloads the import template: a file behind the session cookie, so it is fetched and handed to the browser as a blob link
 * (the server names the file in Content-Disposition).
 */
async function downloadTemplate() {
  const response = await fetch('/api/occupations/import/template', { credentials: 'same-origin' });
  if (!response.ok) throw await toProblem(response);
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : plain ?? '职业目录导入模板.xlsx';
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** An administrator imports the occupation catalog (codes, names, skill/access type) from .xlsx or CSV (FIL-01). */
export function CatalogImportPage() {
  const client = useQueryClient();
  const terms = useTerms();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const template = useMutation({ mutationFn: downloadTemplate, onError: () => message.error('模板下载失败，请重试。') });
  const catalog = useQuery({
    queryKey: occupationKeys.search(q, 100),
    queryFn: () => unwrap(api.GET('/api/occupations', { params: { query: { q: q || undefined, limit: 100 } } })),
  });
  const state = useQuery({ queryKey: occupationKeys.importState(), queryFn: () => unwrap(api.GET('/api/occupations/import')) });
  const importing = useMutation({
    mutationFn: (file: File) => postForm<ImportResult>('/api/occupations/import', { file, version: String(state.data?.version ?? 0) }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: occupationKeys.all });
      client.invalidateQueries({ queryKey: occupationKeys.importState() });
    },
  });
  const rows = importing.error instanceof ApiProblem ? importing.error.body.rows ?? [] : [];
  return (
    <Card title="职业（工种）目录">
      <Typography.Paragraph>
        上传 .xlsx 或 .csv（UTF-8）文件，列为：<Tag>职业编码</Tag><Tag>职业名称</Tag><Tag>类别</Tag>（技能类/准入类）<Tag>大类</Tag>（可选）。
        任一行有误则整个文件不导入，并逐行列出错误；导入后，准入类职业不能申请备案。
      </Typography.Paragraph>
      {state.data && state.data.version > 0 && (
        <Typography.Paragraph type="secondary">
          当前目录：{state.data.fileName}（{state.data.entries} 条，{state.data.importedBy} 于 {formatDateTime(state.data.importedAt)} 导入）
        </Typography.Paragraph>
      )}
      <Space wrap>
        <Button icon={<DownloadOutlined />} loading={template.isPending} onClick={() => template.mutate()}>下载导入模板（.xlsx）</Button>
        <Upload showUploadList={false} accept=".xlsx,.csv" customRequest={({ file }) => importing.mutate(file as File)}>
          <Button type="primary" icon={<UploadOutlined />} loading={importing.isPending}>导入目录文件</Button>
        </Upload>
      </Space>
      {importing.data && (
        <Alert type="success" style={{ marginTop: 16 }} title={`已导入 ${importing.data.imported} 个职业（工种），其中准入类 ${importing.data.access} 个`}
          description={(
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="文件">{importing.data.fileName}</Descriptions.Item>
              <Descriptions.Item label="SHA-256">{importing.data.sha256}</Descriptions.Item>
            </Descriptions>
          )} />
      )}
      {importing.error && <div style={{ marginTop: 16 }}><ProblemAlert error={importing.error} /></div>}
      {rows.length > 0 && (
        <Table size="small" rowKey={(r) => `${r.row}-${r.field}`} style={{ marginTop: 12 }} dataSource={rows} pagination={false}
          data-testid="row-errors" scroll={{ x: 'max-content' }}
          columns={[{ title: '行', dataIndex: 'row' }, { title: '字段', dataIndex: 'field' }, { title: '错误', dataIndex: 'message' }]} />
      )}
      <Input.Search placeholder="按名称、编码或大类查找" onSearch={setQ} allowClear style={{ margin: '24px 0 12px', maxWidth: 360 }} />
      <Table size="small" rowKey={(o) => `${o.code ?? ''}-${o.name}`} loading={catalog.isLoading} dataSource={catalog.data ?? []}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '职业编码', dataIndex: 'code', render: (c?: string | null) => c ?? '—' },
          { title: '名称', dataIndex: 'name' },
          { title: '大类', dataIndex: 'group' },
          {
            title: '类别', dataIndex: 'type',
            render: (t: string) => <Tag color={t === 'Access' ? 'red' : 'green'}>{terms.name('occupationTypes', t)}</Tag>,
          },
          { title: '来源', dataIndex: 'source' },
        ]} />
    </Card>
  );
}
