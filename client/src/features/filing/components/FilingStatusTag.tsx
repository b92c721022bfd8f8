import { Tag } from 'antd';
import { filingStatusColors, useTerms } from '../../../lib/terms';

export function FilingStatusTag({ status }: { status: string }) {
  const terms = useTerms();
  return <Tag data-testid="filing-status" color={filingStatusColors[status]}>{terms.name('filingStatuses', status)}</Tag>;
}
