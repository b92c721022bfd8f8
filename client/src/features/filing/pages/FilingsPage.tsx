import { useState } from 'react';
import { App, Button, Card, Descriptions, Input, List, Modal, Select, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../../api/client';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { useAreas } from '../../../lib/areas';
import { confirmDecision } from '../../../lib/confirm';
import { formatDate } from '../../../lib/format';
import { useTerms } from '../../../lib/terms';
import { FilingStatusTag } from '../components/FilingStatusTag';
import { filingKeys, directoryKeys } from '../queries';
import { FilingLink, OrganizationLink } from '../../../lib/links';

type Filing = Schemas['Filing.FilingRecord'];

/** Granted filings: an organization's own, or those in a reviewer's jurisdiction (FIL-18 … FIL-24). */
export function FilingsPage() {
  const navigate = useNavigate();
  const { areaName } = useAreas();
  const terms = useTerms();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<Filing['status'] | undefined>();
  const [name, setName] = useState('');
  const list = useQuery({
    queryKey: filingKeys.list({ page, status, name }),
    queryFn: () => unwrap(api.GET('/api/filing/filings', { params: { query: { page, pageSize: 20, status, name: name || undefined } } })),
  });
  return (
    <Card
      title="备案管理"
      extra={
        <Space wrap>
          <Input.Search allowClear placeholder="机构名称或备案号" onSearch={(v) => { setName(v); setPage(1); }} style={{ width: 220 }}
            aria-label="机构名称或备案号" />
          <Select allowClear placeholder="状态" style={{ width: 120 }} value={status} onChange={(v) => { setStatus(v); setPage(1); }}
            options={terms.options('filingStatuses')} aria-label="状态" />
        </Space>
      }
      styles={{ header: { flexWrap: 'wrap', rowGap: 8, paddingBlock: 8 } }}
    >
      <ProblemAlert error={list.error} />
      <Table<Filing>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        onRow={(f) => ({ onClick: () => navigate(`/filings/${f.id}`), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: '备案号', width: 150, render: (_, f) => <FilingLink id={f.id} number={f.filingNumber} /> },
          { title: '机构', width: 220, render: (_, f) => <OrganizationLink id={f.organizationId} name={f.organizationName} /> },
          { title: '所在地', width: 100, render: (_, f) => areaName(f.areaCode) },
          { title: '服务范围', width: 120, render: (_, f) => terms.scopeName(f.jurisdiction, f.scope) },
          { title: '有效期', width: 210, render: (_, f) => `${f.validFrom} 至 ${f.validUntil}` },
          { title: '状态', width: 80, render: (_, f) => <FilingStatusTag status={f.status} /> },
        ]}
      />
    </Card>
  );
}

/** One filing: suspension, reinstatement, cancellation (with merger) for its authority; renewal and change for its organization. */
export function FilingDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const { areaName, authorityName } = useAreas();
  const terms = useTerms();
  const [action, setAction] = useState<'suspend' | 'reinstate' | 'cancel' | null>(null);
  const [reason, setReason] = useState('');
  const [mergedInto, setMergedInto] = useState('');
  const filing = useQuery({
    queryKey: filingKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/filing/filings/{filingId}', { params: { path: { filingId: id! } } })),
  });
  const entry = useQuery({
    queryKey: directoryKeys.entry(id),
    queryFn: () => unwrap(api.GET('/api/directory/{filingId}', { params: { path: { filingId: id! } } })),
  });
  const decide = useMutation({
    mutationFn: async () => {
      const f = filing.data!;
      const path = { params: { path: { filingId: f.id } } };
      if (action === 'suspend') return unwrap(api.POST('/api/filing/filings/{filingId}/suspend', { ...path, body: { version: f.version, reason } }));
      if (action === 'reinstate') {
        return unwrap(api.POST('/api/filing/filings/{filingId}/reinstate', { ...path, body: { version: f.version, reason } }));
      }
      return unwrap(api.POST('/api/filing/filings/{filingId}/cancel', {
        ...path, body: { version: f.version, reason, mergedIntoFilingId: mergedInto || null },
      }));
    },
    onSuccess: () => {
      // commands answer with the decision state: read the filing and its directory entry again
      client.invalidateQueries({ queryKey: filingKeys.detail(id) });
      client.invalidateQueries({ queryKey: filingKeys.lists() });
      client.invalidateQueries({ queryKey: directoryKeys.entry(id) });
      setAction(null);
      setReason('');
      message.success('已处理');
    },
  });
  const draft = useMutation({
    mutationFn: (kind: 'Renewal' | 'Change') =>
      unwrap(api.POST('/api/filing/applications', {
        body: { jurisdiction: filing.data!.jurisdiction, scope: filing.data!.scope, kind, filingId: filing.data!.id },
      })),
    onSuccess: (created) => navigate(`/applications/${created.value}`),
  });
  if (filing.error) return <ProblemAlert error={filing.error} />;
  const f = filing.data;
  if (!f) return null;
  const may = (operation: string) => f.actions.includes(operation);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={`备案 · ${f.organizationName}`} extra={<Link to={`/filings/${f.id}/receipt`}>备案回执</Link>}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="备案号"><strong>{f.filingNumber}</strong></Descriptions.Item>
          <Descriptions.Item label="状态"><FilingStatusTag status={f.status} />{f.statusReason}</Descriptions.Item>
          <Descriptions.Item label="有效期">{f.validFrom} 至 {f.validUntil}</Descriptions.Item>
          <Descriptions.Item label="所在地">{areaName(f.areaCode)}</Descriptions.Item>
          <Descriptions.Item label="服务范围">{terms.scopeName(f.jurisdiction, f.scope)}</Descriptions.Item>
          <Descriptions.Item label="备案部门">{authorityName(f.grantingAuthority)}</Descriptions.Item>
          <Descriptions.Item label="报送">{f.reportedTo}</Descriptions.Item>
        </Descriptions>
        <Table size="small" rowKey="key" pagination={false} dataSource={f.occupations} scroll={{ x: 'max-content' }}
          columns={[{ title: '职业（工种）', dataIndex: 'name', width: 180 },
            { title: '职业编码', dataIndex: 'code', width: 140, render: (c?: string | null) => c ?? '—' },
            { title: '等级', width: 220, render: (_, o) => terms.levelRange(o.highestLevel, o.lowestLevel) }]} />
      </Card>
      {draft.error && <ProblemAlert error={draft.error} />}
      {(may('suspendFiling') || may('reinstateFiling') || may('cancelFiling')) && (
        <Card title="备案处理">
          <Space wrap>
            {may('suspendFiling') && <Button onClick={() => setAction('suspend')}>暂停备案</Button>}
            {may('reinstateFiling') && <Button onClick={() => setAction('reinstate')}>恢复备案</Button>}
            {may('cancelFiling') && <Button danger onClick={() => setAction('cancel')}>注销备案</Button>}
          </Space>
        </Card>
      )}
      {may('draftFilingApplication') && (
        <Card title="续期与变更">
          <Space wrap>
            <Button onClick={() => draft.mutate('Renewal')}>申请续期备案</Button>
            {f.status !== 'Expired' && <Button onClick={() => draft.mutate('Change')}>申请变更职业（工种）/等级</Button>}
          </Space>
        </Card>
      )}
      {entry.data && (
        <Card title="目录变动记录">
          <List size="small" dataSource={entry.data.history} renderItem={(h) => <List.Item>{formatDate(h.at)} {h.description}</List.Item>} />
        </Card>
      )}
      <Modal open={!!action} title={{ suspend: '暂停备案', reinstate: '恢复备案', cancel: '注销备案' }[action ?? 'suspend']}
        onCancel={() => setAction(null)} confirmLoading={decide.isPending} okText="确定" cancelText="取消"
        onOk={() => {
          if (action !== 'cancel') return decide.mutate();
          // cancellation is final: ask once more before it is sent
          confirmDecision(modal, {
            title: `注销“${f.organizationName}”的备案？`, okText: '确认注销', danger: true,
            content: `备案号 ${f.filingNumber} 将进入作废号池，永不再分配；注销后不能恢复。`,
            run: () => decide.mutateAsync(),
          });
        }}>
        <Input.TextArea rows={3} placeholder="理由（必填，将记录并公开）" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="处理理由" />
        {action === 'cancel' && (
          <Input style={{ marginTop: 8 }} placeholder="因合并注销时，填写存续机构的备案ID（可选）" value={mergedInto}
            onChange={(e) => setMergedInto(e.target.value)} />
        )}
        {decide.error && <div style={{ marginTop: 8 }}><ProblemAlert error={decide.error} /></div>}
        {action === 'cancel' && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>注销后备案号进入作废号池，永不再分配。</Typography.Paragraph>}
      </Modal>
    </Space>
  );
}

