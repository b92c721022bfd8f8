import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { minimalPdf } from './support/files';
import { signInAs } from './support/session';

const signIn = (page: Page, userName: string) => signInAs(page, userName, /\/organization$/);

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

const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: minimalPdf('E2E material') });

/** Irreversible decisions ask first: confirm in the dialog once it is shown. */
async function confirm(page: Page, button: string) {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog).toBeHidden();
}

interface Journey {
  jurisdiction: string;
  scope: string;
  organizationName: string;
  firstReviewer?: string;
  reviewer: string;
  /** The expert's display name, as the reviewer picks it. */
  expert: string;
  expertUser: string;
  number: RegExp;
  /** Days to move the server's test clock before applying (Huangshi takes applications only in its windows, FIL-12). */
  clockDays?: number;
  /** An enterprise where FIL-02 applies (Huangshi): it declares whom it evaluates and its main business. */
  enterprise?: boolean;
}

/** From a registered organization's new application to its entry in the public directory, through the SPA only. */
async function fileThrough(page: Page, browser: Browser, request: APIRequestContext, j: Journey) {
  await request.post('/api/auth/sign-in', { data: { userName: 'admin', password: 'Demo@2026pass' } });
  try {
    if (j.clockDays) expect((await request.post('/api/testing/clock', { data: { days: j.clockDays } })).ok()).toBeTruthy();
    await fileSteps(page, browser, request, j);
  } finally {
    await request.post('/api/testing/clock', { data: { days: 0 } });
  }
}

