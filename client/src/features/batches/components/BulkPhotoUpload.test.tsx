import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { BulkPhotoResults } from './BulkPhotoUpload';

describe('BulkPhotoResults (CRT-03, issue 18 item 11)', () => {
  afterEach(cleanup);

  it('lists every file with its result in Chinese and sums up what was saved', () => {
    render(<BulkPhotoResults answer={{
      id: 'b1', version: 9, saved: 1, files: [
        { fileName: '340202199001010016.jpg', status: 'saved', statusName: '已保存', message: '照片已保存。' },
        { fileName: '110101199003071234.jpg', status: 'not-in-batch', statusName: '本批次无此考生', message: '本批次没有证件号码为“110101199003071234”的考生。' },
      ],
    }} />);
    expect(screen.getByTestId('bulk-photo-summary').textContent).toBe('共 2 个文件：1 张照片已保存，1 个未保存（见下表）。');
    const rows = within(screen.getByTestId('bulk-photo-results')).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows[0]).toContain('已保存');
    expect(rows[1]).toContain('本批次无此考生');
  });
});
