import { expect, test } from '@playwright/test';

test('the public home lists the four jurisdictions', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '职业技能等级认定服务平台', level: 2 })).toBeVisible();
  for (const name of ['全国', '安徽', '广西', '湖北·黄石']) {
    await expect(page.getByText(name, { exact: true })).toBeVisible();
  }
});

test('the policy page shows a jurisdiction’s numbers with their rule IDs', async ({ page }) => {
  await page.goto('/policies?id=guangxi');
  await expect(page.getByText('面向本地市')).toBeVisible();
  await expect(page.getByText('三级/高级工')).toBeVisible();
  await expect(page.getByText('结果公示（BAT-06）')).toBeVisible();
});

test('the working-day calculator reproduces the 2021 National Day example', async ({ page }) => {
  await page.goto('/calendar');
  const from = page.getByLabel('起算日');
  await from.click();
  await from.fill('2021-09-24');
  await from.press('Enter');
  await page.getByLabel('工作日数').fill('10');
  await page.getByRole('button', { name: '计算' }).click();
  await expect(page.getByText('截止日期：2021-10-13')).toBeVisible();
});

test('a date beyond the loaded calendar years is refused, not guessed', async ({ page }) => {
  await page.goto('/calendar');
  const from = page.getByLabel('起算日');
  await from.click();
  await from.fill('2030-06-03');
  await from.press('Enter');
  await page.getByLabel('工作日数').fill('10');
  await page.getByRole('button', { name: '计算' }).click();
  // the reason in words; a technical code such as WORKDAYS is not shown as if it were a rule number
  await expect(page.getByRole('alert')).toContainText('尚未载入2030年的节假日安排');
  await expect(page.getByRole('alert')).not.toContainText('WORKDAYS');
});