async function fileSteps(page: Page, browser: Browser, request: APIRequestContext, j: Journey) {
  await newApplication(page, j.jurisdiction, j.scope);
  await page.getByLabel('连续培训评价年限').fill('10');
  await page.getByLabel('累计培训评价人次').fill('100000');
  await page.getByRole('button', { name: '添加职业（工种）' }).click();
  await page.getByLabel('职业（工种）名称').fill('育婴员');
  await page.getByLabel('已培训评价人数').fill('20000');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '添加评价站点' }).click();
  await page.getByLabel('站点名称').fill('第一评价考点');
  await page.getByLabel('站点地址').fill('人民路1号');
  if (j.enterprise) {
    await page.getByRole('checkbox', { name: '本单位职工' }).check();
    await page.getByLabel('生产经营主业').fill('特殊钢冶炼及压延加工');
  }
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();

  // FIL-10: a file that only claims to be a PDF is refused, real ones are stored
  const inputs = page.getByTestId('materials').locator('input[type=file]');
  await inputs.nth(0).setInputFiles({ name: '假冒.pdf', mimeType: 'application/pdf', buffer: Buffer.from('PK\u0003\u0004 not a pdf') });
  await expect(page.getByTestId('materials')).toContainText('“假冒.pdf”'); // the Chinese reason, its rule ID after it
  await expect(page.getByTestId('materials')).toContainText('FIL-10');
  for (let i = 0; i < 6; i++) {
    await inputs.nth(i).setInputFiles(pdf(`材料${i + 1}.pdf`));
    await expect(page.getByRole('link', { name: `材料${i + 1}.pdf` })).toBeVisible();
  }
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByTestId('application-status')).toHaveText('待受理');
  const url = page.url();

  if (j.firstReviewer) {
    const city = await browser.newPage();
    await signInAs(city, j.firstReviewer, /\/workbench$/);
    await city.goto(url);
    await city.getByLabel('审核意见').fill('初审通过，同意报送。');
    await city.getByRole('button', { name: '初审通过并报送' }).click();
    await confirm(city, '确认报送');
    await expect(city.getByText('已报送', { exact: true })).toBeVisible();
  }

  const reviewer = await browser.newPage();
  await signInAs(reviewer, j.reviewer, /\/workbench$/);
  await reviewer.goto(url);
  await reviewer.getByLabel('审核意见').fill('材料齐全，予以受理。');
  await reviewer.getByRole('button', { name: '受理', exact: true }).click();
  await confirm(reviewer, '确认受理');
  await expect(reviewer.getByTestId('application-status')).toHaveText('已受理');
  await reviewer.getByLabel('评估专家').click();
  await reviewer.getByTitle(j.expert, { exact: true }).click();
  await reviewer.keyboard.press('Escape');
  await reviewer.getByRole('button', { name: '指派专家' }).click();
  await expect(reviewer.getByTestId('application-status')).toHaveText('技术评估中');

  const expert = await browser.newPage();
  // an expert lands on its own assignments, the one waiting for its scores listed first
  await signInAs(expert, j.expertUser, /\/assignments$/);
  await expect(expert.getByTestId('awaiting-me').getByRole('cell', { name: j.organizationName }).first()).toBeVisible();
  await expert.goto(url);
  // scores are 0–100: an out-of-range score is refused visibly, not silently clamped
  await expert.getByLabel('基本条件').fill('150');
  await expert.getByLabel('基本条件').blur();
  await expect(expert.getByText('分数应为 0–100 的整数')).toBeVisible();
  for (const subject of ['基本条件', '人员配备', '考场及设施设备', '评价流程', '管理制度', '质量保障']) await expert.getByLabel(subject).fill('86');
  await expect(expert.getByText('分数应为 0–100 的整数')).toHaveCount(0);
  await expect(expert.getByTestId('running-average')).toContainText('86.0');
  await expert.getByLabel('现场核查情况').fill('考场配备视频监控，设施设备齐全。');
  await expert.getByLabel('评估意见').fill('同意备案。');
  // no recommendation is pre-selected: submitting without one is refused
  await expert.getByRole('button', { name: '提交评分' }).click();
  await expect(expert.getByText('请选择是否建议备案')).toBeVisible();
  await expert.getByLabel('建议备案', { exact: true }).check();
  await expert.getByRole('button', { name: '提交评分' }).click();
  await expect(expert.getByTestId('expert-recommendation')).toHaveText('建议备案');

  await reviewer.reload();
  await reviewer.getByLabel('通过技术评估').check();
  await reviewer.getByLabel('结论理由').fill('技术评估通过。');
  await reviewer.getByRole('button', { name: '作出评估结论' }).click();
  await confirm(reviewer, '确认结论');
  await expect(reviewer.getByTestId('application-status')).toHaveText('评估通过');
  await reviewer.getByRole('button', { name: '发布备案公示' }).click();
  await confirm(reviewer, '确认发布');
  await expect(reviewer.getByTestId('application-status')).toHaveText('公示中');

  // the publicity notice closes on its own once the server's test clock has passed its five working days;
  // first wait until the Notices module has published it (a queued message)
  const applicationId = url.split('/').pop();
  await expect(async () => {
    const application = await (await request.get(`/api/filing/applications/${applicationId}`)).json();
    expect((await request.get(`/api/notices/${application.publicityNoticeId}`)).ok()).toBeTruthy();
  }).toPass({ timeout: 15_000 });
  {
    expect((await request.post('/api/testing/clock', { data: { days: (j.clockDays ?? 0) + 8 } })).ok()).toBeTruthy();
    await expect(async () => {
      await reviewer.reload();
      // the page first has to load again (slow on a busy machine); then the closed window must show at once
      await expect(reviewer.getByTestId('application-status')).toBeVisible({ timeout: 15_000 });
      await expect(reviewer.getByTestId('publicity-status')).toHaveText('已结束', { timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    // the publicity window has closed: no deadline applies any more
    await expect(reviewer.getByTestId('deadline')).toHaveCount(0);
    await reviewer.getByRole('button', { name: '准予备案并分配备案号' }).click();
    await confirm(reviewer, '确认备案');
    await expect(reviewer.getByTestId('filing-number')).toHaveText(j.number);
    await expect(reviewer.getByTestId('deadline')).toHaveCount(0);
    const number = await reviewer.getByTestId('filing-number').textContent();

    await reviewer.getByRole('link', { name: '打印备案回执' }).click();
    await expect(reviewer.getByTestId('receipt-number')).toHaveText(number!);

    const visitor = await browser.newPage();
    await visitor.goto('/directory');
    await visitor.getByLabel('机构名称').fill(number!);
    await visitor.getByRole('button', { name: '查询' }).click();
    await expect(visitor.getByRole('cell', { name: j.organizationName })).toBeVisible();
    await visitor.getByRole('cell', { name: number! }).click();
    await expect(visitor.getByText('第一评价考点')).toBeVisible();
    await expect(visitor.getByTestId('filing-status')).toHaveText('有效');
  }
}

/** GB 32100 check character of a unified social credit code. */
function creditCode(first17: string) {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((acc, c, i) => acc + chars.indexOf(c) * weights[i], 0);
  return first17 + chars[(31 - (sum % 31)) % 31];
}

test('Anhui: an organization goes from application to the public directory (materials, acceptance, expert evaluation, publicity, grant)', async ({ page, browser, request }) => {
  test.setTimeout(180_000);
  await signIn(page, 'hefei.org');
  await fileThrough(page, browser, request, {
    jurisdiction: '安徽省人力资源和社会保障厅', scope: '面向本市', organizationName: '合肥新华职业技能培训学校',
    reviewer: 'hefei.reviewer', expert: '赵建国（安徽评估专家）', expertUser: 'anhui.expert', number: /^S00003401\d{4}$/,
  });
});

test('Guangxi: a new organization registers, the city reviews first and forwards, the region files it', async ({ page, browser, request }) => {
  test.setTimeout(180_000);
  await signIn(page, 'new.org');
  await page.getByLabel('机构名称').fill('南宁邕江职业培训学校');
  await page.getByLabel('统一社会信用代码').fill(creditCode('52450100MJ0000777'));
  await page.getByLabel('评价机构类别').click();
  await page.getByTitle('社会培训评价组织（S）').click();
  await page.getByLabel('机构性质').click();
  await page.getByTitle('民办非企业单位').click();
  await page.getByLabel('登记所在地').fill('南宁');
  await page.getByTitle('南宁市', { exact: true }).click();
  await page.getByLabel('地址').fill('南宁市青秀区民族大道1号');
  await page.getByLabel('法定代表人').fill('韦明');
  await page.getByLabel('联系人').fill('覃丽');
  await page.getByLabel('联系电话').fill('13907710000');
  await page.getByLabel('电子邮箱').fill('yongjiang@example.cn');
  await page.getByRole('button', { name: '提交登记' }).click();
  await expect(page.getByText('机构信息已登记', { exact: true })).toBeVisible();
  // the next step is named, with a button that leads to it
  await expect(page.getByTestId('next-step')).toContainText('下一步：起草备案申请');
  await fileThrough(page, browser, request, {
    jurisdiction: '广西壮族自治区人力资源和社会保障厅', scope: '面向本地市', organizationName: '南宁邕江职业培训学校',
    firstReviewer: 'nanning.reviewer', reviewer: 'guangxi.reviewer', expert: '蒙秀英（广西评估专家）', expertUser: 'guangxi.expert',
    number: /^S00004501\d{4}$/,
  });
});

test('a submission that breaks the policy shows every broken rule with its ID', async ({ page }) => {
  await signIn(page, 'nanning.org');
  await newApplication(page, '广西壮族自治区人力资源和社会保障厅', '面向本地市');
  await page.getByLabel('连续培训评价年限').fill('1');
  await page.getByLabel('累计培训评价人次').fill('100');
  await page.getByRole('button', { name: '添加职业（工种）' }).click();
  // free text outside the catalog is flagged while typing, before any submission (FIL-01)
  await page.getByLabel('职业（工种）名称').fill('焊');
  await expect(page.getByText('“焊”不在职业（工种）目录中')).toBeVisible();
  await page.getByLabel('职业（工种）名称').fill('育婴员');
  await expect(page.getByText('不在职业（工种）目录中')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByLabel('最高等级').click();
  await page.getByTitle('二级/技师').click();
  await page.getByLabel('已培训评价人数').fill('10');
  await page.getByRole('button', { name: '提交申请' }).click();
  const problem = page.getByTestId('submit-problem');
  await expect(problem).toContainText('FIL-06');
  await expect(problem).toContainText('FIL-07');
  await expect(problem).toContainText('三级/高级工');
  await expect(page.getByTestId('application-status')).toHaveText('草稿');
  await expect(page.getByTestId('submit-card')).toContainText('例外理由：'); // named by what the rule asks, not by its ID
  // the missing materials are marked in the materials table, above the submit button
  await expect(page.getByTestId('materials').getByTestId('material-missing')).toHaveCount(6);
});

test('a reviewer suspends a filing and the public directory shows it at once, then reinstates it', async ({ page, browser }) => {
  await page.goto('/sign-in');
  await page.getByLabel('用户名').fill('wuhu.reviewer');
  await page.getByLabel('密码').fill('Demo@2026pass');
  await page.getByRole('button', { name: '登录', exact: true }).last().click();
  await expect(page).toHaveURL(/\/workbench$/);
  await page.goto('/filings');
  // the organization's name opens the organization; its filing number opens the filing
  const filing = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '芜湖奇瑞汽车股份有限公司' }) });
  await filing.getByRole('link', { name: /^[SY]\d{12}$/ }).click();
  await page.getByRole('button', { name: '暂停备案' }).click();
  const suspend = page.getByRole('dialog');
  await expect(suspend).toBeVisible();
  await suspend.getByLabel('处理理由').fill('双随机抽查发现考务管理问题，责令整改。');
  await suspend.getByRole('button', { name: '确定' }).click();
  await expect(suspend).toBeHidden();
  await expect(page.getByTestId('filing-status')).toHaveText('暂停');

  const visitor = await browser.newPage();
  await visitor.goto('/directory');
  await visitor.getByLabel('机构名称').fill('芜湖奇瑞');
  await visitor.getByRole('button', { name: '查询' }).click();
  await expect(visitor.getByTestId('filing-status')).toHaveText('暂停');
  await visitor.getByRole('cell', { name: '芜湖奇瑞汽车股份有限公司' }).click();
  await expect(visitor.getByText('暂停备案：双随机抽查发现考务管理问题，责令整改。')).toBeVisible();

  await page.getByRole('button', { name: '恢复备案' }).click();
  const reinstate = page.getByRole('dialog');
  await expect(reinstate).toBeVisible();
  await reinstate.getByLabel('处理理由').fill('整改完成，恢复备案。');
  await reinstate.getByRole('button', { name: '确定' }).click();
  await expect(reinstate).toBeHidden();
  await expect(page.getByTestId('filing-status')).toHaveText('有效');
});

