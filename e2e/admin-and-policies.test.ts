// The workbench, the policy browser and the three administrators' pages in Debian's chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickTreeNode } from './support/antd.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp();
  // The demo's decided case must notify within 7 days; six days on, both notices are due soon.
  (web.app.ctx as { now: () => Date }).now = () => new Date(Date.now() + 6 * 86_400_000);
}, 120_000);
afterAll(async () => web?.close());

describe('workbench', () => {
  it('shows the secretary the decided case to do and its two notification deadlines', async () => {
    const page = await web.signIn('zhangmin');
    const todo = page.locator('.ant-card').filter({ hasText: '我的待办' });
    await todo.getByRole('link', { name: '依据检测报告作出行政处罚后检测机构撤回报告' }).waitFor();
    await expect(
      todo.getByRole('link', { name: '依据检测报告作出行政处罚后检测机构撤回报告' }).count(),
    ).resolves.toBe(1);
    await expect(todo.getByText('已作出决定').count()).resolves.toBe(1);
    const soon = page.getByRole('region', { name: '即将到期' }).getByRole('listitem');
    await soon.first().waitFor();
    const texts = await soon.allInnerTexts();
    expect(texts).toHaveLength(2);
    for (const t of texts)
      expect(t).toMatch(
        /即将到期[\s\S]*告知期限[\s\S]*依据检测报告作出行政处罚后检测机构撤回报告[\s\S]*还剩 1 天/,
      );
    await page.context().close();
  }, 120_000);

  it('is usable 768 px wide', async () => {
    const page = await web.signIn('zhangmin');
    await page.setViewportSize({ width: 768, height: 900 });
    await page.getByText('我的待办').waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      768,
    );
    await page.context().close();
  }, 120_000);
});

describe('policy browser', () => {
  it('shows 第十条 of the emergency regime with its 但书, and the diff with 第十条【不予追究情形】 only on the left', async () => {
    const page = await web.signIn('lina');
    await page.goto(`${web.url}/policies`);
    const article = page
      .locator('.ant-card')
      .filter({ has: page.getByText('第十条【不予追究情形】', { exact: true }) });
    await article.first().waitFor();
    await expect(article.locator('mark[title="但书"]').first().innerText()).resolves.toBe(
      '但故意违法的除外',
    );
    // The 但书 is tagged with its words, never with a fact id.
    await expect(article.getByTitle('但书：故意违法').count()).resolves.toBe(1);
    await expect(article.getByText('a10.1.x').count()).resolves.toBe(0);

    await page.getByRole('tab', { name: '制度对比' }).click();
    const row = page.getByRole('listitem').filter({ hasText: '第十条【不予追究情形】' });
    await row.first().waitFor();
    expect(await row.first().getAttribute('data-status')).toBe('left_only');
    await expect(row.first().innerText()).resolves.toContain('仅左侧有');
    await page.context().close();
  }, 120_000);
});

