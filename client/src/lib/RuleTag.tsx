import { Typography } from 'antd';
import { isRuleId } from './format';

/**
 * A rejection's rule ID as a small reference after its Chinese message (FIL-06), for those who look the rule up;
 * nothing for technical codes. Titles, labels, notices and ledgers carry no rule IDs at all.
 */
export function RuleTag({ ruleId }: { ruleId?: string | null }) {
  return isRuleId(ruleId)
    ? <Typography.Text type="secondary" className="rule-ref" style={{ fontSize: 12, marginInlineStart: 6 }}>{ruleId}</Typography.Text>
    : null;
}
