import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { signInAs } from './support/session';

const password = 'Demo@2026pass';

/** A dialog, once it is fully shown (clicking into one that is still opening is a known flake). */
async function openDialog(page: Page, title: string): Promise<Locator> {
  const dialog = page.getByRole('dialog').filter({ hasText: title });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Irreversible decisions ask first: confirm in the dialog once it is shown. */
async function confirm(page: Page, button: string) {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog).toBeHidden();
}

/** Picks an option of the select (or tree select) that is open now. */
async function pick(page: Page, title: string) {
  await page.locator('.ant-select-dropdown:visible, .ant-select-tree-dropdown:visible').getByTitle(title, { exact: true }).click();
}

/** A toast by its exact text; the newest one, since the same message may still show from the step before (three people registered in a row). */
const toast = (page: Page, text: string) => expect(page.getByText(text, { exact: true }).last()).toBeVisible();

/** A resident identity number with its GB 11643 check character. */
function residentId(first17: string) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** A fresh number per run: the server refuses a candidate already in another open batch of the organization. */
const freshId = (birth: string) => residentId(`340202${birth}${String(Math.floor(Math.random() * 900) + 100)}`);

async function setClock(request: APIRequestContext, days: number) {
  expect((await request.post('/api/testing/clock', { data: { days } })).ok()).toBeTruthy();
}

const status = (page: Page) => page.getByTestId('batch-page-status');

/** How every list shows a name (Masking.Name): 李*, 王*华. */
const masked = (name: string) => (name.length <= 1 ? name : name.length === 2 ? `${name[0]}*` : `${name[0]}${'*'.repeat(name.length - 2)}${name.at(-1)}`);

