import { useState } from 'react';
import { Button, Card, Descriptions, Form, Input, List, Select, Space, Table, TreeSelect, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../../api/client';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { useAreas } from '../../../lib/areas';
import { useTerms } from '../../../lib/terms';
import { formatDate } from '../../../lib/format';
import { CardList } from '../../../lib/CardList';
import { usePhone } from '../../../lib/responsive';
import { FilingStatusTag } from '../components/FilingStatusTag';
import { directoryKeys } from '../queries';

type Entry = Schemas['Filing.DirectoryEntry'];

interface Filters {
  name?: string;
  area?: string;
  occupation?: string;
  level?: number;
  status?: Entry['status'];
}

const query = (f: Filters) =>
  new URLSearchParams(Object.entries(f).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();

/** The public directory of filed evaluation organizations (FIL-19): search, detail, export; a phone shows cards, not the table. */
export function DirectoryPage() {
  const navigate = useNavigate();
  const phone = usePhone();
  const { tree, areaName } = useAreas();
  const terms = useTerms();
  const occupationsOf = (e: Entry) => e.occupations.map((o) => `${o.name}（${terms.levelRange(o.highestLevel, o.lowestLevel)}）`).join('；');
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: directoryKeys.search(filters, page),
    queryFn: () => unwrap(api.GET('/api/directory', { params: { query: { ...filters, page, pageSize: 20 } } })),
  });
  const pagination = { current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t: number) => `共 ${t} 家` };
  return (
    <Card title="职业技能等级认定评价机构目录" extra={
      <Button icon={<DownloadOutlined />} href={`/api/directory/export?${query(filters)}`}>导出 Excel</Button>
    }>
      <Form layout="inline" onFinish={(v: Filters) => { setFilters(v); setPage(1); }} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="name"><Input allowClear placeholder="机构名称或备案号" aria-label="机构名称" /></Form.Item>
        <Form.Item name="area"><TreeSelect allowClear treeData={tree} placeholder="地区" style={{ width: 200 }} aria-label="地区" /></Form.Item>
        <Form.Item name="occupation"><Input allowClear placeholder="职业（工种）" aria-label="职业（工种）" /></Form.Item>
        <Form.Item name="level">
          <Select allowClear placeholder="等级" style={{ width: 150 }}
            options={terms.list('skillLevels').map((t) => ({ value: Number(t.code), label: t.name }))} aria-label="等级" />
        </Form.Item>
        <Form.Item name="status">
          <Select allowClear placeholder="状态" style={{ width: 110 }} options={terms.options('filingStatuses')} aria-label="状态" />
        </Form.Item>
        <Button type="primary" htmlType="submit">查询</Button>
      </Form>
      <ProblemAlert error={list.error} />
      {phone ? (
        <CardList<Entry> items={list.data?.items ?? []} loading={list.isLoading} rowKey={(e) => e.id} testId="directory-card"
          href={(e) => `/directory/${e.id}`} title={(e) => e.name} tag={(e) => <FilingStatusTag status={e.status} />}
          pagination={pagination}
          fields={(e) => [
            { label: '备案号', value: e.filingNumber },
            { label: '地区', value: areaName(e.areaCode) },
            { label: '职业（工种）及等级', value: occupationsOf(e) },
            { label: '有效期', value: `${e.validFrom} 至 ${e.validUntil}` },
          ]} />
      ) : (
        <Table<Entry>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          onRow={(e) => ({ onClick: () => navigate(`/directory/${e.id}`), style: { cursor: 'pointer' } })}
          pagination={pagination}
          columns={[
            { title: '备案号', dataIndex: 'filingNumber', width: 150 },
            { title: '机构名称', dataIndex: 'name', width: 220 },
            { title: '地区', width: 100, render: (_, e) => areaName(e.areaCode) },
            { title: '职业（工种）及等级', width: 320, render: (_, e) => occupationsOf(e) },
            { title: '有效期', width: 210, render: (_, e) => `${e.validFrom} 至 ${e.validUntil}` },
            { title: '状态', width: 80, render: (_, e) => <FilingStatusTag status={e.status} /> },
          ]}
        />
      )}
    </Card>
  );
}

export function DirectoryEntryPage() {
  const { id } = useParams();
  const { areaName, authorityName } = useAreas();
  const terms = useTerms();
  const entry = useQuery({
    queryKey: directoryKeys.entry(id),
    queryFn: () => unwrap(api.GET('/api/directory/{filingId}', { params: { path: { filingId: id! } } })),
  });
  if (entry.error) return <ProblemAlert error={entry.error} />;
  const e = entry.data;
  if (!e) return null;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={e.name}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="备案号">{e.filingNumber}</Descriptions.Item>
          <Descriptions.Item label="状态"><FilingStatusTag status={e.status} /> {e.statusReason}</Descriptions.Item>
          <Descriptions.Item label="有效期">{e.validFrom} 至 {e.validUntil}</Descriptions.Item>
          <Descriptions.Item label="地区">{areaName(e.areaCode)}</Descriptions.Item>
          <Descriptions.Item label="地址">{e.address}</Descriptions.Item>
          <Descriptions.Item label="联系人">{e.contactName} {e.contactPhone} {e.contactEmail}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{e.creditCode}</Descriptions.Item>
          <Descriptions.Item label="备案部门">{authorityName(e.grantingAuthority)}</Descriptions.Item>
        </Descriptions>
        <Table size="small" rowKey="key" pagination={false} dataSource={e.occupations} scroll={{ x: 'max-content' }}
          columns={[{ title: '职业（工种）', dataIndex: 'name', width: 180 },
            { title: '职业编码', dataIndex: 'code', width: 140, render: (c?: string | null) => c ?? '—' },
            { title: '等级', width: 220, render: (_, o) => terms.levelRange(o.highestLevel, o.lowestLevel) }]} />
        {e.sites.length > 0 && (
          <Typography.Paragraph style={{ marginTop: 12 }}>
            评价站点：{e.sites.map((s) => `${s.name}（${s.address}）`).join('；')}
          </Typography.Paragraph>
        )}
      </Card>
      <Card title="变动记录">
        <List size="small" dataSource={e.history} renderItem={(h) => <List.Item>{formatDate(h.at)} {h.description}</List.Item>} />
      </Card>
    </Space>
  );
}
