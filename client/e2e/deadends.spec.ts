import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './support/session';

/** Issue 18 (dead ends): a correction request can be taken back; the auditor opens what its lists and a certificate name. */

/** AUD-04: the first full read of a working session asks its purpose; chosen once, it is sent with every later read. */
async function statePurpose(page: Page, purpose: string) {
  const dialog = page.getByRole('dialog').filter({ hasText: '请说明查阅个人信息的目的' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(purpose, { exact: true }).check();
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
}

/** The certificates of the demo's accepted Huangshi batch (第一批), listed on 证书管理. */
async function huangshiCertificates(page: Page) {
  await page.goto('/certificates');
  const issuance = page.getByTestId('issuances').locator('tbody tr').filter({ hasText: '第一批' }).filter({ hasText: '黄石' });
  await expect(issuance).toHaveCount(1);
  const listed = page.waitForResponse((r) => r.url().includes('/api/certificates?') && r.url().includes('batchId=') && r.ok());
  await issuance.getByRole('button', { name: '查看证书' }).click();
  await listed;
  return page.getByTestId('certificates');
}

test.describe.configure({ mode: 'serial' });

test('an organization withdraws its pending correction request (撤回申请) and it leaves the authority\'s queue', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAs(page, 'huangshi.org', /\/organization$/);
  const certificates = await huangshiCertificates(page);
  // the last valid one: certificates.spec.ts revokes the first, public.spec.ts verifies 李秀兰's
  const row = certificates.locator('tbody tr').filter({ hasText: '有效' }).filter({ hasNotText: '李*兰' }).last();
  const number = (await row.locator('td').nth(0).innerText()).trim();

  await row.getByRole('button', { name: /更多操作/ }).click();
  await page.getByRole('menuitem', { name: '申请更正' }).click();
  await statePurpose(page, '证书补正');
  const form = page.getByRole('dialog').filter({ hasText: `申请更正 ${number}` });
  await form.getByLabel('所在单位').fill('黄石市高级技工学校（更正）');
  await form.getByLabel('更正原因').fill('E2E：所在单位录入有误');
  const requested = page.waitForResponse((r) => r.url().endsWith('/corrections') && r.request().method() === 'POST');
  await form.getByRole('button', { name: '提交申请' }).click();
  expect((await requested).status()).toBe(200);

  // the request waits in the list with 撤回申请 (from the server's actions); withdrawing asks once
  const corrections = page.getByTestId('corrections');
  const request = corrections.locator('tbody tr').filter({ hasText: number });
  await expect(request).toContainText('待审批');
  await request.getByRole('button', { name: '撤回申请' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: `撤回证书${number}的更正申请？` });
  await expect(confirm).toContainText('证书信息不变');
  const withdrawn = page.waitForResponse((r) => r.url().endsWith('/withdraw'));
  await confirm.getByRole('button', { name: '撤回申请' }).click();
  expect((await withdrawn).status()).toBe(200);
  await expect(corrections.locator('tbody tr').filter({ hasText: number })).toHaveCount(0);
  await corrections.getByText('已撤回', { exact: true }).first().click();
  await expect(corrections.locator('tbody tr').filter({ hasText: number }).first()).toContainText('已撤回');
  await expect(corrections.locator('tbody tr').filter({ hasText: number }).getByRole('button', { name: '撤回申请' })).toHaveCount(0);
  // the certificate may be asked to correct again
  await row.getByRole('button', { name: /更多操作/ }).click();
  await expect(page.getByRole('menuitem', { name: '申请更正' })).toBeVisible();
  await page.keyboard.press('Escape');

  // the receiving authority no longer finds it waiting
  const reviewer = await browser.newPage();
  const workbench = reviewer.waitForResponse((r) => r.url().includes('/api/workbench') && r.ok());
  await signInAs(reviewer, 'huangshi.reviewer', /\/workbench$/);
  expect(JSON.stringify(await (await workbench).json())).not.toContain(number);
  await reviewer.goto('/certificates');
  const queue = reviewer.getByTestId('corrections');
  await expect(queue.locator('.ant-table')).toBeVisible();
  await expect(queue.locator('tbody tr').filter({ hasText: number })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/deadends-withdrawn.png' });
  await reviewer.close();
});

test('the auditor opens organizations, filings, batches and a reader\'s activity from its lists, and a certificate links to where it came from', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, 'auditor', /\/workbench$/);

  // 备案 list: the organization's name opens its page, the number its filing
  await page.goto('/filings');
  const filing = page.locator('tbody tr').filter({ hasText: '黄石市高级技工学校' }).first();
  await filing.getByRole('link', { name: '黄石市高级技工学校' }).click();
  await expect(page).toHaveURL(/\/organizations\/[0-9a-f-]+$/);
  await expect(page.getByText('黄石市高级技工学校').first()).toBeVisible();

  // 认定批次 list: the organization and the filing open from the row (not the row's own batch page)
  await page.goto('/batches');
  const batch = page.locator('tbody tr').filter({ hasText: '黄石市高级技工学校' }).first();
  await batch.locator('td').nth(2).getByRole('link').click();
  await expect(page).toHaveURL(/\/filings\/[0-9a-f-]+$/);

  // 个人信息查阅记录: a reader's unit opens the organization, 操作统计 that reader's activity
  await page.goto('/audit/personal-data-reads');
  const read = page.getByTestId('personal-data-reads').locator('tbody tr').filter({ hasText: '黄石市高级技工学校' }).first();
  await expect(read).toBeVisible();
  await read.getByRole('link', { name: '操作统计' }).click();
  await expect(page).toHaveURL(/\/audit\/activity\?userId=/);
  await expect(page.getByTestId('person-filter')).toContainText('人员：');
  const unit = page.getByTestId('actor-activity').locator('tbody tr').first().getByRole('link', { name: '黄石市高级技工学校' });
  await unit.click();
  await expect(page).toHaveURL(/\/organizations\/[0-9a-f-]+$/);

  // a certificate's detail links to its organization, batch, filing and the application that granted the filing
  const certificates = await huangshiCertificates(page);
  await certificates.locator('tbody tr').filter({ hasText: '有效' }).first().getByRole('button', { name: '详情' }).click();
  await statePurpose(page, '审计');
  const detail = page.getByTestId('certificate-detail');
  await expect(detail.getByRole('link', { name: '备案申请' })).toHaveAttribute('href', /^\/applications\/[0-9a-f-]+$/);
  await expect(detail.getByRole('link', { name: '黄石市高级技工学校' })).toHaveAttribute('href', /^\/organizations\/[0-9a-f-]+$/);
  await expect(detail.locator('a[href^="/filings/"]')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/deadends-certificate-links.png' });
  await detail.getByRole('link', { name: /第一批/ }).click();
  await expect(page).toHaveURL(/\/batches\/[0-9a-f-]+$/);
  await expect(page.getByText('第一批').first()).toBeVisible();
});
