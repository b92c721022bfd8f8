import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { RowErrorsTable } from './BatchParts';
import { ErrorCell } from './ErrorCell';

afterEach(() => {
  cleanup();
  document.body.innerHTML = ''; // the popovers live outside the rendered container
});

const long = '证件号码“34020219900101432X”校验位不正确：按GB 11643计算应为“1”，请核对考生的居民身份证后重新填写本行。';

describe('ErrorCell (issue 18 item 8)', () => {
  it('shows one short line in the cell and the full message with its rule reference in a popover', async () => {
    render(<ErrorCell errors={[{ message: long, ruleId: 'BAT-09' }]} />);
    const cell = screen.getByTestId('error-cell');
    expect(cell.textContent).toBe(long);
    expect(cell.querySelector<HTMLElement>('span[style*="nowrap"]')?.style.textOverflow).toBe('ellipsis');
    expect(screen.queryByTestId('cell-errors')).toBeNull(); // nothing unfolds in the table itself
    fireEvent.click(cell);
    const popover = await screen.findByTestId('cell-errors');
    expect(popover.textContent).toBe(`${long}BAT-09`); // the message, then the rule ID after it
    expect(within(popover).getByText('BAT-09').className).toContain('rule-ref');
  });

  it('counts several errors in the cell and lists them all in the popover', async () => {
    render(<ErrorCell errors={[{ message: '姓名不能为空且不超过50字。' }, { message: '联系电话格式不正确。', ruleId: 'BAT-09' }]} />);
    const cell = screen.getByTestId('error-cell');
    expect(cell.textContent).toBe('2处错误：姓名不能为空且不超过50字。');
    fireEvent.click(cell);
    const items = (await screen.findByTestId('cell-errors')).querySelectorAll('li');
    expect([...items].map((li) => li.textContent)).toEqual(['姓名不能为空且不超过50字。', '联系电话格式不正确。BAT-09']);
  });

  it('renders nothing without errors', () => {
    const { container } = render(<ErrorCell errors={[]} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('RowErrorsTable', () => {
  it('lists each faulty row with its column and opens the error from its cell, without a rule column', async () => {
    render(<RowErrorsTable rows={[{ row: 3, column: '证件号码', ruleId: 'BAT-09', message: long }]} />);
    const table = screen.getByTestId('row-errors');
    expect(within(table).queryByText('规则')).toBeNull();
    expect(within(table).getByTestId('row-number').textContent).toBe('3');
    expect(within(table).getByText('证件号码')).toBeTruthy();
    fireEvent.click(within(table).getByTestId('error-cell'));
    expect((await screen.findByTestId('cell-errors')).textContent).toBe(`${long}BAT-09`);
  });
});
