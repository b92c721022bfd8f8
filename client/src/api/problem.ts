import { isRuleId } from '../lib/format';

/** A ProblemDetails (RFC 9457) answer from the API, as the SPA shows it to people. */
export interface RuleViolation {
  ruleId: string;
  code: string;
  message: string;
  /** A rule written 原则上: the applicant may ask a reviewer for an exception, with reasons. */
  inPrinciple?: boolean;
  /** JSON Pointer to what must change: "/occupations/0", "/materialItems/4". */
  target?: string | null;
}

/** One faulty row of an import (or of entered candidates and results, row = position from 1). */
export interface RowError {
  row: number;
  field?: string;
  column?: string;
  ruleId?: string;
  message: string;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  traceId?: string;
  rules?: RuleViolation[];
  errors?: Record<string, string[]>;
  /** Row-level errors of a file import (row 1 = the header): the catalog names the `field`, batch imports the `column` and rule. */
  rows?: RowError[];
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly body: ProblemBody;

  constructor(status: number, body: ProblemBody) {
    super(describeProblem(status, body));
    this.status = status;
    this.body = body;
  }

  get rules(): RuleViolation[] {
    return this.body.rules ?? [];
  }

  get fieldErrors(): Record<string, string[]> {
    return this.body.errors ?? {};
  }
}

const fallbackByStatus: Record<number, string> = {
  400: '请求内容有误，请检查后重试。',
  401: '请先登录。',
  403: '您没有执行此操作的权限。',
  404: '内容不存在或您无权查看。',
  405: '不支持的操作。',
  409: '数据已被他人修改，请刷新后重试。',
  413: '提交的内容过大。',
  415: '提交的内容格式不受支持。',
  422: '不符合业务规则。',
  500: '服务器发生错误，请稍后重试。',
};

/** One readable Chinese sentence: rule violations first (each rule ID after its message), then field errors, then the detail. */
export function describeProblem(status: number, body: ProblemBody): string {
  if (body.rules && body.rules.length > 0) {
    return body.rules.map((r) => `${r.message}${isRuleId(r.ruleId) ? `（${r.ruleId}）` : ''}`).join('；');
  }
  if (body.errors && Object.keys(body.errors).length > 0) {
    return Object.values(body.errors).flat().join('；');
  }
  return body.detail ?? body.title ?? fallbackByStatus[status] ?? `请求失败（${status}）。`;
}

/** Reads any failed response as a ProblemDetails, even when the server (or a proxy) sent something else. */
export async function toProblem(response: Response): Promise<ApiProblem> {
  let body: ProblemBody = {};
  try {
    const text = await response.text();
    body = text ? (JSON.parse(text) as ProblemBody) : {};
  } catch {
    body = {};
  }
  return new ApiProblem(response.status, body);
}
