import { expect, test, type APIRequestContext } from '@playwright/test';

const password = 'Demo@2026pass';
const subject = `E2E 备案公示 ${Date.now()}`;

async function signedIn(request: APIRequestContext, userName: string) {
  const response = await request.post('/api/auth/sign-in', { data: { userName, password } });
  expect(response.ok()).toBeTruthy();
}

/**
 * The e2e database is throwaway. When today's window would reach a year the shipped calendar does not cover yet,
 * load a weekends-only stand-in for that year (clearly labelled test data) so the notice can be published.
 */
async function ensureCalendarCovers(request: APIRequestContext) {
  const today = new Date().toISOString().slice(0, 10);
  const probe = await request.get(`/api/calendar/anhui/add-working-days?from=${today}&days=15`);
  if (probe.ok()) return;
  await signedIn(request, 'admin');
  const year = new Date().getFullYear() + 1;
  const loaded = await request.post('/api/admin/calendar/national/years', {
    data: { year, off: [], work: [], source: 'E2E 测试数据（非官方节假日安排）' },
  });
  expect(loaded.ok()).toBeTruthy();
}

test.beforeAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  await ensureCalendarCovers(request);
  await signedIn(request, 'wuhu.reviewer');
  const published = await request.post('/api/notices', {
    data: { kind: 'FilingPublicity', subject, body: '拟备案机构：芜湖奇瑞汽车股份有限公司（汽车装调工 三级至五级）。' },
  });
  expect(published.status()).toBe(201);
  await request.dispose();
});

test('the public lodges an objection to an open filing publicity and the area reviewer resolves it', async ({ page, browser }) => {
  await page.goto('/notices');
  await page.getByRole('cell', { name: subject }).click();
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();
  await expect(page.getByTestId('notice-window')).toContainText('至');

  await page.getByLabel('姓名或单位').fill('王女士');
  await page.getByLabel('联系电话').fill('13900002222');
  await page.getByLabel('异议内容').fill('该机构的实操考核场地尚未建成，请核实。');
  await page.getByRole('button', { name: '提交异议' }).click();
  await expect(page.getByText('异议已提交', { exact: true })).toBeVisible();
  const url = page.url();

  const reviewer = await browser.newPage();
  await reviewer.goto('/sign-in');
  await reviewer.getByLabel('用户名').fill('wuhu.reviewer');
  await reviewer.getByLabel('密码').fill(password);
  await reviewer.getByRole('button', { name: '登录', exact: true }).last().click();
  await expect(reviewer).toHaveURL(/\/workbench$/);
  await reviewer.goto(url);
  // AUD-04: the list masks the objector's contacts; 查看 opens them in full once the purpose is stated
  await expect(reviewer.getByRole('cell', { name: /139\*\*\*\*2222/ })).toBeVisible();
  await expect(reviewer.getByText('13900002222')).toHaveCount(0);
  await reviewer.getByRole('button', { name: '查看' }).click();
  const purpose = reviewer.getByRole('dialog').filter({ hasText: '请说明查阅个人信息的目的' });
  await expect(purpose).toBeVisible();
  await purpose.getByLabel('审核', { exact: true }).check();
  await purpose.getByRole('button', { name: '确定' }).click();
  const contacts = reviewer.getByRole('dialog', { name: '异议人联系方式' });
  await expect(contacts).toContainText('13900002222');
  await expect(contacts).toContainText('王女士');
  await reviewer.keyboard.press('Escape');
  await expect(contacts).toBeHidden();
  await reviewer.getByRole('button', { name: '处理' }).click();
  // act inside the dialog only once it is shown (a click during its opening animation was lost on a fresh machine)
  const dialog = reviewer.getByRole('dialog', { name: '处理异议' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('异议不成立').check();
  await expect(dialog.getByLabel('异议不成立')).toBeChecked();
  await dialog.getByLabel('理由').fill('经现场核查，实操场地已建成并通过验收。');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(reviewer.locator('.ant-tag', { hasText: '异议不成立' })).toBeVisible();
  await expect(reviewer.getByText('经现场核查，实操场地已建成并通过验收。')).toBeVisible();
});

test('an objection without any contact details is refused with field messages', async ({ page }) => {
  await page.goto('/notices');
  await page.getByRole('cell', { name: subject }).click();
  await page.getByLabel('姓名或单位').fill('匿名');
  await page.getByLabel('异议内容').fill('这家机构有问题，请核实处理。');
  await page.getByRole('button', { name: '提交异议' }).click();
  // shown both in the alert and next to the phone field
  await expect(page.getByRole('alert').filter({ hasText: '请至少留下联系电话或电子邮箱' }).first()).toBeVisible();
  await expect(page.locator('.ant-form-item-explain-error', { hasText: '请至少留下联系电话或电子邮箱' })).toBeVisible();
});
