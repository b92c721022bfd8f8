import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { signInAs } from './support/session';

/** The number of files a zip's end-of-central-directory record states (the last 22 bytes, no comment, no zip64). */
function zipEntries(zip: Buffer) {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end), 'end of central directory').toBe(0x06054b50);
  return zip.readUInt16LE(end + 10);
}

test('批量下载 shows how many certificates have arrived and saves a zip with every PDF (issue 18 item 2)', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'huangshi.org', /\/organization$/);
  await page.goto('/certificates');
  const issuance = page.getByTestId('issuances').locator('tbody tr').filter({ hasText: '第一批' });
  await expect(issuance).toContainText('已完成', { timeout: 30_000 });
  const total = Number((await issuance.getByTestId('issuance-progress').innerText()).match(/(\d+) \/ \1 本/)![1]);

  const downloading = page.waitForEvent('download');
  await issuance.getByRole('button', { name: '批量下载' }).click();
  // the PDFs print identity numbers: the purpose of reading is asked first (AUD-04)
  const purpose = page.getByRole('dialog').filter({ hasText: '请说明查阅个人信息的目的' });
  await expect(purpose).toBeVisible();
  await purpose.getByLabel('其他').check();
  await purpose.getByLabel('具体目的').fill('E2E：批量打印证书');
  await purpose.getByRole('button', { name: '确定' }).click();

  const dialog = page.getByTestId('zip-download');
  await expect(dialog.getByTestId('zip-progress')).toContainText(`已下载全部 ${total} 份证书`, { timeout: 60_000 });
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^证书（.*第一批.*）\.zip$/);
  const zip = await readFile(await download.path());
  expect(zipEntries(zip)).toBe(total);
  await page.getByRole('dialog').filter({ hasText: '批量下载证书' }).locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();
});

test('a 批量下载 the server refuses says why instead of a spinner that stops', async ({ page }) => {
  await signInAs(page, 'huangshi.org', /\/organization$/);
  await page.goto('/certificates');
  const issuance = page.getByTestId('issuances').locator('tbody tr').filter({ hasText: '第一批' });
  await expect(issuance).toContainText('已完成', { timeout: 30_000 });
  await page.route('**/api/certificate-issuances/*/pdfs', (route) => route.fulfill({
    status: 503, contentType: 'application/problem+json',
    body: JSON.stringify({ status: 503, title: '服务暂时不可用', detail: '证书生成服务繁忙，请稍后重试。', code: 'unavailable' }),
  }));
  await issuance.getByRole('button', { name: '批量下载' }).click();
  const dialog = page.getByTestId('zip-download');
  await expect(dialog).toContainText('证书生成服务繁忙，请稍后重试。');
  await expect(issuance.getByRole('button', { name: '批量下载' })).toBeEnabled();
});
