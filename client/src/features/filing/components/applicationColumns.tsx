import { Tag } from 'antd';
import { type Schemas } from '../../../api/client';
import { applicationStatusColors } from '../../../lib/terms';
import { PreferenceTags } from './PreferenceTags';
import { OrganizationLink } from '../../../lib/links';

type Application = Schemas['Filing.ApplicationSummary'];
type Deadline = Schemas['Filing.DeadlineView'];

/** A deadline that applies now, as the server counted it in the rule's unit (working days on the authority's calendar);
 * nothing when none applies (granted, or a publicity whose window has closed). */
export function DeadlineTag({ deadline }: { deadline?: Deadline | null }) {
  if (!deadline) return <span aria-label="无时限">—</span>;
  const color = deadline.overdue ? 'red' : deadline.remaining != null && deadline.remaining <= 3 ? 'orange' : 'green';
  return <Tag color={color} data-testid="deadline">{deadline.label}：{deadline.text}</Tag>;
}

export function ApplicationStatusTag({ status, name }: { status: string; name: string }) {
  return <Tag data-testid="application-status" color={applicationStatusColors[status]}>{name}</Tag>;
}

/** The columns every application list shares; tables scroll sideways on a phone instead of squeezing names. */
export function applicationColumns(options: { organization?: boolean } = {}) {
  return [
    ...(options.organization === false ? [] : [{
      title: '机构', width: 190,
      render: (_: unknown, a: Application) => <OrganizationLink id={a.organizationId} name={a.organizationName} />,
    }]),
    { title: '辖区 / 服务范围', width: 210, render: (_: unknown, a: Application) => `${a.jurisdictionName} · ${a.scopeName}` },
    { title: '类型', dataIndex: 'kindName', width: 100 },
    { title: '状态', width: 100, render: (_: unknown, a: Application) => <Tag color={applicationStatusColors[a.status]}>{a.statusName}</Tag> },
    { title: '当前环节', dataIndex: 'waitingFor', width: 220 },
    { title: '时限', width: 230, render: (_: unknown, a: Application) => <DeadlineTag deadline={a.deadline} /> },
    { title: '受理部门', width: 170, render: (_: unknown, a: Application) => a.handlingAuthorityName ?? '—' },
    { title: '择优条件', width: 220, render: (_: unknown, a: Application) => <PreferenceTags flags={a.preferenceFlags ?? []} /> },
  ];
}
