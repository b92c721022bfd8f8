import type { ReactNode } from 'react';
import { Col, Row, Tag, Typography } from 'antd';
import { AlertOutlined, ApartmentOutlined, FileSearchOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';

export interface ServiceEntry {
  title: string;
  description: string;
  icon: ReactNode;
  /** where the entry leads; none for a service that is not open yet (shown as 即将开放, never as a dead link) */
  to?: string;
}

/** The public's four services on the home page, in the order a visitor looks for them. */
export const serviceEntries: ServiceEntry[] = [
  { title: '证书查询', description: '按证书编号和持证人姓名核验证书真伪', icon: <SafetyCertificateOutlined />, to: '/verify' },
  { title: '进度查询', description: '凭证件号码和姓名查看本人认定进度与结果', icon: <FileSearchOutlined />, to: '/cases' },
  { title: '机构目录', description: '查询已备案的评价机构及其职业（工种）、等级', icon: <ApartmentOutlined />, to: '/directory' },
  { title: '投诉举报', description: '对评价机构和认定活动的投诉举报', icon: <AlertOutlined /> },
];

const box = {
  display: 'flex', flexDirection: 'column', gap: 4, minHeight: 96, height: '100%', padding: '14px 16px', borderRadius: 8,
  border: '1px solid #d9d9d9', background: '#fff', color: 'inherit',
} as const;

function EntryBody({ entry, open }: { entry: ServiceEntry; open: boolean }) {
  return (
    <>
      <Typography.Text strong style={{ fontSize: 18 }} type={open ? undefined : 'secondary'}>
        <span style={{ color: open ? '#1677ff' : '#bfbfbf', marginInlineEnd: 8 }} aria-hidden>{entry.icon}</span>
        {entry.title}
        {!open && <Tag style={{ marginInlineStart: 8, verticalAlign: 'middle' }}>即将开放</Tag>}
      </Typography.Text>
      <Typography.Text type="secondary">{entry.description}</Typography.Text>
    </>
  );
}

/** Large entries (two a row on a phone, four on a desktop): a link for each open service, a greyed card for one to come. */
export function ServiceEntries({ entries = serviceEntries }: { entries?: ServiceEntry[] }) {
  return (
    <Row gutter={[12, 12]} role="list" aria-label="公众服务">
      {entries.map((e) => (
        <Col key={e.title} xs={12} md={6} role="listitem">
          {e.to ? (
            <Link to={e.to} style={box} data-testid="service-entry">
              <EntryBody entry={e} open />
            </Link>
          ) : (
            <div style={{ ...box, background: '#fafafa', cursor: 'not-allowed' }} aria-disabled="true" data-testid="service-entry">
              <EntryBody entry={e} open={false} />
            </div>
          )}
        </Col>
      ))}
    </Row>
  );
}
