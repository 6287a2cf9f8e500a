// Through the browser (issue 9, items 15–17): the interview names which condition of an
// article it asks and asks a 但书 as the exception; after a save the focus moves to the
// next question and the live region says the new status; the 按条清单 answers an
// article's items on one screen with the same "still missing" guidance; an officer reads
// 我的履职档案 with the 第十五条 rule; the system administrator disables an account; a user
// changes their password from the header.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/app/demo-data.ts';
import { caseVersion, versionAfter } from './support/case-form.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp();
}, 120_000);
afterAll(async () => web?.close());

interface Evaluation {
  status: string;
  missing: string[];
}

const getJson = <T>(page: Page, path: string): Promise<T> =>
  page.evaluate(async (p) => (await fetch(p)).json() as Promise<T>, path);

/** The id of the demo case of that title, as the page's user reads the list. */
async function caseId(page: Page, title: string): Promise<string> {
  const list = await getJson<{ items: { id: string; title: string }[] }>(
    page,
    `/api/v1/cases?q=${encodeURIComponent(title)}`,
  );
  return list.items.find((i) => i.title === title)!.id;
}

/** Accepts a submitted case (受理) with the page's session. */
async function accept(page: Page, id: string): Promise<void> {
  const status = await page.evaluate(async (id) => {
    const session = (await (await fetch('/api/v1/session')).json()) as { csrfToken: string };
    const c = (await (await fetch(`/api/v1/cases/${id}`)).json()) as { version: number };
    const r = await fetch(`/api/v1/cases/${id}/actions/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ version: c.version }),
    });
    return r.status;
  }, id);
  expect(status).toBe(200);
}

/** The fact of the focused element when it is a question's heading, else null (run in the page). */
const FOCUSED_FACT = `(() => {
  const el = document.activeElement;
  return el && el.tagName === 'H3' && el.id.endsWith('-q') ? el.getAttribute('data-fact') : null;
})()`;

/** Waits until the focus is on a question's heading other than `previous`'s; answers its fact. */
async function focusMovedFrom(page: Page, previous: string | null): Promise<string> {
  await page.waitForFunction(
    `${FOCUSED_FACT} !== null && ${FOCUSED_FACT} !== ${JSON.stringify(previous)}`,
  );
  return (await page.evaluate<string | null>(FOCUSED_FACT))!;
}

describe('the interview', () => {
  it('names each condition, moves the focus and the live status on, and answers by checklist', async () => {
    const page = await web.signIn('lina');
    const id = await caseId(page, '危险化学品经营许可延续审查中未发现企业提供的虚假安全评价报告');
    await accept(page, id);
    await page.goto(`${web.url}/cases/${id}/interview`);

    // 逐项问答: the question says which part of its article it is.
    const question = page.getByTestId('current-question');
    const heading = question.locator('h3[id$="-q"]');
    await heading.waitFor();
    const first = await heading.getAttribute('data-fact');
    const policy = await getJson<{ facts: { id: string; label: string; question: string }[] }>(
      page,
      '/api/v1/policies/xilingol-emergency-2024',
    );
    const asked = policy.facts.find((f) => f.id === first)!;
    // The exclusion (不予容错, 第十三条) is asked first, and says why (issue 15).
    expect(asked.label).toContain('第十三条');
    await question.getByTestId('question-reason').getByText('先行查明').waitFor();
    // And where the chances that ordered it come from (the demo bureau has decided few cases).
    await question
      .getByTestId('question-probabilities')
      .getByText(
        /本单位依本制度已决定的案件 \d+ 件，不足 20 件，各事实成立的概率按政策文件的默认值（20%）估计/,
      )
      .waitFor();
    await expect(heading.innerText()).resolves.toContain(asked.label);
    await expect(heading.innerText()).resolves.toContain(asked.question);

    // The live region is there from the start, and says the status.
    const status = page.getByTestId('interview-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    const before = await status.textContent();
    expect(before).toMatch(/尚待查明.*尚有 \d+ 项事实可能影响认定结果/);

    // Save: the focus goes to the next question's heading, the status says what changed.
    let version = await caseVersion(page);
    await question.getByText('否', { exact: true }).click();
    await question.getByRole('button', { name: /保存回答/ }).click();
    version = await versionAfter(page, version);
    const next = await focusMovedFrom(page, first);
    expect(next).not.toBe(first);
    expect(next).toBe(await heading.getAttribute('data-fact'));
    await status
      .getByText(`已保存${asked.label}：否。`, { exact: false })
      .waitFor({ state: 'attached' });
    expect(await status.textContent()).not.toBe(before);

    // Once more: the focus follows again.
    const second = policy.facts.find((f) => f.id === next)!;
    await question.getByText('否', { exact: true }).click();
    await question.getByRole('button', { name: /保存回答/ }).click();
    version = await versionAfter(page, version);
    await focusMovedFrom(page, next);
    await status
      .getByText(`已保存${second.label}：否。`, { exact: false })
      .waitFor({ state: 'attached' });

    // 按条清单: the articles in the interview's order (issue 15: the exclusion of 第十三条
    // first, as the questions above), 第四条 by condition, each 但书 as the exception.
    await page.getByRole('tab', { name: '按条清单' }).click();
    const guidance = page.getByTestId('checklist-missing');
    await guidance.waitFor();
    const articles = await page
      .locator('[data-article]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-article'))));
    const { interviewOrder } = (
      await getJson<{ evaluation: { interviewOrder: string[] } }>(
        page,
        `/api/v1/cases/${id}?include=nextQuestion`,
      )
    ).evaluation;
    const articleOf = new Map(
      (
        await getJson<{ facts: { id: string; article: number }[] }>(
          page,
          '/api/v1/policies/xilingol-emergency-2024',
        )
      ).facts.map((f) => [f.id, f.article]),
    );
    expect(articles).toEqual([...new Set(interviewOrder.map((f) => articleOf.get(f)!))]);
    expect(articles[0]).toBe(13);
    expect([...articles].sort((a, b) => a - b)).toEqual([4, 9, 10, 11, 12, 13]);
    // Within an article, the items in the same order: 第十三条's conditions as asked.
    const exclusionRows = await page
      .locator('[data-article="13"] li[data-fact]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-fact')));
    expect(exclusionRows).toEqual(interviewOrder.filter((f) => f.startsWith('a13.')));
    for (const n of ['一', '二', '三'])
      await page.getByRole('radiogroup', { name: `第四条条件（${n}）` }).waitFor();
    const proviso = page.locator('li[data-missing][data-fact="a10.1.x"]');
    await expect(proviso.innerText()).resolves.toContain(
      '但书：是否存在“故意违法”的情形？（存在时，第十条第（一）项不予适用）',
    );

    // Answer the items the investigator already knows; the guidance follows each save.
    const answer = async (label: string, value: '是' | '否') => {
      await page.getByRole('radiogroup', { name: label }).getByText(value, { exact: true }).click();
      version = await versionAfter(page, version);
      const e = (await getJson<{ evaluation: Evaluation }>(page, `/api/v1/cases/${id}`)).evaluation;
      const expected =
        e.missing.length === 0
          ? '可能影响认定结果的事实均已查明'
          : `尚有 ${e.missing.length} 项事实可能影响认定结果`;
      await guidance.getByText(expected).waitFor();
      return e;
    };
    // Those the questions above left open (the exclusion's conditions came first).
    for (const label of [
      '第十三条条件（一）',
      ...[...'一二三四五六七八九'].map((n) => `第九条第（${n}）项`),
    ]) {
      const group = page.getByRole('radiogroup', { name: label });
      if ((await group.locator('.ant-radio-button-wrapper-checked').count()) === 0)
        await answer(label, '否');
    }
    const open = (await getJson<{ evaluation: Evaluation }>(page, `/api/v1/cases/${id}`))
      .evaluation;
    expect(open.status).toBe('undetermined');
    // Each missing item is named in the guidance and marked on its row.
    for (const f of open.missing) {
      const label = policy.facts.find((x) => x.id === f)!.label;
      await guidance.getByRole('button', { name: label, exact: true }).waitFor();
      expect(
        await page.locator(`li[data-missing][data-fact="${f}"]`).getAttribute('data-missing'),
      ).toBe('true');
    }
    const settled = await answer('第十条第（三）项', '是');
    expect(settled).toEqual({ ...settled, status: 'determined', missing: [] });
    await page
      .getByTestId('provisional-result')
      .getByText('不予追究行政执法责任')
      .first()
      .waitFor();
    // The answers are the server's: a reload shows them checked.
    await page.reload();
    await page
      .getByRole('radiogroup', { name: '第十条第（三）项' })
      .locator('.ant-radio-button-wrapper-checked', { hasText: '是' })
      .waitFor();
    await page.context().close();
  }, 180_000);
});

describe('履职档案', () => {
  it('shows the officer their record with the 第十五条 rule, marked on the case it applied to', async () => {
    const page = await web.signIn('wangqiang');
    await page.getByRole('menuitem', { name: '我的履职档案' }).click();
    await page.waitForURL(/\/my-record$/);
    await page.getByRole('heading', { name: '我的履职档案' }).waitFor();
    const rule = page.getByTestId('not-enforcement-error-rule');
    await expect(rule.innerText()).resolves.toContain('第十五条【不作为执法错误认定】');
    await expect(rule.innerText()).resolves.toContain(
      '经本级应急管理部门党委研究决定，对应急管理行政执法人员予以容错的，不作为执法错误认定。',
    );
    const row = page
      .getByRole('row')
      .filter({ hasText: '依据检测报告作出行政处罚后检测机构撤回报告' });
    await expect(row.innerText()).resolves.toMatch(
      /不予追究行政执法责任[\s\S]*依第十五条不作为执法错误认定/,
    );
    // No enforcement error: no section for it.
    expect(await page.getByText('执法错误认定记录').count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it('opens from the officer’s name on the case page for a reader of the unit', async () => {
    const page = await web.signIn('zhangmin');
    const id = await caseId(page, '依据检测报告作出行政处罚后检测机构撤回报告');
    await page.goto(`${web.url}/cases/${id}`);
    await page.getByRole('link', { name: '王强', exact: true }).click();
    await page.getByRole('heading', { name: '王强的履职档案' }).waitFor();
    await page.getByTestId('not-enforcement-error-rule').waitFor();
    await page.context().close();
  }, 60_000);
});

describe('accounts', () => {
  it('lets the system administrator disable an account: its session ends and it cannot sign in', async () => {
    const zhaoli = await web.signIn('zhaoli');
    const sys = await web.signIn('sysadmin');
    await sys.goto(`${web.url}/admin/users`);
    await sys.getByRole('button', { name: '停用赵丽（zhaoli）的账号' }).click();
    await sys
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /^停\s*用$/ })
      .click();
    await sys.getByText('已停用赵丽（zhaoli）的账号，其会话已结束').waitFor();
    await sys.getByRole('button', { name: '启用赵丽（zhaoli）的账号' }).waitFor();

    // The open session is gone: the next page load asks for a sign-in.
    await zhaoli.goto(`${web.url}/cases`);
    await zhaoli.waitForURL(/\/login$/);
    await zhaoli.getByLabel('用户名').fill('zhaoli');
    await zhaoli.getByLabel('密码').fill(DEMO_PASSWORD);
    await zhaoli.getByRole('button', { name: /登\s*录/ }).click();
    await zhaoli.getByText('该账号已停用，无法登录').waitFor();
    expect(zhaoli.url()).toMatch(/\/login$/);

    // Enabled again, the user signs in.
    await sys.getByRole('button', { name: '启用赵丽（zhaoli）的账号' }).click();
    await sys
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /^启\s*用$/ })
      .click();
    await sys.getByText('已启用赵丽（zhaoli）的账号').waitFor();
    await zhaoli.getByRole('button', { name: /登\s*录/ }).click();
    await zhaoli.getByRole('button', { name: /退\s*出/ }).waitFor();
    await zhaoli.context().close();
    await sys.context().close();
  }, 60_000);

  it('lets a user change their own password from the header', async () => {
    const page = await web.signIn('liuyang');
    await page
      .getByRole('banner')
      .getByRole('button', { name: /修改密码/ })
      .click();
    await page.waitForURL(/\/password$/);
    await page.getByLabel('当前密码').fill(DEMO_PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill('Liu#Yang2026x');
    await page.getByLabel('确认新密码').fill('Liu#Yang2026x');
    await page.getByRole('button', { name: '修改密码' }).last().click();
    await page.getByText('密码已修改').waitFor();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('button', { name: /退\s*出/ }).click();
    await page.waitForURL(/\/login$/);
    await page.getByLabel('用户名').fill('liuyang');
    await page.getByLabel('密码').fill('Liu#Yang2026x');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('button', { name: /退\s*出/ }).waitFor();
    await page.context().close();
  }, 60_000);
});