/** "2026-11-24" as written on documents: 2026年11月24日. */
const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** 备案回执 (FIL-18), laid out to print on one A4 page, with the granting authority's seal and date. */
export function FilingReceiptPage() {
  const { id } = useParams();
  const terms = useTerms();
  const receipt = useQuery({
    queryKey: filingKeys.receipt(id),
    queryFn: () => unwrap(api.GET('/api/filing/filings/{filingId}/receipt', { params: { path: { filingId: id! } } })),
  });
  if (receipt.error) return <ProblemAlert error={receipt.error} />;
  const r = receipt.data;
  if (!r) return null;
  return (
    <Card className="receipt" style={{ maxWidth: 800, margin: '0 auto' }}>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>职业技能等级认定评价机构备案回执</Typography.Title>
      <Typography.Paragraph style={{ textAlign: 'right' }}>备案号：<strong data-testid="receipt-number">{r.filingNumber}</strong></Typography.Paragraph>
      <Typography.Paragraph>{r.organizationName}：</Typography.Paragraph>
      <Typography.Paragraph style={{ textIndent: '2em' }}>
        你单位（统一社会信用代码 {r.creditCode}，地址：{r.address}）经材料受理、技术评估和公示，准予备案为{r.areaName}职业技能等级认定评价机构（{r.scopeName}），
        有效期自 {r.validFrom} 至 {r.validUntil}。请在备案范围内开展职业技能等级认定工作，接受主管部门监督。
      </Typography.Paragraph>
      <Table size="small" rowKey="name" pagination={false} dataSource={r.occupations} bordered
        columns={[
          { title: '职业（工种）', dataIndex: 'name' },
          { title: '职业编码', dataIndex: 'code', render: (c?: string | null) => c ?? '—' },
          { title: '等级', dataIndex: 'levels' },
        ]} />
      {r.sites.length > 0 && (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          评价站点：{r.sites.map((s) => `${s.name}（${s.address}）`).join('；')}
        </Typography.Paragraph>
      )}
      <div className="receipt-seal" data-testid="receipt-seal">
        <div>{r.grantingAuthorityName}</div>
        <div className="receipt-seal-space">（盖章）</div>
        <div>{chineseDate(r.grantedOn)}</div>
      </div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
        已报送：{r.reportedTo}。当前状态：{terms.name('filingStatuses', r.status)}。备案信息可在评价机构目录中查询。
      </Typography.Paragraph>
      <Button className="no-print" style={{ marginTop: 16 }} onClick={() => window.print()}>打印</Button>
    </Card>
  );
}
