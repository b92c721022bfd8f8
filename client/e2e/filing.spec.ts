import { expect, test, type Page } from '@playwright/test';

async function signIn(page: Page, userName: string) {
  await page.goto('/sign-in');
  await page.getByLabel('用户名').fill(userName);
  await page.getByLabel('密码').fill('Demo@2026pass');
  await page.getByRole('button', { name: '登录', exact: true }).last().click();
  await expect(page).toHaveURL(/\/organization$/);
}

async function newApplication(page: Page, jurisdiction: string, scope: string) {
  await page.goto('/applications');
  await page.getByRole('button', { name: '新建备案申请' }).click();
  await page.getByLabel('备案辖区').click();
  await page.getByTitle(jurisdiction).click();
  await page.getByLabel('服务范围').click();
  await page.getByTitle(new RegExp(`^${scope}`)).click();
  await page.getByRole('button', { name: '创建' }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]+$/);
}

test('an organization drafts and submits a filing application into its city’s queue, and the city accepts it', async ({ page, browser }) => {
  await signIn(page, 'hefei.org');
  await newApplication(page, '安徽省人力资源和社会保障厅', '面向本市');
  await page.getByLabel('连续培训评价年限').fill('4');
  await page.getByLabel('累计培训评价人次').fill('3000');
  await page.getByRole('button', { name: '添加职业（工种）' }).click();
  await page.getByLabel('职业（工种）名称').fill('育婴员');
  await page.getByLabel('已培训评价人数').fill('1200');
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByTestId('application-status')).toHaveText('待受理');
  await expect(page.getByText('合肥市', { exact: true }).first()).toBeVisible();
  const url = page.url();

  const reviewer = await browser.newPage();
  await reviewer.goto('/sign-in');
  await reviewer.getByLabel('用户名').fill('hefei.reviewer');
  await reviewer.getByLabel('密码').fill('Demo@2026pass');
  await reviewer.getByRole('button', { name: '登录', exact: true }).last().click();
  await expect(reviewer).toHaveURL(/\/workbench$/);
  await reviewer.goto('/applications');
  await expect(reviewer.getByRole('cell', { name: '育婴员' }).first()).toBeVisible();
  await reviewer.goto(url);
  await reviewer.getByLabel('审核意见').fill('材料齐全，予以受理。');
  await reviewer.getByRole('button', { name: '受理', exact: true }).click();
  await expect(reviewer.getByTestId('application-status')).toHaveText('已受理');
});

test('a submission that breaks the policy shows every broken rule with its ID', async ({ page }) => {
  await signIn(page, 'nanning.org');
  await newApplication(page, '广西壮族自治区人力资源和社会保障厅', '面向本地市');
  await page.getByLabel('连续培训评价年限').fill('1');
  await page.getByLabel('累计培训评价人次').fill('100');
  await page.getByRole('button', { name: '添加职业（工种）' }).click();
  await page.getByLabel('职业（工种）名称').fill('育婴员');
  await page.getByLabel('最高等级').click();
  await page.getByTitle('二级/技师').click();
  await page.getByLabel('已培训评价人数').fill('10');
  await page.getByRole('button', { name: '提交申请' }).click();
  const problem = page.getByTestId('submit-problem');
  await expect(problem).toContainText('FIL-06');
  await expect(problem).toContainText('FIL-07');
  await expect(problem).toContainText('三级/高级工');
  await expect(page.getByTestId('application-status')).toHaveText('草稿');
  await expect(page.getByText('FIL-07 例外理由')).toBeVisible();
});
