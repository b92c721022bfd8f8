import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { ApiProblem } from '../api/problem';
import { ProblemAlert } from './ProblemAlert';

describe('ProblemAlert', () => {
  it('shows each broken rule by its Chinese message, with the rule ID as a small reference after it', () => {
    render(<ProblemAlert error={new ApiProblem(422, { title: '业务规则校验未通过', rules: [{ ruleId: 'FIL-04', code: 'x', message: '职业原则上不超过5个。' }] })} />);
    expect(screen.getByText('业务规则校验未通过')).toBeTruthy();
    const reference = screen.getByText('FIL-04');
    expect(reference.className).toContain('rule-ref');
    expect(reference.closest('span:not(.rule-ref)')?.textContent).toBe('职业原则上不超过5个。FIL-04'); // message first, then the reference
  });

  it('shows no rule tag for a technical code', () => {
    render(<ProblemAlert error={new ApiProblem(422, { title: '业务规则校验未通过', rules: [{ ruleId: 'WORKDAYS', code: 'x', message: '日期超出已载入的年度。' }] })} />);
    expect(screen.queryByText('WORKDAYS')).toBeNull();
    expect(screen.getByText('日期超出已载入的年度。')).toBeTruthy();
  });

  it('puts nested field errors on their form fields', async () => {
    const { fieldPath } = await import('./ProblemAlert');
    expect(fieldPath('occupations[0].name')).toEqual(['occupations', 0, 'name']);
    expect(fieldPath('Occupations[1].PersonTimes')).toEqual(['occupations', 1, 'personTimes']);
    expect(fieldPath('contactPhone')).toEqual(['contactPhone']);
  });

  it('shows the trace id so people can report a failure', () => {
    render(<ProblemAlert error={new ApiProblem(500, { title: '服务器内部错误', detail: '处理请求时发生错误。', traceId: 'trace-123' })} />);
    expect(screen.getByText(/trace-123/)).toBeTruthy();
  });

  it('shows no trace id for a refusal such as a wrong password (issue 18 item 8)', () => {
    const { container } = render(
      <ProblemAlert error={new ApiProblem(401, { title: '用户名或密码错误', detail: '用户名或密码错误。', traceId: 'trace-456' })} />,
    );
    expect(container.textContent).toContain('用户名或密码错误。');
    expect(container.textContent).not.toContain('trace-456');
    expect(container.textContent).not.toContain('追踪编号');
  });

  it('renders nothing without an error', () => {
    const { container } = render(<ProblemAlert error={null} />);
    expect(container.innerHTML).toBe('');
  });
});
