import { expect, test } from '@playwright/test';

const password = 'Demo@2026pass';

async function signIn(page: import('@playwright/test').Page, userName: string, pass = password) {
  await page.goto('/sign-in');
  await page.getByLabel('用户名').fill(userName);
  await page.getByLabel('密码').fill(pass);
  await page.getByRole('button', { name: '登录', exact: true }).last().click();
}

test('a reviewer signs in and sees the workbench of its own jurisdiction only', async ({ page }) => {
  await signIn(page, 'wuhu.reviewer');
  await expect(page).toHaveURL(/\/workbench$/);
  await expect(page.getByRole('heading', { name: '审核工作台' })).toBeVisible();
  await expect(page.getByTestId('authority-name')).toHaveText('芜湖市职业技能鉴定指导中心');
  await expect(page.getByTestId('current-user')).toContainText('江芜（芜湖市鉴定中心）');
  await expect(page.getByRole('cell', { name: '芜湖奇瑞汽车股份有限公司', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '合肥新华职业技能培训学校', exact: true })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: '账号管理' })).toHaveCount(0);
});

test('a province reviewer sees every city of its province', async ({ page }) => {
  await signIn(page, 'anhui.reviewer');
  await expect(page.getByRole('cell', { name: '芜湖奇瑞汽车股份有限公司', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '合肥新华职业技能培训学校', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '广西南宁家政服务行业协会', exact: true })).toHaveCount(0);
});

test('a wrong password is refused with a Chinese message and no session', async ({ page }) => {
  await signIn(page, 'auditor', 'Wrong@Password1');
  await expect(page.getByRole('alert')).toContainText('用户名或密码错误');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('a protected page sends the public to sign in and back', async ({ page }) => {
  await page.goto('/workbench');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fworkbench$/);
  await page.getByLabel('用户名').fill('hefei.reviewer');
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).last().click();
  await expect(page).toHaveURL(/\/workbench$/);
  await expect(page.getByTestId('authority-name')).toHaveText('合肥市职业技能鉴定指导中心');
});

test('an expert lands on its own assignments, not on the reviewers’ workbench', async ({ page }) => {
  await signIn(page, 'anhui.expert');
  await expect(page).toHaveURL(/\/assignments$/);
  await expect(page.getByRole('heading', { name: '我的评估任务' })).toBeVisible();
  await expect(page.getByTestId('awaiting-me')).toContainText('合肥新华职业技能培训学校');
  await expect(page.getByRole('menuitem', { name: '审核工作台' })).toHaveCount(0);
});

test('the administrator’s overview is not titled as a review workbench', async ({ page }) => {
  await signIn(page, 'admin');
  await expect(page).toHaveURL(/\/admin\/accounts$/);
  await page.goto('/workbench');
  await expect(page.getByRole('heading', { name: '机构总览' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '审核工作台' })).toHaveCount(0);
});

test('a reviewer sees what waits for it and, where it has nothing to decide, why', async ({ page }) => {
  await signIn(page, 'hefei.reviewer');
  // the workbench: the application the reviewer's authority must accept, with what is expected of it
  const awaiting = page.getByTestId('waiting-work');
  await expect(awaiting).toContainText('合肥新华职业技能培训学校');
  await expect(awaiting).toContainText('受理或退回补正');
  // an application at another stage of another authority: no decision panel, the reason instead
  await signIn(page, 'anhui.reviewer');
  await expect(page).toHaveURL(/\/workbench$/);
  await page.goto('/applications?status=Submitted');
  await page.getByRole('cell', { name: '合肥新华职业技能培训学校' }).first().click();
  await expect(page.getByTestId('no-action')).toContainText('待合肥市职业技能鉴定指导中心受理');
  await expect(page.getByRole('button', { name: '受理', exact: true })).toHaveCount(0);
  await expect(page.getByTestId('history')).toContainText('提交申请');
});
