import { createPublicKey, verify } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { verifyCompactJws, type PublishedKey } from '../src/lib/credentials';
import { decodeQrOfPdf } from './support/qr';
import { signInAs } from './support/session';

/** How the public answers show a name (Masking.Name): 王*华, 李* */
const masked = (name: string) => (name.length <= 1 ? name : name.length === 2 ? `${name[0]}*` : `${name[0]}${'*'.repeat(name.length - 2)}${name.at(-1)}`);

/** The same compact JWS with one character of its claims part changed. */
function tamper(jws: string) {
  const [header, claims, signature] = jws.split('.');
  const at = Math.floor(claims.length / 2);
  const changed = claims[at] === 'A' ? 'B' : 'A';
  return `${header}.${claims.slice(0, at)}${changed}${claims.slice(at + 1)}.${signature}`;
}

/** An independent check with Node's own crypto (the JWK imported as is, the signature as raw r‖s). */
function nodeVerifies(jws: string, keys: PublishedKey[]) {
  const [header, claims, signature] = jws.split('.');
  const { kid, alg } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string; alg: string };
  const jwk = keys.find((k) => k.kid === kid);
  if (alg !== 'ES256' || !jwk) return false;
  const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, format: 'jwk' });
  return verify('sha256', Buffer.from(`${header}.${claims}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
}

/** Public verification by number and name on /verify (证书查询). */
async function verifyPublicly(page: Page, number: string, name: string) {
  await page.goto('/verify');
  await page.getByLabel('证书编号').fill(number);
  await page.getByLabel('持证人姓名').fill(name);
  const answer = page.waitForResponse((r) => r.url().includes('/api/public/certificates/verify?') && r.ok());
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await answer;
}

test('an organization downloads a certificate, its QR code decodes to a signed link that verifies, and once revoked it verifies as revoked', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  // the demo's accepted Huangshi batch (第一批) has its certificates issued at start-up; 李秀兰's stays valid for public.spec.ts
  await signInAs(page, 'huangshi.org', /\/organization$/);
  // 证书管理 (at 1280 px wide the organization's menu folds it under "…", so by its address as batches.spec.ts does)
  await page.goto('/certificates');
  await expect(page.getByText('证书核发', { exact: true })).toBeVisible();

  // 1. the issuance of the accepted batch has completed: n / n
  const issuance = page.getByTestId('issuances').locator('tbody tr').filter({ hasText: '第一批' });
  await expect(issuance).toHaveCount(1);
  await expect(issuance.getByTestId('issuance-progress')).toContainText(/(?<!\d)(\d+) \/ \1 本/, { timeout: 30_000 });
  await expect(issuance).toContainText('已完成');
  const listed = page.waitForResponse((r) => r.url().includes('/api/certificates?') && r.url().includes('batchId=') && r.ok());
  await issuance.getByRole('button', { name: '查看证书' }).click();
  await listed;

  // a valid certificate of the batch (not 李秀兰's: the public spec verifies hers as valid); the list is masked for everyone
  const certificates = page.getByTestId('certificates');
  await expect(page.getByTestId('certificates-masked-note')).toContainText('列表中的个人信息已脱敏');
  const row = certificates.locator('tbody tr').filter({ hasText: '有效' }).filter({ hasNotText: '李*兰' }).first();
  await expect(row).toBeVisible();
  const number = (await row.locator('td').nth(0).innerText()).trim();
  const maskedHolder = (await row.locator('td').nth(1).innerText()).trim();
  expect(number).toMatch(/^[0-9A-Z]{22}$/);
  expect(maskedHolder).toContain('*');
  await expect(row.locator('td').nth(2)).toContainText('**********');

  // AUD-04: the certificate opened on its own shows the holder in full, once the purpose of reading is stated (asked once)
  const opened = page.waitForResponse((r) => /\/api\/certificates\/[0-9a-f-]+$/.test(r.url()));
  await row.getByRole('button', { name: '详情' }).click();
  const purpose = page.getByRole('dialog').filter({ hasText: '请说明查阅个人信息的目的' });
  await expect(purpose).toBeVisible();
  expect((await opened).status(), 'asked without a purpose: 400 read-purpose-required').toBe(400);
  await purpose.getByLabel('其他').check();
  await purpose.getByLabel('具体目的').fill('E2E：打印证书并核对二维码');
  await purpose.getByRole('button', { name: '确定' }).click();
  await expect(purpose).toBeHidden();
  const detail = page.getByTestId('certificate-detail');
  await expect(detail.getByTestId('certificate-holder-name')).not.toContainText('*');
  const holder = (await detail.getByTestId('certificate-holder-name').innerText()).trim();
  expect(holder[0]).toBe(maskedHolder[0]);
  await expect(detail.getByTestId('certificate-document')).toContainText(/\d{17}[\dX]/);
  const identity = (await detail.getByTestId('certificate-document').innerText()).match(/\d{17}[\dX]/)![0];
  await expect(page.getByTestId('reveal-recorded')).toContainText('查阅目的：其他：E2E：打印证书并核对二维码');
  await expect(page.getByTestId('read-purpose')).toContainText('查阅目的：其他：E2E：打印证书并核对二维码');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  // the PDF, downloaded through the UI (the purpose is stated already: no second question)
  const downloading = page.waitForEvent('download');
  await row.getByRole('button', { name: /PDF/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`职业技能等级证书${number}.pdf`);
  const pdf = await readFile(await download.path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // 2. the QR code, rendered by pdf.js in the browser and read by jsQR: `<link>#<payload>`
  const qr = await decodeQrOfPdf(page.context(), baseURL!, pdf);
  expect(qr, 'the QR code on the PDF decodes').not.toBeNull();
  expect(qr!.pixelsPerModule).toBeGreaterThanOrEqual(4);
  test.info().annotations.push({ type: 'qr', description: `version ${qr!.version}, ${qr!.pixelsPerModule.toFixed(1)} px per module` });
  const [link, payload, ...rest] = qr!.text.split('#');
  expect(rest).toHaveLength(0);
  expect(qr!.annotationUrl).toBe(link);
  const path = new URL(link).pathname;
  expect(path).toMatch(/^\/verify\/[A-Za-z0-9_-]{16,}$/);
  // the link is this certificate's
  const token = path.split('/').pop()!;
  const answer = await (await page.request.get(`/api/public/certificates/links/${token}`)).json() as { result: string; certificate: { number: string } };
  expect(answer.result).toBe('Valid');
  expect(answer.certificate.number).toBe(number);

  // the payload's ES256 signature holds against the published JWKS (the SPA's own verifier, and Node's crypto); a tampered one fails
  const jwks = await (await page.request.get('/api/public/certificates/jwks')).json() as { keys: PublishedKey[] };
  const claims = await verifyCompactJws(payload, jwks.keys);
  expect(claims).toMatchObject({ n: number, h: holder });
  expect(nodeVerifies(payload, jwks.keys)).toBe(true);
  const tampered = tamper(payload);
  expect(tampered).not.toBe(payload);
  expect(await verifyCompactJws(tampered, jwks.keys)).toBeNull();
  expect(nodeVerifies(tampered, jwks.keys)).toBe(false);

  // 3. the decoded link, opened in the browser (on this server: the printed address is the configured public one)
  const scan = await page.context().newPage();
  await scan.goto(`${path}#${payload}`);
  await expect(scan.getByTestId('verify-result')).toContainText('证书有效');
  await expect(scan.getByTestId('signature')).toContainText(`电子签名有效：证书编号 ${number}，持证人 ${holder}`);
  await expect(scan.getByTestId('verified-certificate')).toContainText(number);
  await expect(scan.getByTestId('verified-certificate')).toContainText(masked(holder));
  const forged = await page.context().newPage();
  await forged.goto(`${path}#${tampered}`);
  await expect(forged.getByTestId('signature')).toContainText('电子签名无效');
  await forged.close();

  // 4. public verification by number and name: valid, the name masked, no identity number
  const visitor = await browser.newPage();
  await verifyPublicly(visitor, number, holder);
  await expect(visitor.getByTestId('verify-result')).toContainText('证书有效');
  const facts = visitor.getByTestId('verified-certificate');
  await expect(facts).toContainText(number);
  await expect(facts).toContainText(masked(holder));
  await expect(facts).not.toContainText(holder);
  await expect(facts).not.toContainText('撤销日期');

  // 5. the organization revokes it with a reason
  await page.getByLabel('搜索证书').fill(number);
  const found = page.waitForResponse((r) => r.url().includes('/api/certificates?') && r.url().includes(`q=${number}`) && r.ok());
  await page.getByLabel('搜索证书').press('Enter');
  await found;
  const mine = certificates.locator('tbody tr').filter({ hasText: number });
  await expect(mine).toHaveCount(1);
  // the red 撤销 waits under 更多, apart from the harmless buttons
  await mine.getByRole('button', { name: /更多操作/ }).click();
  await page.getByRole('menuitem', { name: '撤销证书' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: `撤销证书 ${number}` });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('撤销原因').fill('E2E：持证人资格经复核不符合认定条件，依法撤销。');
  const revoked = page.waitForResponse((r) => r.url().endsWith('/revoke') && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: '撤销', exact: true }).click();
  expect((await revoked).ok()).toBeTruthy();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('证书已撤销', { exact: true }).last()).toBeVisible();
  await expect(mine).toContainText('已撤销');
  const revokedOn = (await mine.locator('td').filter({ hasText: '已撤销' }).innerText()).match(/\d{4}-\d{2}-\d{2}/)?.[0];
  expect(revokedOn).toBeTruthy();
  await expect(mine.getByRole('button', { name: /更多操作/ })).toHaveCount(0);

  // verified again: revoked, with the date, by number and name and through the QR link
  await verifyPublicly(visitor, number, holder);
  await expect(visitor.getByTestId('verify-result')).toContainText('证书已撤销');
  await expect(facts).toContainText('撤销日期');
  await expect(facts).toContainText(revokedOn!);
  await expect(facts).not.toContainText(holder);
  await scan.reload();
  await expect(scan.getByTestId('verify-result')).toContainText('证书已撤销');
  await expect(scan.getByTestId('verified-certificate')).toContainText(revokedOn!);

  // AUD-04: the auditor finds both reads (the certificate opened, its PDF) with who, why and what
  const auditor = await browser.newPage();
  await signInAs(auditor, 'auditor', /\/workbench$/);
  await auditor.goto('/audit/personal-data-reads');
  const log = auditor.getByTestId('personal-data-reads');
  const reads = log.locator('tbody tr').filter({ hasText: `证书${number}` });
  await expect(reads.filter({ hasText: '查看证书' }).first()).toContainText('其他：E2E：打印证书并核对二维码');
  await expect(reads.filter({ hasText: '下载证书PDF' }).first()).toContainText('持有数据的评价机构');
  // a click on the reader's name keeps to that reader's reads
  const reader = (await reads.first().getByRole('button').first().innerText()).trim();
  await reads.first().getByRole('button').first().click();
  await expect(auditor.getByTestId('reader-filter')).toBeVisible();
  await expect(reads.first()).toBeVisible();

  // the holder, looking up their own case (进度查询), learns when, why and what was read — not who
  await visitor.goto('/cases');
  await visitor.getByLabel('证件号码').fill(identity);
  await visitor.getByLabel('姓名').fill(holder);
  await visitor.getByRole('button', { name: '查询' }).click();
  const consultations = visitor.getByTestId('consultations');
  await expect(consultations.locator('tbody tr').filter({ hasText: '查看证书' }).first()).toContainText('其他');
  await expect(consultations).not.toContainText('E2E：打印证书');
  await expect(consultations).not.toContainText(reader);
});
