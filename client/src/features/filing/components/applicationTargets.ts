import type { FormInstance } from 'antd';
import { ApiProblem, type RuleViolation } from '../../../api/problem';

/**
 * The form field a refused rule's target points at: "/occupations/2" is that line's name, "/majors/0" that major's name;
 * "/evaluatedPopulations", "/mainBusiness" and "/preferences" are the fields of that name. Nothing for other targets
 * (the materials are marked in their table).
 */
export function targetField(target?: string | null): (string | number)[] | undefined {
  const line = /^\/(occupations|majors)\/(\d+)$/.exec(target ?? '');
  if (line) return [line[1], Number(line[2]), 'name'];
  const field = /^\/(evaluatedPopulations|mainBusiness|preferences)$/.exec(target ?? '');
  return field ? [field[1]] : undefined;
}

/** Shows each rule of a 422 at the field it targets (several rules on one field are listed together). */
export function applyRuleTargets(form: FormInstance, error: unknown) {
  const rules: RuleViolation[] = error instanceof ApiProblem ? error.rules : [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const r of rules) {
    const name = targetField(r.target);
    if (!name) continue;
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(`[${r.ruleId}] ${r.message}`);
    byField.set(key, entry);
  }
  if (byField.size > 0) form.setFields([...byField.values()]);
}
