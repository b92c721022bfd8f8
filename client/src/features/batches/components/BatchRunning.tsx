import { Card, Descriptions, Table } from 'antd';
import { type Schemas } from '../../../api/client';
import { useAreas } from '../../../lib/areas';
import { useTerms } from '../../../lib/terms';
import { CandidateTable } from './BatchCandidatesStep';
import { type BatchView } from './BatchParts';

type Staff = Schemas['Batches.StaffView'];

/** The plan as filed: occupations, subjects, days, sites, fee and staff. */
export function PlanCard({ batch: b }: { batch: BatchView }) {
  const terms = useTerms();
  const { areaName } = useAreas();
  return (
    <Card title="认定计划" data-testid="plan-view">
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label="职业（工种）及等级">
          {b.occupations.map((o) => `${o.name} ${terms.name('skillLevels', o.level)}`).join('；') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label="认定科目">{b.subjects.join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label="认定日期">{b.examDays.join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label="收费标准">{b.feePerCandidate} 元/人{b.feeStandard ? `（依据：${b.feeStandard}）` : ''}</Descriptions.Item>
        <Descriptions.Item label="考点">
          {b.sites.map((s) => `${s.name}（${areaName(s.areaCode)} ${s.address}）`).join('；') || '—'}
        </Descriptions.Item>
      </Descriptions>
      {b.staff.length > 0 && (
        <Table<Staff>
          size="small"
          rowKey={(s) => `${s.staffId}/${s.role}`}
          style={{ marginTop: 12 }}
          dataSource={b.staff}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '考务人员', dataIndex: 'name', width: 100 },
            { title: '岗位', width: 130, render: (_, s) => terms.name('staffRoles', s.role) },
            { title: '资格', dataIndex: 'qualification', width: 220 },
            { title: '可考评的职业（工种）', width: 180, render: (_, s) => s.occupations.join('、') || '—' },
            { title: '申报回避关系', width: 120, render: (_, s) => (s.declaredRelations.length > 0 ? `${s.declaredRelations.length}项` : '无') },
          ]}
        />
      )}
    </Card>
  );
}

/** The candidates of a filed batch whose results are not entered here (authorities, or before results can be entered). */
export function CandidatesCard({ batch: b }: { batch: BatchView }) {
  return (
    <Card title={`考生名单（${b.candidates.length}人）`} data-testid="candidates">
      <CandidateTable batch={b} />
    </Card>
  );
}
