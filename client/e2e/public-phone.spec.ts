import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { decodeQrOfPdf } from './support/qr';
import { demoPassword, signInAs } from './support/session';

/** Where screenshots go: E2E_SHOTS when set (the closing note's pictures), else the test's own output folder. */
function shot(name: string) {
  const dir = process.env.E2E_SHOTS;
  if (!dir) return test.info().outputPath(name);
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/** Nothing on the page is wider than the phone: the page never scrolls sideways. */
async function expectNoSidewaysScroll(page: Page, width = 390) {
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(width);
}

test.describe('the public on a phone (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the home page offers large entries for verification, the case lookup and the directory, and a short guide', async ({ page }) => {
    await page.goto('/');
    const services = page.getByRole('list', { name: '公众服务' });
    await expect(services).toBeVisible();
    for (const [name, path] of [['证书查询', '/verify'], ['进度查询', '/cases'], ['机构目录', '/directory']] as const) {
      const entry = services.getByRole('link', { name: new RegExp(name) });
      await expect(entry).toHaveAttribute('href', path);
      const box = (await entry.boundingBox())!;
      expect(box.height, `${name} is a large touch target`).toBeGreaterThanOrEqual(48);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    // complaints arrive with a later issue: shown as coming, never a dead link
    const complaints = services.getByTestId('service-entry').filter({ hasText: '投诉举报' });
    await expect(complaints).toContainText('即将开放');
    await expect(complaints).toHaveAttribute('aria-disabled', 'true');
    await expect(services.getByRole('link', { name: /投诉举报/ })).toHaveCount(0);
    const guide = page.getByTestId('service-guide');
    await expect(guide).toContainText('评价机构如何备案');
    await expect(guide).toContainText('考生如何查询证书');
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: shot('phone-home.png'), fullPage: true });

    await services.getByRole('link', { name: /进度查询/ }).click();
    await expect(page).toHaveURL(/\/cases$/);
  });

  test('the directory is a column of cards, not a table that scrolls sideways', async ({ page }) => {
    await page.goto('/directory');
    const card = page.getByTestId('directory-card').filter({ hasText: '芜湖奇瑞汽车股份有限公司' }).first();
    await expect(card).toBeVisible();
    await expect(card).toContainText('备案号：');
    await expect(card).toContainText('职业（工种）及等级：');
    await expect(page.locator('.ant-table')).toHaveCount(0);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: shot('phone-directory.png') });
    await card.click();
    await expect(page).toHaveURL(/\/directory\/[0-9a-f-]+$/);
  });

  test('the notices are a column of cards, not a table that scrolls sideways', async ({ page }) => {
    await page.goto('/notices');
    const cards = page.getByTestId('notice-card');
    await expect(cards.first()).toBeVisible();
    await expect(cards.first()).toContainText('公示期：');
    await expect(page.locator('.ant-table')).toHaveCount(0);
    await expectNoSidewaysScroll(page);
    await cards.first().getByRole('link').click();
    await expect(page).toHaveURL(/\/notices\/[0-9a-f-]+$/);
  });

  test('the page a certificate’s QR code opens fits the phone and explains what a verifiable credential is', async ({ page, request, baseURL }) => {
    test.setTimeout(120_000);
    // a certificate of the demo's accepted Huangshi batch, its PDF read by its organization (purpose stated, AUD-04)
    expect((await request.post('/api/auth/sign-in', { data: { userName: 'huangshi.org', password: demoPassword } })).ok()).toBeTruthy();
    const listed = await request.get('/api/certificates?status=Valid&pageSize=5');
    expect(listed.ok()).toBeTruthy();
    const [certificate] = (await listed.json()).items as { id: string; number: string }[];
    expect(certificate).toBeDefined();
    const pdf = await request.get(`/api/certificates/${certificate.id}/pdf`, {
      headers: { 'X-Read-Purpose': 'other', 'X-Read-Purpose-Note': encodeURIComponent('E2E：手机扫码验证') },
    });
    expect(pdf.ok()).toBeTruthy();
    const qr = await decodeQrOfPdf(page.context(), baseURL!, await pdf.body());
    expect(qr, 'the QR code on the PDF decodes').not.toBeNull();
    const [link, payload] = qr!.text.split('#');

    // scanned on a phone by someone without an account
    await page.goto(`${new URL(link).pathname}#${payload}`);
    await expect(page.getByTestId('verify-result')).toContainText('证书有效');
    await expect(page.getByTestId('signature')).toContainText('电子签名有效');
    await expect(page.getByTestId('verified-certificate')).toContainText(certificate.number);
    await expectNoSidewaysScroll(page);
    const explanation = page.getByTestId('credential-explanation');
    await page.getByRole('button', { name: /什么是可验证凭证/ }).click();
    await expect(explanation).toBeVisible();
    await expect(explanation).toContainText('私钥');
    await expect(explanation).toContainText('公钥');
    await expect(explanation).toContainText('已撤销');
    await page.getByRole('button', { name: /查看可验证凭证/ }).click();
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: shot('phone-verify.png'), fullPage: true });
  });
});

test.describe('the workbench (1440 px)', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('a city reviewer’s workbench with what waits for them, for the record', async ({ page }) => {
    await signInAs(page, 'wuhu.reviewer', /\/workbench$/);
    await expect(page.getByTestId('side-menu')).toBeVisible();
    // the page itself, with its queue and the area's organizations loaded (an SPA navigation sets no new load state)
    await expect(page.getByText('待我处理', { exact: false }).first()).toBeVisible();
    await expect(page.getByTestId('waiting-work').locator('tbody tr.ant-table-row').first()).toBeVisible();
    await expect(page.getByRole('cell', { name: '芜湖奇瑞汽车股份有限公司' }).first()).toBeVisible();
    await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
    // the window as a reviewer sees it (a full-page shot would cut the sticky side menu at the window's height)
    await page.screenshot({ path: shot('workbench.png') });
  });
});