describe('administration', () => {
  // One account's way through the three administrators, a step per test (in order: each
  // goes on from the one before), so that a loaded machine's slowness is not summed.
  it('lets the system administrator add a user, the server refusing a weak password', async () => {
    const sys = await web.signIn('sysadmin');
    await sys.goto(`${web.url}/admin/users`);
    // The new user form: the units card beside it has unit pickers of its own.
    const newUser = sys.getByRole('form', { name: '新建用户' });
    await newUser.getByLabel('用户名').fill('zhaoyun');
    await newUser.getByLabel('姓名').fill('赵云');
    await pickTreeNode(sys, newUser, '所属单位', '执法监督科');
    await newUser.getByLabel('初始密码').fill('short');
    // The form goes to the server, which refuses the password.
    const refused = sys.waitForResponse(
      (r) => r.url().endsWith('/api/v1/users') && r.request().method() === 'POST',
    );
    await sys.getByRole('button', { name: '新建用户' }).click();
    expect((await refused).status()).toBe(400);
    await expect(sys.getByRole('alert').filter({ hasText: '密码' }).innerText()).resolves.toContain(
      '密码至少 10 位',
    );
    await newUser.getByLabel('初始密码').fill('Xilin#2026ab');
    await sys.getByRole('button', { name: '新建用户' }).click();
    await sys.getByRole('cell', { name: 'zhaoyun', exact: true }).waitFor();
    await sys.context().close();
  }, 120_000);

  it('lets the security administrator grant roles within 三员分立', async () => {
    const sec = await web.signIn('secadmin');
    await sec.goto(`${web.url}/admin/roles`);
    const roles = sec.getByRole('combobox', { name: '赵云（zhaoyun）的角色' });
    const row = sec.locator('[data-user="zhaoyun"]');
    const save = sec.getByRole('button', { name: '保存赵云（zhaoyun）的角色' });
    // Each pick is made when its tag shows in the field.
    const pick = async (label: string) => {
      await roles.click();
      await sec
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label })
        .first()
        .click();
      await row.locator('.ant-select-selection-item', { hasText: label }).waitFor();
    };
    // The roles list is a popup in the page's body beside the row, aligned to the field:
    // zhaoyun's row is the last, and an open list there moves with every scroll (it flips
    // above or below, which changes the page's height), so the save button beside it never
    // held still. Save only once the list is closed and gone, and the button enabled.
    const saveRoles = async () => {
      await sec.keyboard.press('Escape');
      await sec.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
      await expect.poll(() => save.isEnabled()).toBe(true);
      await save.click();
    };
    await pick('系统管理员');
    await pick('审计管理员');
    await saveRoles();
    const conflict = row.locator('[role="alert"]');
    await expect(conflict.innerText()).resolves.toContain('三员分立');
    await roles.press('Backspace');
    await roles.press('Backspace');
    await row.locator('.ant-select-selection-item').first().waitFor({ state: 'detached' });
    await pick('执法人员');
    await saveRoles();
    await sec.getByText('已保存赵云的角色').waitFor();
    expect(await conflict.count()).toBe(0);
    const stored = await web.app.ctx.db
      .selectFrom('users')
      .select('roles')
      .where('username', '=', 'zhaoyun')
      .executeTakeFirstOrThrow();
    expect(stored.roles).toEqual(['officer']);
    await sec.context().close();
  }, 120_000);

  it('brings the new user to the password page before anything else', async () => {
    // The new user signs in with the password the administrator chose: the password page
    // comes first, and nothing else until it is changed.
    const newcomer = await web.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const zhaoyun = await newcomer.newPage();
    await zhaoyun.goto(`${web.url}/login`);
    await zhaoyun.getByLabel('用户名').fill('zhaoyun');
    await zhaoyun.getByLabel('密码').fill('Xilin#2026ab');
    await zhaoyun.getByRole('button', { name: /登\s*录/ }).click();
    await zhaoyun.waitForURL(/\/password$/);
    await zhaoyun.getByText('您的密码由管理员设置').waitFor();
    await zhaoyun.goto(`${web.url}/cases`);
    await zhaoyun.waitForURL(/\/password$/);
    await zhaoyun.getByLabel('当前密码').fill('Xilin#2026ab');
    await zhaoyun.getByLabel('新密码', { exact: true }).fill('Zhao#Yun2026x');
    await zhaoyun.getByLabel('确认新密码').fill('Zhao#Yun2026x');
    await zhaoyun.getByRole('button', { name: '修改密码' }).click();
    await zhaoyun.getByText('我的待办').waitFor();
    await newcomer.close();
  }, 120_000);

  it('lets the system administrator reset the password, to be changed again', async () => {
    // The system administrator resets it: the user must change it again at the next sign-in.
    const reset = await web.signIn('sysadmin');
    await reset.goto(`${web.url}/admin/users`);
    await reset.getByRole('button', { name: '重置赵云（zhaoyun）的密码' }).click();
    const form = reset.getByRole('form', { name: '重置赵云（zhaoyun）的密码' });
    await form.getByLabel('新密码').fill('Reset#2026abc');
    await reset.locator('.ant-modal-footer').getByRole('button', { name: '重置密码' }).click();
    await reset.getByText('已重置赵云（zhaoyun）的密码').waitFor();
    expect(
      (
        await web.app.ctx.db
          .selectFrom('users')
          .select('must_change_password')
          .where('username', '=', 'zhaoyun')
          .executeTakeFirstOrThrow()
      ).must_change_password,
    ).toBe(true);
    await reset.context().close();
  }, 120_000);

  it('lets the audit administrator verify the chain, and no one else open the log', async () => {
    const audit = await web.signIn('auditadmin');
    await audit.goto(`${web.url}/admin/audit`);
    // Newest first, in Chinese: the administrator's own sign-in heads the log.
    await audit.getByRole('cell', { name: '登录', exact: true }).first().waitFor();
    await audit.getByRole('button', { name: /校验审计链/ }).click();
    await expect(audit.getByRole('status').innerText()).resolves.toMatch(
      /审计链完整[\s\S]*共校验 \d+ 条记录/,
    );
    await audit.context().close();

    const officer = await web.signIn('wangqiang');
    await officer.goto(`${web.url}/admin/audit`);
    await expect(officer.getByRole('alert').innerText()).resolves.toContain('无权访问');
    await officer.context().close();
  }, 120_000);
});
