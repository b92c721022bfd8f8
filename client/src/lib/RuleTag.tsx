import { Tag } from 'antd';
import { isRuleId } from './format';

/** A rule's ID as a tag, only for the specification's rule IDs (FIL-06); nothing for technical codes. */
export function RuleTag({ ruleId, color = 'red' }: { ruleId?: string | null; color?: string }) {
  return isRuleId(ruleId) ? <Tag color={color}>{ruleId}</Tag> : null;
}
