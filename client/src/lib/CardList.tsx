import type { ReactNode } from 'react';
import { Card, Empty, Pagination, Spin, Typography, type PaginationProps } from 'antd';
import { Link, useNavigate } from 'react-router-dom';

export interface CardField {
  label: string;
  value: ReactNode;
}

export interface CardListProps<T> {
  items: T[];
  loading?: boolean;
  rowKey: (item: T) => string;
  /** the card's heading, a link to `href` */
  title: (item: T) => ReactNode;
  /** a status tag beside the heading */
  tag?: (item: T) => ReactNode;
  /** the lines under the heading, label and value; a line without a value is left out */
  fields: (item: T) => CardField[];
  href: (item: T) => string;
  pagination: PaginationProps;
  /** each card's data-testid */
  testId: string;
}

/**
 * A list as a column of cards, for a phone held upright where a table would scroll sideways: each card names the item (a link
 * to it), its status, and the table's columns as labelled lines that wrap. The whole card opens the item.
 */
export function CardList<T>({ items, loading, rowKey, title, tag, fields, href, pagination, testId }: CardListProps<T>) {
  const navigate = useNavigate();
  return (
    <Spin spinning={!!loading}>
      <div role="list" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
        {items.map((item) => (
          <Card key={rowKey(item)} role="listitem" size="small" hoverable data-testid={testId} onClick={() => navigate(href(item))}>
            <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', justifyContent: 'space-between', marginBottom: 6 }}>
              <Typography.Text strong style={{ fontSize: 16, minWidth: 0, overflowWrap: 'anywhere' }}>
                <Link to={href(item)} onClick={(e) => e.stopPropagation()}>{title(item)}</Link>
              </Typography.Text>
              {tag && <span style={{ flexShrink: 0 }}>{tag(item)}</span>}
            </div>
            {fields(item).filter((f) => f.value !== undefined && f.value !== null && f.value !== '').map((f) => (
              <div key={f.label} style={{ overflowWrap: 'anywhere', lineHeight: 1.7 }}>
                <Typography.Text type="secondary">{f.label}：</Typography.Text>{f.value}
              </div>
            ))}
          </Card>
        ))}
        {!loading && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      </div>
      {(pagination.total ?? 0) > 0 && <Pagination size="small" align="center" style={{ marginTop: 16 }} {...pagination} />}
    </Spin>
  );
}
