import {
  Card, Descriptions, List, Table,
  Timeline, Typography
} from 'antd';
import { type Schemas } from '../../../api/client';
import { formatDateTime } from '../../../lib/format';
import { RuleTag } from '../../../lib/RuleTag';
import { ApplicationStatusTag, DeadlineTag } from './applicationColumns';
import { PreferenceTags } from './PreferenceTags';

type Application = Schemas['Filing.ApplicationView'];
type LineView = Schemas['Filing.OccupationLineView'];

export function Summary({ application: a }: { application: Application }) {
  return (
    <Card title={`备案申请 · ${a.organizationName}`}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label="辖区">{a.jurisdictionName}</Descriptions.Item>
        <Descriptions.Item label="申请类型">{a.kindName}</Descriptions.Item>
        <Descriptions.Item label="服务范围">{a.scopeName}</Descriptions.Item>
        <Descriptions.Item label="状态"><ApplicationStatusTag status={a.status} name={a.statusName} /></Descriptions.Item>
        <Descriptions.Item label="受理部门">{a.handlingAuthorityName ?? '提交后确定'}</Descriptions.Item>
        {a.firstReviewAuthorityName && <Descriptions.Item label="初审">{a.firstReviewAuthorityName}</Descriptions.Item>}
        {a.deadline && <Descriptions.Item label="时限"><DeadlineTag deadline={a.deadline} /></Descriptions.Item>}
        <Descriptions.Item label="当前环节"><span data-testid="waiting-for">{a.waitingFor}</span></Descriptions.Item>
      </Descriptions>
      {a.exceptedViolations.length > 0 && (
        <List
          size="small"
          header="申请例外的规则（待审核人员决定）"
          dataSource={a.exceptedViolations}
          renderItem={(v) => (
            <List.Item>
              <span>
                {v.message}<RuleTag ruleId={v.ruleId} /> — 理由：{a.exceptionRequests.find((r) => r.ruleId === v.ruleId)?.justification}
              </span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export function ReadOnlyDetails({ application: a }: { application: Application }) {
  return (
    <Card title="申报内容" data-testid="application-content">
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="连续培训评价年限">{a.consecutiveYears} 年</Descriptions.Item>
        <Descriptions.Item label="累计培训评价人次">{a.cumulativePersonTimes.toLocaleString()}</Descriptions.Item>
        <Descriptions.Item label="承担补贴性培训">{a.subsidizedTraining ? '是' : '否'}</Descriptions.Item>
        {a.evaluatedPopulationNames.length > 0 && (
          <Descriptions.Item label="评价对象">{a.evaluatedPopulationNames.join('、')}</Descriptions.Item>
        )}
        {a.mainBusiness && <Descriptions.Item label="生产经营主业" span={{ xs: 1, md: 2 }}>{a.mainBusiness}</Descriptions.Item>}
        <Descriptions.Item label="择优条件" span={{ xs: 1, md: 3 }}><PreferenceTags flags={a.preferenceFlags} /></Descriptions.Item>
      </Descriptions>
      <OccupationTable lines={a.occupations} />
      {a.majors.length > 0 && (
        <List size="small" header="开设专业及对应的职业（工种）" dataSource={a.majors} data-testid="majors"
          renderItem={(m) => <List.Item>{m.name}：{m.occupations.join('、')}</List.Item>} />
      )}
      {a.sites.length > 0 && (
        <List size="small" header="评价站点" dataSource={a.sites} renderItem={(x) => <List.Item>{x.name} — {x.address}</List.Item>} />
      )}
    </Card>
  );
}

/** "金属材精整工（对应本企业：特钢棒材精整工；理由：…）" for a line mapped by the 相邻近原则 (FIL-02), else the name. */
export function occupationName(l: LineView): string {
  return l.requestedName ? `${l.name}（对应本企业：${l.requestedName}；理由：${l.mappingReason ?? ''}）` : l.name;
}

export function OccupationTable({ lines }: { lines: LineView[] }) {
  return (
    <Table<LineView>
      rowKey="name"
      size="small"
      pagination={false}
      dataSource={lines}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '职业（工种）', dataIndex: 'name', width: 180, render: (_: string, l: LineView) => occupationName(l) },
        { title: '职业编码', dataIndex: 'code', width: 140, render: (c?: string | null) => c ?? '—' },
        { title: '等级范围', dataIndex: 'levels', width: 220 },
        { title: '已培训评价人次', dataIndex: 'personTimes', width: 140, render: (n: number) => n.toLocaleString() },
        { title: '高级工及以上评价经历', dataIndex: 'priorSeniorEvaluation', width: 170, render: (b: boolean) => (b ? '有' : '无') },
      ]}
    />
  );
}

/** Who did what and when (全程留痕), oldest first. */
export function HistoryCard({ application: a }: { application: Application }) {
  if (a.history.length === 0) return null;
  return (
    <Card title="办理记录" data-testid="history">
      <Timeline
        items={a.history.map((h, i) => ({
          key: i,
          content: (
            <div>
              <Typography.Text strong>{h.action}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>{formatDateTime(h.at)}</Typography.Text>
              <div>
                {h.actorName}（{h.actorRoleName}{h.authorityName ? ` · ${h.authorityName}` : ''}）
              </div>
              {h.detail && <Typography.Text type="secondary">{h.detail}</Typography.Text>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