test('National: the national center files an organization for national scope', async ({ page, browser, request }) => {
  test.setTimeout(180_000);
  await signIn(page, 'wuhu.org');
  await fileThrough(page, browser, request, {
    jurisdiction: '人力资源社会保障部职业技能鉴定中心（面向全国）', scope: '面向全国', organizationName: '芜湖奇瑞汽车股份有限公司',
    reviewer: 'national.reviewer', expert: '孔德明（国家评估专家）', expertUser: 'national.expert', number: /^Y00000000\d{4}$/,
  });
});

test('Huangshi: in the September window (FIL-12) the city center files a Daye enterprise', async ({ page, browser, request }) => {
  test.setTimeout(180_000);
  await signIn(page, 'daye.org');
  // back to 2 September, inside the window that closes on 10 September
  const days = -Math.round((Date.now() - Date.UTC(new Date().getUTCFullYear(), 8, 2, 2)) / 86_400_000);
  await fileThrough(page, browser, request, {
    jurisdiction: '黄石市人力资源和社会保障局（湖北省）', scope: '面向黄石市', organizationName: '大冶特殊钢有限公司',
    reviewer: 'huangshi.reviewer', expert: '胡志强（湖北评估专家）', expertUser: 'huangshi.expert', number: /^Y00004202\d{4}$/, clockDays: days,
    enterprise: true,
  });
});
