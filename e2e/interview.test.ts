// Through the browser: an officer applies; an investigator runs the determination
// interview on the demo case until nothing that can change the result is missing, sees
// the provisional result change, and records the six-factor assessment.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CASE_PAGE,
  caseVersion,
  fillCaseForm,
  recordAssessment,
  versionAfter,
} from './support/case-form.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp();
}, 120_000);
afterAll(async () => web?.close());

interface CaseJson {
  id: string;
  version: number;
  state: string;
  title: string;
  origin: string;
  assessment: { factor: string; finding?: string }[];
  evaluation: { status: string; missing: string[] };
}

/** GET as the page's user. */
const getJson = <T>(page: Page, path: string): Promise<T> =>
  page.evaluate(async (p) => (await fetch(p)).json() as Promise<T>, path);

/** Fire a transition with the page's session and CSRF token. */
async function fire(page: Page, caseId: string, action: string): Promise<number> {
  return page.evaluate(
    async ({ caseId, action }) => {
      const session = (await (await fetch('/api/v1/session')).json()) as { csrfToken: string };
      const c = (await (await fetch(`/api/v1/cases/${caseId}`)).json()) as { version: number };
      const r = await fetch(`/api/v1/cases/${caseId}/actions/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ version: c.version }),
      });
      return r.status;
    },
    { caseId, action },
  );
}

describe('the officer applies', () => {
  it('fills the form and lands on the new case page', async () => {
    const page = await web.signIn('wangqiang');
    await page.getByRole('menuitem', { name: '提出容错认定申请' }).click();
    await page.waitForURL(/\/cases\/new$/);

    // Validation in Chinese first.
    await page.getByRole('button', { name: /提交申请/ }).click();
    await page.getByText('请填写申请事项名称').waitFor();
    await page.getByText('请选择执法行为类别').waitFor();

    const title = '依据检测报告作出处罚后报告被撤回（浏览器测试）';
    await fillCaseForm(page, {
      title,
      enforcementAction: '行政处罚',
      conduct: '本人依据检测报告作出罚款决定，后检测机构撤回报告。',
    });
    // A double click still opens one case (one Idempotency-Key per form).
    await page.getByRole('button', { name: /提交申请/ }).dblclick();
    await page.waitForURL(CASE_PAGE);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByText(title).first().waitFor();

    const c = await getJson<CaseJson>(page, `/api/v1/cases/${id}`);
    expect(c).toMatchObject({ title, origin: 'application', state: 'submitted' });
    const mine = await getJson<{ items: { title: string }[] }>(
      page,
      `/api/v1/cases?q=${encodeURIComponent('浏览器测试')}`,
    );
    expect(mine.items.filter((i) => i.title === title)).toHaveLength(1);
    await page.context().close();
  }, 60_000);
});

describe('the investigator’s interview and assessment', () => {
  it('answers the suggested questions until nothing is missing, then assesses', async () => {
    const page = await web.signIn('lina');
    const list = await getJson<{ items: { id: string; title: string }[] }>(
      page,
      `/api/v1/cases?q=${encodeURIComponent('责令改正后发生事故')}`,
    );
    const id = list.items[0]!.id;

    await page.goto(`${web.url}/cases/${id}/interview`);
    const result = page.getByTestId('provisional-result');
    await result.getByText('已可认定').waitFor();
    await expect(result.innerText()).resolves.toContain('履职尽责，尽职免责');
    // Nothing missing: the interview says so and links back to the case page.
    await page.getByText('可能影响认定结果的事实已全部查明').waitFor();

    // Change an answer: 第九条第（七）项 is not in fact established.
    let version = await caseVersion(page);
    await page.getByRole('button', { name: '修改第九条第（七）项的回答' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('否', { exact: true }).click();
    await dialog.getByLabel('说明（可选）').fill('复核送达回证，整改通知未依法送达');
    await dialog.getByRole('button', { name: /保存修改/ }).click();
    version = await versionAfter(page, version);
    await expect(page.getByTestId('result-change').innerText()).resolves.toMatch(
      /已可认定：履职尽责，尽职免责.*→ 尚待查明/,
    );
    await result.getByText('尚待查明').first().waitFor();

    // Only the questions that can still change the result, the suggested one first.
    const question = page.getByTestId('current-question');
    let answered = 0;
    let saidYes = false;
    const seen = new Set<string>();
    while (!(await page.getByText('可能影响认定结果的事实已全部查明').isVisible())) {
      expect(answered).toBeLessThan(60);
      const title = await question.locator('.ant-card-head-title').innerText();
      const remaining = Number(/尚余 (\d+) 项/.exec(title)?.[1]);
      expect(remaining).toBeGreaterThan(0);
      const text = await question.locator('[id$="-q"]').innerText();
      expect(seen.has(text)).toBe(false); // never asked twice
      seen.add(text);
      const yes = answered === 3; // the one 是: after three 否
      await question.getByText(yes ? '是' : '否', { exact: true }).click();
      await question.getByRole('button', { name: /保存回答/ }).click();
      version = await versionAfter(page, version);
      if (yes) saidYes = true;
      answered++;
    }
    expect(saidYes).toBe(true);
    await result.getByText('已可认定').waitFor();
    const after = await getJson<CaseJson>(page, `/api/v1/cases/${id}`);
    expect(after.evaluation).toMatchObject({ status: 'determined', missing: [] });
    await page.getByRole('link', { name: '返回案件页面' }).first().waitFor();

    // 完成调查核实 (the case page's action), then the six factors.
    expect(await fire(page, id, 'complete_investigation')).toBe(200);
    await page.goto(`${web.url}/cases/${id}/assessment`);
    await page.getByText('尚未记录 6 项').waitFor();
    await recordAssessment(page, (label) => `${label}方面：经调查核实，情况清楚。`);
    await page.getByText('六个方面均已记录').waitFor();
    const assessed = await getJson<CaseJson>(page, `/api/v1/cases/${id}`);
    expect(assessed.state).toBe('assessing');
    expect(assessed.assessment.every((a) => a.finding?.endsWith('情况清楚。'))).toBe(true);
    await page.context().close();
  }, 180_000);
});
