import { expect, test } from '@playwright/test';
import { signInAs } from './support/session';

test('an organization uploads several photos at once and reads each file’s result in Chinese', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'wuhu.org', /\/organization$/);
  await page.goto('/batches');
  await page.getByText(/第二批/).first().click();
  await expect(page).toHaveURL(/\/batches\/[0-9a-f-]+$/);
  await page.locator('.ant-steps').getByText('考生', { exact: true }).click();
  const candidates = page.getByTestId('candidates');
  await candidates.getByRole('button', { name: '批量上传照片' }).click();
  const dialog = page.getByRole('dialog').filter({ has: page.getByText('批量上传照片', { exact: true }) });
  await expect(dialog).toContainText('以考生的证件号码命名');
  // nobody in this batch has these numbers; the same number twice is a duplicate, whatever else is wrong
  await dialog.locator('input[type=file]').setInputFiles([
    { name: '110101199003071234.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('不是照片') },
    { name: '110101199003075678.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('一') },
    { name: '110101199003075678.png', mimeType: 'image/png', buffer: Buffer.from('二') },
  ]);
  await dialog.getByRole('button', { name: '上传' }).click();
  await expect(dialog.getByTestId('bulk-photo-summary')).toHaveText('共 3 个文件：0 张照片已保存，3 个未保存（见下表）。');
  const rows = dialog.getByTestId('bulk-photo-results').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('本批次无此考生');
  await expect(rows.nth(0)).toContainText('本批次没有证件号码为“110101199003071234”的考生');
  await expect(rows.nth(1)).toContainText('重复文件');
  await expect(rows.nth(2)).toContainText('重复文件');
  await page.screenshot({ path: 'test-results/bulk-photos.png' });
  await dialog.getByRole('button', { name: '完成' }).click();
  await expect(dialog).toBeHidden();
});
