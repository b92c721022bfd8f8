import { Card, Descriptions, Select, Space, Table, Tag, Typography, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../../api/client';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { useTerms } from '../../../lib/terms';
import { policyKeys } from '../queries';

type Scope = Schemas['SharedKernel.ServiceScopePolicy'];


export function PoliciesPage() {
  const [params, setParams] = useSearchParams();
  const terms = useTerms();
  const list = useQuery({ queryKey: policyKeys.list(), queryFn: () => unwrap(api.GET('/api/policies')) });
  const id = params.get('id') ?? list.data?.[0]?.id;
  const policy = useQuery({
    queryKey: policyKeys.detail(id),
    enabled: !!id,
    queryFn: () => unwrap(api.GET('/api/policies/{jurisdiction}', { params: { path: { jurisdiction: id! } } })),
  });
  const p = policy.data;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>辖区政策</Typography.Title>
        <Select
          style={{ width: 'min(360px, 90vw)' }}
          value={id}
          loading={list.isLoading}
          options={(list.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          onChange={(value) => setParams({ id: value })}
          aria-label="选择辖区"
        />
      </Space>
      <ProblemAlert error={list.error ?? policy.error} />
      {!p ? (
        <Skeleton active />
      ) : (
        <>
          <Card title="备案（FIL）">
            <Table<Scope>
              rowKey="scope"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={p.filing.scopes}
              columns={[
                { title: '服务范围', dataIndex: 'name' },
                {
                  title: '受理层级',
                  render: (_, s) =>
                    `${terms.name('authorityLevels', s.handledBy)}${s.firstReviewBy ? `（${terms.name('authorityLevels', s.firstReviewBy)}初审）` : ''}`,
                },
                { title: '连续年限', render: (_, s) => (s.threshold ? `≥ ${s.threshold.years} 年` : '—') },
                { title: '累计人次', render: (_, s) => (s.threshold ? `≥ ${s.threshold.cumulativePersonTimes.toLocaleString()}` : '—') },
                { title: '每职业人次', render: (_, s) => (s.threshold ? `≥ ${s.threshold.perOccupationPersonTimes.toLocaleString()}` : '—') },
                { title: '等级上限', render: (_, s) => (s.maxLevel ? terms.name('skillLevels', s.maxLevel) : '不限') },
                { title: '说明', dataIndex: 'thresholdNote' },
              ]}
            />
            <Descriptions column={{ xs: 1, md: 2 }} style={{ marginTop: 16 }} bordered size="small">
              <Descriptions.Item label="受理时限">
                {p.filing.acceptanceWorkingDays ? `${p.filing.acceptanceWorkingDays} 个工作日` : '通知未规定'}
              </Descriptions.Item>
              <Descriptions.Item label="公示期">不少于 {p.filing.publicityWorkingDays} 个工作日</Descriptions.Item>
              <Descriptions.Item label="备案有效期">{p.filing.validityYears} 年</Descriptions.Item>
              <Descriptions.Item label="申报时间">
                {p.filing.applicationWindows.length === 0
                  ? '常年受理'
                  : p.filing.applicationWindows.map((w) => <Tag key={w.name}>{w.name}（{w.opens} 至 {w.closes}）</Tag>)}
              </Descriptions.Item>
              {p.filing.socialOrganizationLimits && (
                <Descriptions.Item label="社会培训评价组织">
                  职业原则上不超过 {p.filing.socialOrganizationLimits.maxOccupations} 个；
                  {`已有 ${p.filing.socialOrganizationLimits.maxFiledOrganizationsPerOccupation} 家以上备案的职业原则上不再新增`}
                </Descriptions.Item>
              )}
              {p.filing.idleRule && <Descriptions.Item label="未开展认定">自 {p.filing.idleRule.effectiveFrom} 起不得申报新职业（工种）和等级</Descriptions.Item>}
              {p.filing.pledgeableMaterials.length > 0 && (
                <Descriptions.Item label="告知承诺">材料第 {p.filing.pledgeableMaterials.join('、')} 项可承诺后补</Descriptions.Item>
              )}
              <Descriptions.Item label="技师等级">
                {p.filing.technicianLevelsRequirePriorSeniorExperience ? '需具有高级工及以上评价经历' : '无额外要求'}
              </Descriptions.Item>
              <Descriptions.Item label="备案后报送">{p.filing.reportsTo}</Descriptions.Item>
              <Descriptions.Item label="备案号">
                类别 + {p.filing.numbering.organizationCode} + {p.filing.numbering.provinceCode} + 市级代码 + 4 位流水号
                <div style={{ color: '#888' }}>{p.filing.numbering.note}</div>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="认定批次（BAT）">
            <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
              <Descriptions.Item label="计划报备">
                {p.batches.planFilingLeadWorkingDays ? `提前 ${p.batches.planFilingLeadWorkingDays} 个工作日` : '通知未规定'}
              </Descriptions.Item>
              <Descriptions.Item label="认定公告">
                {p.batches.announcementLeadWorkingDays ? `提前 ${p.batches.announcementLeadWorkingDays} 个工作日` : '通知未规定'}
              </Descriptions.Item>
              <Descriptions.Item label="结果公示">
                不少于 {p.batches.resultsPublicity.length} {terms.name('publicityUnits', p.batches.resultsPublicity.unit)}
              </Descriptions.Item>
              <Descriptions.Item label="结果报送">公示无异议后 {p.batches.resultsReportWorkingDays} 个工作日内</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="证书（CRT）">
            <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
              <Descriptions.Item label="证书编号">备案号 + 发证年份（2位）+ 等级代码 + {p.certificates.serialDigits} 位流水号</Descriptions.Item>
              <Descriptions.Item label="流水号来源">
                {p.certificates.serialsFromAllocatedRanges
                  ? `按${p.authorities.find((a) => a.level === p.certificates.rangesAllocatedBy)?.name
                    ?? terms.name('authorityLevels', p.certificates.rangesAllocatedBy)}统一分配的号段，按机构、年度、等级使用`
                  : '系统按机构、年度、等级从000001起顺序编排'}
                {p.certificates.rangesNote && <div style={{ color: '#888' }}>{p.certificates.rangesNote}</div>}
              </Descriptions.Item>
              <Descriptions.Item label="发证">{p.certificates.issuedBy}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="主管部门">
            <Table
              rowKey="code"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={p.authorities}
              columns={[
                { title: '代码', dataIndex: 'code', width: 100 },
                { title: '名称', dataIndex: 'name' },
                { title: '辖区', dataIndex: 'areaName' },
                { title: '层级', dataIndex: 'level', render: (l: string) => terms.name('authorityLevels', l) },
                { title: '备案号市级代码', render: (_, a) => p.filing.numbering.cityCodes[a.code] ?? '—' },
              ]}
            />
          </Card>
          <Typography.Paragraph type="secondary">依据：{p.sources.join('；')}</Typography.Paragraph>
        </>
      )}
    </Space>
  );
}
