import { describe, expect, it } from 'vitest';
import { fileNameOf } from './download';

describe('downloaded file names', () => {
  it('takes the server’s UTF-8 name, then the plain one, then the fallback', () => {
    expect(fileNameOf(`attachment; filename=x.xlsx; filename*=UTF-8''${encodeURIComponent('工作台账（第1批）.xlsx')}`, 'f.xlsx')).toBe('工作台账（第1批）.xlsx');
    expect(fileNameOf('attachment; filename="summary.xlsx"', 'f.xlsx')).toBe('summary.xlsx');
    expect(fileNameOf(null, '附件4.xlsx')).toBe('附件4.xlsx');
  });
});
