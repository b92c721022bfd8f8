import { useState } from 'react';
import { Alert, Button, Card, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useMe } from '../../../auth/session';
import { useAreas } from '../../../lib/areas';
import { formatDateTime } from '../../../lib/format';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { jurisdictionOf, rangeRule } from '../ranges';
import { useTerms } from '../../../lib/terms';
import { referenceKeys } from '../../../lib/queries';
import { policyKeys } from '../../policies/queries';
import { rangeKeys } from '../queries';
import { OrganizationSelect, AllocateModal } from '../components/AllocateRangeModal';

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
  const authorities = useQuery({ queryKey: referenceKeys.authorities(), queryFn: () => unwrap(api.GET('/api/authorities')), staleTime: Infinity });
  const jurisdiction = jurisdictionOf(authorities.data, me?.authority?.code);
  const policy = useQuery({
    queryKey: policyKeys.detail(jurisdiction),
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
    queryKey: rangeKeys.list({ organizationId, year, level, page }),
    queryFn: () => unwrap(api.GET('/api/certificate-ranges', {
      params: { query: { organizationId, year: year ?? undefined, level, page, pageSize: 20 } },
    })),
  });

  return (
    <Card
      title="证书编号号段"
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
                <Button size="small"
                  onClick={() => setAllocating({
                    organizationId: r.organizationId, organizationName: r.organizationName, year: r.year, level: r.level,
                  })}>
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
          if (done) void client.invalidateQueries({ queryKey: rangeKeys.all });
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
