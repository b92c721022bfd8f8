import type { CSSProperties } from 'react';
import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { dayKind, type DayKind } from '../yearDraft';

const weekdays = ['一', '二', '三', '四', '五', '六', '日'];

const kindNames: Record<DayKind, string> = { off: '放假', work: '调休上班', weekend: '周末休息', weekday: '工作日' };

const kindStyles: Record<DayKind, CSSProperties> = {
  off: { background: '#fff1f0', color: '#cf1322', fontWeight: 600 },
  work: { background: '#e6f4ff', color: '#0958d9', fontWeight: 600 },
  weekend: { color: '#8c8c8c' },
  weekday: {},
};

/** One month as a small grid, Monday first; each day says what it is (for the eye by colour, for screen readers by label). */
function Month({ year, month, off, work }: { year: number; month: number; off: ReadonlySet<string>; work: ReadonlySet<string> }) {
  const first = dayjs(new Date(year, month, 1));
  const lead = (first.day() + 6) % 7;
  const cells: (string | null)[] = [...Array(lead).fill(null)];
  for (let d = 1; d <= first.daysInMonth(); d++) cells.push(first.date(d).format('YYYY-MM-DD'));
  return (
    <Card size="small" title={`${month + 1}月`} data-testid={`month-${month + 1}`} styles={{ body: { padding: 8 } }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, textAlign: 'center', fontSize: 12 }}>
        {weekdays.map((w) => <div key={w} style={{ color: '#8c8c8c' }}>{w}</div>)}
        {cells.map((date, i) => {
          if (!date) return <div key={`empty-${i}`} />;
          const kind = dayKind(date, off, work);
          return (
            <div key={date} aria-label={`${date} ${kindNames[kind]}`} data-kind={kind} style={{ borderRadius: 4, ...kindStyles[kind] }}>
              {dayjs(date).date()}
            </div>
          );
        })}
      </div>
    </Card>
  );
}

/** The year as it will be counted once loaded: twelve month grids marking holidays (放假) and make-up working days (调休上班). */
export function YearPreview({ year, off, work }: { year: number; off: readonly string[]; work: readonly string[] }) {
  const offSet = new Set(off);
  const workSet = new Set(work);
  const inYear = (d: string) => dayjs(d).year() === year;
  return (
    <div data-testid="year-preview">
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong>{year}年</Typography.Text>
        <Tag color="red">放假 {off.filter(inYear).length} 天（含周末）</Tag>
        <Tag color="blue">调休上班 {work.filter(inYear).length} 天</Tag>
        {off.filter((d) => !inYear(d)).map((d) => <Tag key={d}>跨年放假：{d}</Tag>)}
      </Space>
      <Row gutter={[8, 8]}>
        {Array.from({ length: 12 }, (_, m) => (
          <Col key={m} xs={12} sm={8} lg={6} xl={4}>
            <Month year={year} month={m} off={offSet} work={workSet} />
          </Col>
        ))}
      </Row>
    </div>
  );
}
