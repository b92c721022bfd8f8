import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './support/session';

async function confirm(page: Page, button: string) {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog).toBeHidden();
}

/** A resident identity number with its GB 11643 check character, fresh per run. */
function freshId(birth: string) {
  const first17 = `340202${birth}${String(Math.floor(Math.random() * 900) + 100)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

const examDay = '2027-01-27';

test('the administrator loads 2027 from the notice after checking it month by month, then a batch with a January 2027 exam day is filed',
  async ({ page, browser }) => {
    test.setTimeout(180_000);
    const run = String(Date.now() % 100000);

    // 载入节假日安排: the national layer, 2027, the New Year holiday pasted, the notice as source
    await signInAs(page, 'admin', /\/admin\/accounts$/);
    // (the menu's last items fold into "…" on a narrow screen: the way in from the 工作日查询 page)
    await page.goto('/calendar');
    await page.getByRole('link', { name: '载入节假日安排' }).click();
    await expect(page).toHaveURL(/\/calendar\/load$/);
    await page.getByLabel('日历').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('全国（国务院办公厅节假日安排）', { exact: true }).click();
    await page.getByLabel('年度').fill('2027');
    await page.getByLabel('放假日期').fill('2027-01-01..2027-01-03');
    await page.getByLabel('依据').fill('国办发明电〔2026〕测试');
    await page.getByRole('button', { name: '预览' }).click();

    // the year on twelve month grids before it is confirmed
    const preview = page.getByTestId('preview-card');
    await expect(preview).toContainText('依据：国办发明电〔2026〕测试');
    await expect(preview.getByTestId(/^month-/)).toHaveCount(12);
    await expect(preview.getByTestId('month-1').getByLabel('2027-01-01 放假')).toBeVisible();
    await expect(preview.getByTestId('month-1').getByLabel('2027-01-04 工作日')).toBeVisible();
    await preview.getByRole('button', { name: '确认载入' }).click();
    await confirm(page, '确认载入');
    await expect(page.getByText('已载入全国（国务院办公厅节假日安排）2027年的节假日安排', { exact: true }).last()).toBeVisible();
    await expect(page.getByTestId('loaded-years')).toContainText('2027年：国办发明电〔2026〕测试');

    // the organization files a batch whose exam day is in January 2027 (the plan built through the API as the SPA would)
    const org = await browser.newPage();
    await signInAs(org, 'wuhu.org', /\/organization$/);
    await org.goto('/batches');
    await org.getByRole('button', { name: '新建批次' }).click();
    const create = org.getByRole('dialog').filter({ hasText: '新建认定批次' });
    await expect(create).toBeVisible();
    await create.getByLabel('依据的备案').click();
    await org.locator('.ant-select-dropdown:visible').getByText(/面向本市：汽车装调工、电工/).click();
    await create.getByLabel('批次名称').fill(`2027年1月电工认定${run}`);
    await create.getByRole('button', { name: '创建' }).click();
    await expect(org).toHaveURL(/\/batches\/[0-9a-f-]+$/);
    const batchId = org.url().split('/').pop();
    const version = async () => (await (await org.request.get(`/api/batches/${batchId}`)).json()).version as number;

    const planned = await org.request.put(`/api/batches/${batchId}`, {
      data: {
        version: await version(), title: `2027年1月电工认定${run}`, occupations: [{ name: '电工', level: 4 }], subjects: ['理论知识', '操作技能'],
        examDays: [examDay], sites: [{ name: '奇瑞培训中心考点', address: '芜湖市经济技术开发区长春路8号', areaCode: '340200' }],
        feePerCandidate: 300, feeStandard: '皖价费〔2024〕12号',
      },
    });
    expect(planned.ok()).toBeTruthy();
    const staff: { staffId: string; role: string }[] = [];
    for (const [name, role, birth] of [[`王考评${run}`, 'Examiner', '19800101'], [`赵督导${run}`, 'QualitySupervisor', '19810202'],
      [`钱监考${run}`, 'Invigilator', '19820303']]) {
      const person = await org.request.post('/api/batches/staff', {
        data: { name, documentType: 201, documentNumber: freshId(birth), qualification: '考评员证书', occupations: ['电工'], levels: [1, 2, 3, 4, 5] },
      });
      expect(person.ok()).toBeTruthy();
      staff.push({ staffId: (await person.json()).value, role });
    }
    expect((await org.request.put(`/api/batches/${batchId}/staff`, { data: { version: await version(), staff } })).ok()).toBeTruthy();
    const candidate = await org.request.post(`/api/batches/${batchId}/candidates`, {
      data: {
        version: await version(), name: '李明', documentType: 201, documentNumber: freshId('19900307'), employer: '奇瑞汽车股份有限公司',
        occupation: '电工', level: 4, city: '芜湖市', phone: '13800001234',
      },
    });
    expect(candidate.ok()).toBeTruthy();

    // 报备: the checklist is clear (2027 is counted now), and the plan is filed
    await org.reload();
    await org.getByTestId('draft-steps').getByText('报备', { exact: true }).click();
    await expect(org.getByTestId('blocking-clear')).toBeVisible();
    await org.getByRole('button', { name: '报备认定计划' }).click();
    await confirm(org, '确认报备');
    await expect(org.getByTestId('batch-page-status')).toHaveText('已报备');
  });
