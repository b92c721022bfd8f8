import { Button, Popover, Typography } from 'antd';
import { RuleTag } from '../../../lib/RuleTag';

export interface CellError {
  message: string;
  ruleId?: string | null;
}

/**
 * Errors in a table cell (an import's faulty rows, a candidate or result to fix): one short line that opens every message,
 * each with its rule reference, in a popover — the table keeps its width however long the messages are.
 */
export function ErrorCell({ errors }: { errors: CellError[] }) {
  if (errors.length === 0) return null;
  const summary = errors.length === 1 ? errors[0].message : `${errors.length}处错误：${errors[0].message}`;
  const content = (
    <ul data-testid="cell-errors" style={{ maxWidth: 'min(360px, 80vw)', margin: 0, paddingInlineStart: 18 }}>
      {errors.map((e, i) => (
        <li key={i}><Typography.Text type="danger">{e.message}</Typography.Text><RuleTag ruleId={e.ruleId} /></li>
      ))}
    </ul>
  );
  return (
    <Popover trigger="click" title={errors.length === 1 ? '错误' : `${errors.length}处错误`} content={content}>
      <Button type="link" danger size="small" data-testid="error-cell" title="点击查看错误详情"
        style={{ padding: 0, height: 'auto', maxWidth: 220 }}>
        <span style={{ display: 'inline-block', maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {summary}
        </span>
      </Button>
    </Popover>
  );
}
