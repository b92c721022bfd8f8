import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

const password = 'Demo@2026pass';

async function signIn(page: Page, userName: string) {
  await page.goto('/sign-in');
  await page.getByLabel('用户名').fill(userName);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).last().click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

interface Summary { id: string; status: string; organizationName: string; deadline?: { text: string; label: string } | null }

async function applications(request: APIRequestContext, query: string): Promise<Summary[]> {
  const response = await request.get(`/api/filing/applications?pageSize=100&${query}`);
  expect(response.ok()).toBeTruthy();
  return (await response.json()).items;
}

test.describe('deadline tags', () => {
  test('show only while a deadline applies, counted in working days as the server computed them', async ({ page }) => {
    await signIn(page, 'admin');
    const granted = await applications(page.request, 'status=Granted');
    expect(granted.length).toBeGreaterThan(0);
    const running = (await applications(page.request, '')).filter((a) => a.deadline);
    expect(running.length).toBeGreaterThan(0);

    // a granted application shows no deadline, neither on its page nor in the list
    await page.goto(`/applications/${granted[0].id}`);
    await expect(page.getByTestId('application-status')).toHaveText('已备案');
    await expect(page.getByTestId('deadline')).toHaveCount(0);
    await page.goto('/applications?status=Granted');
    await expect(page.getByRole('cell', { name: granted[0].organizationName }).first()).toBeVisible();
    await expect(page.getByTestId('deadline')).toHaveCount(0);

    // a running one shows the server's text, in working days
    const a = running[0];
    await page.goto(`/applications/${a.id}`);
    const tag = page.getByTestId('deadline');
    await expect(tag).toHaveText(`${a.deadline!.label}：${a.deadline!.text}`);
    await expect(tag).toContainText('个工作日');
  });
});

test.describe('on a phone (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the menu opens from its button and leads to the directory; nothing is wider than the screen', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: '职业技能等级认定服务平台', level: 2 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // the sign-in button is whole on the screen
    const signInBox = await page.getByRole('button', { name: '登录' }).first().boundingBox();
    expect(signInBox!.x + signInBox!.width).toBeLessThanOrEqual(390);

    await page.getByRole('button', { name: '打开导航菜单' }).click();
    const drawer = page.getByRole('dialog');
    await expect(drawer).toBeVisible();
    await drawer.getByRole('menuitem', { name: '机构目录' }).click();
    await expect(page).toHaveURL(/\/directory$/);
    await expect(drawer).toBeHidden();
    await expect(page.getByText('职业技能等级认定评价机构目录')).toBeVisible();
  });

  test('a signed-in user’s side menu becomes a drawer behind the menu button', async ({ page }) => {
    await signIn(page, 'wuhu.org');
    await expect(page.getByTestId('side-menu')).toHaveCount(0);
    await page.getByRole('button', { name: '打开导航菜单' }).click();
    const drawer = page.getByRole('dialog');
    await expect(drawer).toContainText('评价机构用户');
    await drawer.getByRole('menuitem', { name: '认定批次' }).click();
    await expect(page).toHaveURL(/\/batches$/);
    await expect(drawer).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test('tables scroll sideways instead of squeezing names', async ({ page }) => {
    // the public lists are cards on a phone (public-phone.spec.ts); a reviewer's queue keeps its table
    await signIn(page, 'wuhu.reviewer');
    await page.goto('/applications');
    const name = page.getByRole('cell', { name: '芜湖奇瑞汽车股份有限公司' }).first().getByRole('link');
    await expect(name).toBeVisible();
    // one line of text is about 22 px: a name squeezed to a character per line would be far taller and narrower
    // (the row itself may be taller where another column wraps)
    const box = (await name.boundingBox())!;
    expect(box.height).toBeLessThan(80);
    expect(box.width).toBeGreaterThan(120);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test.describe('the side menu (1440 px)', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('shows a province reviewer every task by group, nothing under an overflow “···”, and its unit in full', async ({ page }) => {
    await signIn(page, 'anhui.reviewer');
    const menu = page.getByTestId('side-menu');
    for (const name of ['审核工作台', '备案受理', '备案管理', '认定批次', '证书管理', '证书号段']) {
      const item = menu.getByRole('menuitem', { name });
      await expect(item).toBeVisible();
      const box = (await item.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(1440);
    }
    for (const group of ['备案', '证书', '公示公告']) await expect(menu.getByText(group, { exact: true }).first()).toBeVisible();
    // no horizontal menu folds items away any more
    await expect(page.locator('.ant-menu-overflow-item-rest:visible')).toHaveCount(0);
    // the header names the user, the role and the unit; a long unit name is whole on hover
    await expect(page.getByTestId('current-user')).toContainText('吴皖');
    await expect(page.getByTestId('current-role-unit')).toContainText('审核人员');
    await expect(page.getByTestId('current-unit')).toHaveAttribute('title', '安徽省职业技能鉴定指导中心');

    await menu.getByRole('menuitem', { name: '证书号段' }).click();
    await expect(page).toHaveURL(/\/certificate-ranges$/);
    await expect(menu.getByRole('menuitem', { name: '证书号段' })).toHaveClass(/ant-menu-item-selected/);
    await menu.getByRole('menuitem', { name: '认定批次' }).click();
    await expect(page).toHaveURL(/\/batches$/);
  });

  test('shows a Guangxi reviewer no number ranges entry, where the page would only say 不分配号段 (CRT-01 [AH])', async ({ page }) => {
    await signIn(page, 'guangxi.reviewer');
    const menu = page.getByTestId('side-menu');
    await expect(menu.getByRole('menuitem', { name: '证书管理' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect(menu.getByRole('menuitem', { name: '证书号段' })).toHaveCount(0);
  });

  test('gives the administrator its catalog and accounts under 系统管理', async ({ page }) => {
    await signIn(page, 'admin');
    const menu = page.getByTestId('side-menu');
    await expect(menu.getByText('系统管理', { exact: true })).toBeVisible();
    await menu.getByRole('menuitem', { name: '职业目录' }).click();
    await expect(page).toHaveURL(/\/admin\/occupations$/);
  });
});

test('public pages log no console error for the public, and the favicon is served', async ({ page, request }) => {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  for (const path of ['/', '/notices', '/directory', '/policies', '/calendar', '/sign-in']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  expect(errors).toEqual([]);
  const icon = await request.get('/favicon.svg');
  expect(icon.ok()).toBeTruthy();
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
});

test('the filing receipt prints on exactly one A4 page, with the authority’s seal and date', async ({ page }) => {
  await signIn(page, 'wuhu.reviewer');
  const filings = (await (await page.request.get('/api/filing/filings?pageSize=5')).json()).items as { id: string }[];
  expect(filings.length).toBeGreaterThan(0);
  await page.goto(`/filings/${filings[0].id}/receipt`);
  await expect(page.getByTestId('receipt-number')).toBeVisible();
  await expect(page.getByTestId('receipt-seal')).toContainText('（盖章）');
  await expect(page.getByTestId('receipt-seal')).toContainText(/\d{4}年\d{1,2}月\d{1,2}日/);
  await page.emulateMedia({ media: 'print' });
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  const pages = pdf.match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages.length).toBe(1);
});
