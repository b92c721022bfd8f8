import { RuleTag } from '../../../lib/RuleTag';

/** A rule written 原则上 named by what it asks (its messages), not by its ID; the ID follows as a small reference. */
export function ExceptionLabel({ rules, ruleId, ask }: { rules: { ruleId: string; message: string }[]; ruleId: string; ask: string }) {
  const messages = [...new Set(rules.filter((r) => r.ruleId === ruleId).map((r) => r.message))];
  return <span>{ask}：{messages.join('；')}<RuleTag ruleId={ruleId} /></span>;
}
