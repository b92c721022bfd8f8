import { expect, test } from '@playwright/test';

test('the public home lists the four jurisdictions', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '职业技能等级认定服务平台', level: 2 })).toBeVisible();
  for (const name of ['全国', '安徽', '广西', '湖北·黄石']) {
    await expect(page.getByText(name, { exact: true })).toBeVisible();
  }
});

test('the policy page shows a jurisdiction’s numbers under plain Chinese labels', async ({ page }) => {
  await page.goto('/policies?id=guangxi');
  await expect(page.getByText('面向本地市')).toBeVisible();
  await expect(page.getByText('三级/高级工')).toBeVisible();
  await expect(page.getByText('结果公示', { exact: true })).toBeVisible();
  await expect(page.locator('main')).not.toContainText(/[A-Z]{3}-\d{2}/); // no rule IDs in labels or notes
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

test('a candidate follows their own case to the certificate without an account and verifies it', async ({ page }) => {
  // a qualified candidate of the demo's accepted Huangshi batch
  await page.goto('/');
  await page.getByRole('menuitem', { name: '进度查询' }).click();
  await page.getByLabel('证件号码').fill('420202199206150059');
  await page.getByLabel('姓名').fill('李秀兰');
  await page.getByRole('button', { name: '查询' }).click();
  const found = page.getByTestId('case');
  await expect(found).toContainText('黄石市高级技工学校');
  await expect(found).toContainText('公示期满');
  await expect(found).toContainText('审核通过');
  await expect(found).toContainText('已发证');
  await expect(page.getByText('李*兰：共 1 个认定批次')).toBeVisible();
  // AUD-04: when, why and what of her data staff read in full — never who
  await expect(page.getByTestId('consultations')).toContainText('您的个人信息被查阅的记录');
  await expect(page.getByTestId('consultations')).toContainText('不显示查阅人');
  await expect(page.locator('body')).not.toContainText('420202199206150059');
  await found.getByRole('link', { name: '验证证书' }).click();
  await expect(page.getByTestId('verify-result')).toContainText('证书有效');
  expect(page.url()).not.toContain(encodeURIComponent('李秀兰'));

  await page.goto('/cases');
  await page.getByLabel('证件号码').fill('420202199206150059');
  await page.getByLabel('姓名').fill('李秀');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByTestId('case-not-found')).toBeVisible();
});
