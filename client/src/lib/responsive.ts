import { Grid } from 'antd';

/**
 * True on a phone held upright: below antd's sm breakpoint (576 px), where lists show as a column of cards instead of a table
 * that scrolls sideways. False until the breakpoints are known (antd measures them in a layout effect, before the first paint).
 */
export function usePhone(): boolean {
  return Grid.useBreakpoint().sm === false;
}