/** AUD-04: the first full read of a working session asks its purpose; chosen once, it is sent with every later read. */
async function statePurpose(page: Page, purpose: string) {
  const dialog = page.getByRole('dialog').filter({ hasText: '请说明查阅个人信息的目的' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(purpose, { exact: true }).check();
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
}

/** Opens one candidate of the masked roster (查看) and checks the full name and identity number; closes it again. */
async function openCandidate(page: Page, name: string, id: string, purpose?: string) {
  await page.getByRole('button', { name: `查看${masked(name)}的完整信息` }).click();
  if (purpose) await statePurpose(page, purpose);
  const detail = page.getByTestId('candidate-detail');
  await expect(detail).toContainText(name);
  await expect(detail.getByTestId('candidate-document-number')).toHaveText(id);
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
}

test('an organization runs a certification batch from its plan to the accepted results report, through the SPA', async ({ page, browser, request }) => {
  test.setTimeout(300_000);
  const run = String(Date.now() % 100000);
  const title = `电工认定E2E${run}`;
  const examiner = `王考评${run}`;
  const supervisor = `赵督导${run}`;
  const invigilator = `钱监考${run}`;
  const candidate = '李明';
  const candidateId = freshId('19900307');
  // 21 days ahead on the server's calendar (China time)
  const examDay = new Date(Date.now() + 8 * 3_600_000 + 21 * 86_400_000).toISOString().slice(0, 10);

  expect((await request.post('/api/auth/sign-in', { data: { userName: 'admin', password } })).ok()).toBeTruthy();
  await signInAs(page, 'wuhu.org', /\/organization$/);
  try {
    // a new batch under the organization's Anhui city filing
    await page.goto('/batches');
    await page.getByRole('button', { name: '新建批次' }).click();
    const create = await openDialog(page, '新建认定批次');
    await create.getByLabel('依据的备案').click();
    await page.locator('.ant-select-dropdown:visible').getByText(/面向本市：汽车装调工、电工/).click();
    await create.getByLabel('批次名称').fill(title);
    await create.getByRole('button', { name: '创建' }).click();
    await expect(page).toHaveURL(/\/batches\/[0-9a-f-]+$/);
    await expect(status(page)).toHaveText('草稿');
    const url = page.url();

    // 计划: 电工 四级, two subjects, one exam day 21 days ahead, a site in 芜湖市, the fee and what it rests on
    const plan = page.getByTestId('plan');
    await plan.getByRole('button', { name: '添加职业（工种）' }).click();
    await plan.getByLabel('职业（工种）', { exact: true }).click();
    await pick(page, '电工');
    await plan.getByLabel('等级', { exact: true }).click();
    await pick(page, '四级/中级工');
    await plan.getByLabel('理论知识').check();
    await plan.getByLabel('操作技能').check();
    await plan.getByRole('button', { name: '添加认定日期' }).click();
    await plan.getByLabel('认定日期1').fill(examDay);
    await plan.getByLabel('认定日期1').press('Enter');
    await plan.getByRole('button', { name: '添加认定考点' }).click();
    await plan.getByLabel('考点名称').fill('奇瑞培训中心考点');
    await plan.getByLabel('考点所在地区').fill('芜湖');
    await pick(page, '芜湖市');
    await plan.getByLabel('考点地址').fill('芜湖市经济技术开发区长春路8号');
    await plan.getByLabel('收费标准').fill('300');
    await plan.getByLabel('收费依据').fill('皖价费〔2024〕12号');
    await plan.getByRole('button', { name: '保存计划' }).click();
    await toast(page, '计划已保存');
    // the checklist no longer names the plan's own rules
    await expect(page.getByTestId('blocking')).not.toContainText('收费');

    // 人员: three people on the roster, then their roles in the batch (BAT-05)
    await plan.getByRole('button', { name: '下一步：人员' }).click();
    const people: [string, string, boolean][] = [[examiner, freshId('19800101'), true], [supervisor, freshId('19810202'), false], [invigilator, freshId('19820303'), false]];
    for (const [name, id, examines] of people) {
      await page.getByRole('button', { name: '登记人员' }).click();
      const dialog = await openDialog(page, '登记人员');
      await dialog.getByLabel('姓名', { exact: true }).fill(name);
      await dialog.getByLabel('证件号码').fill(id);
      await dialog.getByLabel('资格', { exact: true }).fill(examines ? '考评员证书 KP-2026-001（电工二级/技师）' : '内部人员');
      if (examines) {
        await dialog.getByLabel('可考评的职业（工种）').click();
        await pick(page, '电工');
        // close the list by clicking the dialog's title, not with Escape (which would close the dialog)
        await dialog.getByText('登记人员', { exact: true }).first().click();
        await dialog.getByLabel('可考评的等级').click();
        await pick(page, '四级/中级工');
        await dialog.getByText('登记人员', { exact: true }).first().click();
      }
      await dialog.getByRole('button', { name: '登记' }).click();
      await expect(dialog).toBeHidden();
      await toast(page, '人员已登记');
      await expect(page.getByTestId('roster').getByRole('cell', { name, exact: true })).toBeVisible();
    }
    const staff = page.getByTestId('staff');
    for (const [role, name] of [['考评人员', examiner], ['内部质量督导员', supervisor], ['监考人员', invigilator]]) {
      await staff.getByLabel(role, { exact: true }).click();
      await pick(page, name);
      await staff.getByText('本批次考务人员', { exact: true }).click();
    }
    await staff.getByRole('button', { name: '保存人员安排' }).click();
    await toast(page, '人员安排已保存');

    // 考生: one entered by hand, a file that is no spreadsheet, then the server's own template (accepted once, refused
    // the second time with its row), and the template's example candidate removed again
    await staff.getByRole('button', { name: '下一步：考生' }).click();
    const candidates = page.getByTestId('candidates');
    await candidates.getByRole('button', { name: '录入考生' }).click();
    const add = await openDialog(page, '录入考生');
    await add.getByLabel('考生姓名').fill(candidate);
    await add.getByLabel('证件号码').fill(candidateId);
    await add.getByLabel('所在单位').fill('奇瑞汽车股份有限公司总装车间');
    await add.getByLabel('考生所在地市').fill('芜湖市');
    await add.getByRole('button', { name: '录入' }).click();
    await expect(add).toBeHidden();
    await toast(page, '考生已录入');
    // the roster is masked, even for the organization that entered it; 查看 opens one candidate in full (the read recorded)
    await expect(candidates.getByRole('cell', { name: masked(candidate), exact: true })).toBeVisible();
    await expect(candidates.getByTestId('masked-note')).toContainText('名单中的个人信息已脱敏');
    await expect(candidates).not.toContainText(candidateId);
    await openCandidate(page, candidate, candidateId, '审核');
    await expect(page.getByTestId('read-purpose')).toContainText('查阅目的：审核');

    const upload = candidates.locator('input[type=file][accept=".xlsx"]'); // the import's, not a candidate's photo upload
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await upload.setInputFiles({ name: '考生名单.xlsx', mimeType: xlsx, buffer: Buffer.from('这不是电子表格') });
    await expect(candidates.getByTestId('import-problem')).toContainText('文件无法读取');
    const template = await page.request.get('/api/batches/candidate-template');
    expect(template.ok()).toBeTruthy();
    const sheet = { name: '考生导入模板.xlsx', mimeType: xlsx, buffer: await template.body() };
    await upload.setInputFiles(sheet);
    await toast(page, '考生已导入');
    await expect(candidates.getByRole('cell', { name: masked('张三'), exact: true })).toBeVisible();
    await upload.setInputFiles(sheet);
    const rows = candidates.getByTestId('row-errors');
    await expect(rows).toBeVisible();
    await expect(rows.getByTestId('row-number')).toHaveText(['2']);
    // the error opens from its cell in a popover (the table keeps its width), the rule ID a small reference after it
    await rows.getByTestId('error-cell').click();
    await expect(page.getByTestId('cell-errors')).toHaveText('该考生已在本批次中。BAT-09');
    await page.keyboard.press('Escape');
    await candidates.getByRole('button', { name: `移除${masked('张三')}` }).click();
    await confirm(page, '确认移除');
    await toast(page, '考生已移除');
    await expect(candidates.getByRole('cell', { name: masked('张三'), exact: true })).toHaveCount(0);

    // 报备: nothing blocks any more; the plan goes to the city center of the site
    await candidates.getByRole('button', { name: '下一步：报备' }).click();
    await expect(page.getByTestId('blocking-clear')).toBeVisible();
    await page.getByRole('button', { name: '报备认定计划' }).click();
    await confirm(page, '确认报备');
    await toast(page, '认定计划已报备');
    await expect(status(page)).toHaveText('已报备');
    await expect(page.getByTestId('receiving-authority')).toHaveText('芜湖市职业技能鉴定指导中心');
    // the ledger names where the plan went, never the authority's code
    await expect(page.getByTestId('ledger')).toContainText('报芜湖市职业技能鉴定指导中心');
    await expect(page.getByTestId('ledger')).not.toContainText('报340200');

    // the exam day comes: results per subject
    await setClock(request, 21);
    await page.reload();
    await expect(status(page)).toHaveText('已报备');
    await page.getByLabel(`${masked(candidate)} 理论知识`).fill('86');
    await page.getByLabel(`${masked(candidate)} 操作技能`).fill('92');
    await page.getByRole('button', { name: '保存成绩' }).click();
    await toast(page, '成绩已保存');
    await expect(status(page)).toHaveText('成绩已录入');
    await expect(page.getByTestId('results')).toContainText('1 人（合格 1，不合格 0，缺考 0）');

    // BAT-06 publicity; once the notice is open, eight days later it has closed without objection
    await page.getByRole('button', { name: '发起结果公示' }).click();
    await confirm(page, '确认公示');
    await toast(page, '结果公示已发起');
    await expect(status(page)).toHaveText('结果公示中');
    await expect(page.getByRole('link', { name: '查看结果公示及异议' })).toBeVisible();
    const batchId = url.split('/').pop();
    await expect(async () => {
      const batch = await (await page.request.get(`/api/batches/${batchId}`)).json();
      expect((await request.get(`/api/notices/${batch.publicityNoticeId}`)).ok()).toBeTruthy();
    }).toPass({ timeout: 15_000 });
    await setClock(request, 29);
    await expect(async () => {
      await page.reload();
      await expect(status(page)).toBeVisible({ timeout: 15_000 });
      await expect(status(page)).toHaveText('公示期满待报备', { timeout: 1_000 });
    }).toPass({ timeout: 60_000 });

    // BAT-07: 附件4 and the ledger download; the report goes to the receiving authority
    const summary = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载附件4（结果汇总表）' }).click();
    expect((await summary).suggestedFilename()).toMatch(/\.xlsx$/);
    const ledger = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出台账（.xlsx）' }).click();
    expect((await ledger).suggestedFilename()).toMatch(/^工作台账.*\.xlsx$/);
    await page.getByRole('button', { name: '报备认定结果' }).click();
    await confirm(page, '确认报备');
    await toast(page, '认定结果已报备');
    await expect(status(page)).toHaveText('结果已报备');
    await expect(page.getByTestId('ledger')).toContainText('报备认定结果');

    // the receiving reviewer finds it on its workbench and accepts it with an opinion
    const reviewer = await browser.newPage();
    await signInAs(reviewer, 'wuhu.reviewer', /\/workbench$/);
    await reviewer.getByTestId('batch-queue').getByText(/^结果已报备：[1-9]/).click();
    await expect(reviewer).toHaveURL(/\/batches\?status=Reported$/);
    await reviewer.getByRole('cell', { name: title, exact: true }).click();
    await expect(reviewer).toHaveURL(url);
    await expect(status(reviewer)).toHaveText('结果已报备');
    // the receiving authority may open a candidate in full too: its own working session asks its own purpose
    await openCandidate(reviewer, candidate, candidateId, '审核');
    const table = reviewer.waitForEvent('download');
    await reviewer.getByRole('button', { name: '下载附件5（证书信息表）' }).click();
    expect((await table).suggestedFilename()).toMatch(/\.xlsx$/);
    await reviewer.getByLabel('审核意见').fill('认定结果材料齐全，同意备案。');
    await reviewer.getByRole('button', { name: '审核通过' }).click();
    await confirm(reviewer, '确认通过');
    await toast(reviewer, '已审核通过');
    await expect(status(reviewer)).toHaveText('已办结');
    await expect(reviewer.getByTestId('ledger')).toContainText('认定结果审核通过');

    await page.reload();
    await expect(status(page)).toHaveText('已办结');
  } finally {
    await request.post('/api/testing/clock', { data: { days: 0 } });
  }
});
