import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './support/session';

/** A red ring seal on a transparent (or white) canvas, drawn by the browser itself, as PNG bytes. */
async function sealPng(page: Page, opaque: boolean) {
  const base64 = await page.evaluate((white) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 400;
    const g = canvas.getContext('2d')!;
    if (white) { g.fillStyle = '#fff'; g.fillRect(0, 0, 400, 400); }
    g.strokeStyle = '#d00'; g.lineWidth = 30;
    g.beginPath(); g.arc(200, 200, 150, 0, Math.PI * 2); g.stroke();
    return canvas.toDataURL('image/png').split(',')[1];
  }, opaque);
  return Buffer.from(base64, 'base64');
}

test('an organization uploads its seal image; an opaque one is refused with the reason (issue 18 item 10)', async ({ page }) => {
  await signInAs(page, 'wuhu.org', /\/organization$/);
  const card = page.getByTestId('organization-seal');
  await expect(card).toContainText('未上传时该处留空');
  const chooser = card.locator('input[type=file]');

  await chooser.setInputFiles({ name: '白底公章.png', mimeType: 'image/png', buffer: await sealPng(page, true) });
  await expect(card).toContainText('背景不透明会遮住机构名称和日期');

  const uploaded = page.waitForResponse((r) => r.url().endsWith('/seal') && r.request().method() === 'POST');
  await chooser.setInputFiles({ name: '公章.png', mimeType: 'image/png', buffer: await sealPng(page, false) });
  expect((await uploaded).status()).toBe(200);
  const image = card.getByTestId('seal-image');
  await expect(image).toBeVisible();
  // the stored seal is served and decodes as a picture in the browser
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(300);
  await expect(card.getByRole('button', { name: /更换印章图片/ })).toBeVisible();
});
