import { Alert, List } from 'antd';
import type { FormInstance } from 'antd';
import { ApiProblem, describeProblem } from '../api/problem';
import { RuleTag } from './RuleTag';

/** Shows a failed request as people read it: the rules it broke (each message, its rule ID small after it), or the fields to fix. */
export function ProblemAlert({ error }: { error: unknown }) {
  if (!error) return null;
  if (!(error instanceof ApiProblem)) {
    return <Alert type="error" showIcon title="网络错误" description="无法连接服务器，请检查网络后重试。" />;
  }
  const rules = error.rules;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={error.body.title ?? '请求失败'}
      description={
        rules.length > 0 ? (
          <List
            size="small"
            dataSource={rules}
            renderItem={(r) => (
              <List.Item>
                <span>{r.message}<RuleTag ruleId={r.ruleId} /></span>
              </List.Item>
            )}
          />
        ) : (
          <>
            {describeProblem(error.status, error.body)}
            {/* a fault of the server's, not a refusal (a wrong password, a missing page): only then is a trace id worth reporting */}
            {error.status >= 500 && error.body.traceId && <div style={{ color: '#999', fontSize: 12 }}>追踪编号：{error.body.traceId}</div>}
          </>
        )
      }
    />
  );
}

/** "occupations[0].name" (or "Occupations[0].Name") as antd's name path ['occupations', 0, 'name']. */
export function fieldPath(name: string): (string | number)[] {
  return name
    .split(/[.[\]]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part.charAt(0).toLowerCase() + part.slice(1)));
}

/** Puts a 400's field errors next to the form fields they belong to. */
export function applyFieldErrors(form: FormInstance, error: unknown) {
  if (!(error instanceof ApiProblem)) return;
  const fields = Object.entries(error.fieldErrors).map(([name, errors]) => ({ name: fieldPath(name), errors }));
  if (fields.length > 0) form.setFields(fields);
}
