import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './support/session';

/** Opens the demo's batch that a spot check suspended (芜湖, BAT-04) from the list of suspended batches. */
async function openSuspended(page: Page) {
  await page.goto('/batches?status=Suspended');
  await page.getByRole('row').filter({ hasText: '已暂停' }).first().click();
  await expect(page).toHaveURL(/\/batches\/[0-9a-f-]{36}$/);
  return page.getByTestId('suspended');
}

test('a suspended batch: the organization reports its rectification, the reviewer returns it, then resumes the batch (issue 18 item 6)',
  async ({ page, browser }) => {
    await signInAs(page, 'wuhu.org', /\/organization$/);
    let card = await openSuspended(page);
    await expect(card.getByText('下一步：整改并申请恢复')).toBeVisible();
    await expect(page.getByTestId('batch-deadline')).not.toContainText('还有');
    const url = page.url();
    await card.getByLabel('整改报告').fill('已补装考场视频监控，并补齐两名考生的工作年限证明。');
    await card.getByRole('button', { name: '提交整改报告并申请恢复' }).click();
    await expect(card.getByText('整改报告已提交，等待受理部门审核')).toBeVisible();
    await expect(card.getByTestId('rectifications')).toContainText('待受理部门审核');

    const reviewer = await browser.newPage();
    await signInAs(reviewer, 'wuhu.reviewer', /\/workbench$/);
    await reviewer.goto(url);
    card = reviewer.getByTestId('suspended');
    await expect(card.getByTestId('rectifications')).toContainText('已补装考场视频监控');
    await card.getByLabel('退回理由').fill('请附视频监控覆盖考场的照片。');
    await card.getByRole('button', { name: '退回整改' }).click();
    await reviewer.getByRole('dialog').getByRole('button', { name: '确认退回' }).click();
    await expect(card.getByTestId('rectifications')).toContainText('退回理由：请附视频监控覆盖考场的照片。');

    await page.reload();
    card = page.getByTestId('suspended');
    await card.getByLabel('整改报告').fill('已补装视频监控，照片见附件说明。');
    await card.getByRole('button', { name: '提交整改报告并申请恢复' }).click();
    await expect(card.getByText('整改报告已提交，等待受理部门审核')).toBeVisible();

    await reviewer.reload();
    card = reviewer.getByTestId('suspended');
    await card.getByLabel('恢复理由').fill('整改到位，同意恢复。');
    await card.getByRole('button', { name: '恢复批次' }).click();
    await reviewer.getByRole('dialog').getByRole('button', { name: '确认恢复' }).click();
    await expect(reviewer.getByTestId('suspended')).toBeHidden();
    await expect(reviewer.getByTestId('ledger')).toContainText('退回整改报告');
    await expect(reviewer.getByTestId('ledger')).toContainText('恢复批次');
  });
