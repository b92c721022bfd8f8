import { expect, type Page } from '@playwright/test';

/** Every demo account's password (README, 演示账号). */
export const demoPassword = 'Demo@2026pass';

/** Signs in through the sign-in page as a demo user and waits for the role's landing page. */
export async function signInAs(page: Page, userName: string, landing: RegExp) {
  await page.goto('/sign-in');
  await page.getByLabel('用户名').fill(userName);
  await page.getByLabel('密码').fill(demoPassword);
  await page.getByRole('button', { name: '登录', exact: true }).last().click();
  await expect(page).toHaveURL(landing);
}
