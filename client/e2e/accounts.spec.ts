import { expect, test, type Page } from '@playwright/test';
import { demoPassword, signInAs } from './support/session';

/** The dialog with this title, once it is open. */
async function dialog(page: Page, title: string) {
  const d = page.getByRole('dialog').filter({ has: page.getByText(title, { exact: true }) });
  await expect(d).toBeVisible();
  return d;
}

async function openAccount(page: Page, userName: string) {
  await page.getByLabel('用户名或姓名').fill(userName);
  await page.getByLabel('用户名或姓名').press('Enter');
  await page.locator('.ant-table').getByText(userName, { exact: true }).click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByTestId('account-detail')).toContainText(userName);
  return drawer;
}

test('the administrator opens an account, disables and re-enables it, resets its password, and is never offered 停用 on itself',
  async ({ page, playwright, baseURL }) => {
    test.setTimeout(120_000);
    const userName = `e2e.audit.${Date.now() % 1_000_000}`;
    const first = 'First@Pass2026';
    const temporary = 'Temp@Reset2026';
    await signInAs(page, 'admin', /\/admin\/accounts$/);
    const created = await page.request.post('/api/admin/accounts', {
      data: { userName, displayName: '测试审计员', role: 'auditor', password: first },
    });
    expect(created.status()).toBe(201);

    const drawer = await openAccount(page, userName);
    const actions = drawer.getByTestId('account-actions');
    await expect(actions.getByRole('button')).toHaveText(['修改信息', '重置密码', '停用']);

    await actions.getByRole('button', { name: '停用' }).click();
    let d = await dialog(page, `停用账号：测试审计员（${userName}）`);
    await d.getByLabel('原因').fill('岗位调整，暂停使用');
    await d.getByRole('button', { name: '停用' }).click();
    await expect(d).toBeHidden();
    await expect(drawer.getByTestId('account-detail')).toContainText('已停用');
    await expect(actions.getByRole('button', { name: '停用' })).toHaveCount(0);

    await actions.getByRole('button', { name: '启用' }).click();
    d = await dialog(page, `启用账号：测试审计员（${userName}）`);
    await d.getByLabel('原因').fill('恢复使用');
    await d.getByRole('button', { name: '启用' }).click();
    await expect(d).toBeHidden();
    await expect(drawer.getByTestId('account-detail')).toContainText('正常');

    await actions.getByRole('button', { name: '重置密码' }).click();
    d = await dialog(page, `重置密码：测试审计员（${userName}）`);
    await d.getByLabel('临时密码').fill(temporary);
    await d.getByLabel('原因').fill('本人忘记密码，已电话核实身份');
    await d.getByRole('button', { name: '重置' }).click();
    await expect(d).toBeHidden();
    await expect(drawer).toContainText('该账号使用管理员设置的临时密码');
    await page.screenshot({ path: 'test-results/account-drawer.png' });

    // the temporary password signs in; the first one no longer does
    const other = await playwright.request.newContext({ baseURL });
    expect((await other.post('/api/auth/sign-in', { data: { userName, password: first } })).status()).toBe(401);
    expect((await other.post('/api/auth/sign-in', { data: { userName, password: temporary } })).ok()).toBeTruthy();
    await other.dispose();

    // one's own account: edit and reset, never 停用
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    const own = await openAccount(page, 'admin');
    await expect(own.getByTestId('account-actions').getByRole('button', { name: '修改信息' })).toBeVisible();
    await expect(own.getByTestId('account-actions').getByRole('button', { name: '停用' })).toHaveCount(0);
    expect(demoPassword).toBeTruthy();
  });
