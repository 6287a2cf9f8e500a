// The whole procedure in the browser, each step by its own user in one run: the officer
// applies; the investigator accepts, answers the interview and assesses; the secretary
// records the decision, sends the notification and publishes. And the forbidden path: an
// officer of another bureau cannot open the case.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseVersion,
  recordAssessment,
  submitCaseForm,
  versionAfter,
} from './support/case-form.ts';
import { deliverFirstNotice, recordLegalReview } from './support/fairness.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp();
}, 120_000);
afterAll(async () => web?.close());

/** A button named `label`: Ant Design spaces two-character labels (受 理); 受理 must not match 不予受理. */
const buttonName = (label: string) => new RegExp(`^${label.split('').join('\\s*')}$`);

/** Clicks an action of the next-step card: a step that takes a form opens its dialog. */
async function act(page: Page, label: string) {
  const panel = page.getByTestId('next-step');
  await panel.getByRole('button', { name: buttonName(label) }).click();
}

/** Clicks an action of the next-step card that asks confirmation (a step without a form) and confirms it. */
async function actConfirmed(page: Page, label: string) {
  await act(page, label);
  const confirm = page.locator('.ant-modal-confirm');
  await confirm.waitFor();
  await confirm.getByRole('button', { name: buttonName(label) }).click();
}

async function stateIs(page: Page, label: string) {
  await page.locator('.ant-tag').filter({ hasText: label }).first().waitFor();
}

describe('the procedure in the browser', () => {
  it('goes from application to publication, each step by its role', async () => {
    // 1. The officer applies.
    const officer = await web.signIn('wangqiang');
    await officer.goto(`${web.url}/cases/new`);
    const application = {
      title: '全流程浏览器测试：检测报告撤回后的处罚',
      enforcementAction: '行政处罚',
      conduct: '依据第三方检测报告作出罚款决定，后报告被撤回。',
    };
    await submitCaseForm(officer, application, /提交申请/);
    const caseUrl = officer.url();
    await stateIs(officer, '已申请');

    // 2. The investigator accepts and answers the interview until nothing is missing.
    const investigator = await web.signIn('lina');
    await investigator.goto(caseUrl);
    await actConfirmed(investigator, '受理');
    await stateIs(investigator, '调查核实中');
    await investigator.goto(`${caseUrl}/interview`);
    const question = investigator.getByTestId('current-question');
    let answers = 0;
    let affirmed = false;
    let version = await caseVersion(investigator);
    while (!(await investigator.getByText('可能影响认定结果的事实已全部查明').isVisible())) {
      expect(answers).toBeLessThan(50);
      // 否 to the exclusion's conditions (第十三条, asked first), 是 to the first question
      // after them, 否 to every other.
      const heading = await question.locator('h3[id$="-q"]').innerText();
      const yes: boolean = !affirmed && !heading.includes('第十三条');
      affirmed ||= yes;
      await question.getByText(yes ? '是' : '否', { exact: true }).click();
      await question.getByRole('button', { name: /保存回答/ }).click();
      version = await versionAfter(investigator, version);
      answers++;
    }
    expect(answers).toBeLessThan(10); // only the questions that could change the answer
    await investigator.goto(caseUrl);
    await actConfirmed(investigator, '完成调查核实');
    await stateIs(investigator, '综合分析研判中');
    await investigator.goto(`${caseUrl}/assessment`);
    await recordAssessment(investigator, (label) => `${label}：经核实，情况清楚。`);
    await investigator.getByText('六个方面均已记录').waitFor();
    await investigator.goto(caseUrl);
    await actConfirmed(investigator, '提请研究决定');
    await stateIs(investigator, '待研究决定');

    // The reviewer records the legal review the decision waits for (法制审核).
    const reviewer = await web.signIn('liuyang');
    await reviewer.goto(caseUrl);
    await recordLegalReview(reviewer);

    // 3. The secretary records the committee decision, notifies and publishes.
    const secretary = await web.signIn('zhangmin');
    await secretary.goto(caseUrl);
    await act(secretary, '登记研究决定');
    const decision = secretary.getByRole('dialog').filter({ hasText: '登记研究决定' });
    await decision.getByLabel('参会人员').fill('党委书记');
    await decision.getByLabel('参会人员').press('Enter');
    await decision.getByRole('button', { name: /登\s*记/ }).click();
    await stateIs(secretary, '已作出决定');
    await act(secretary, '送达告知');
    const notices = secretary.getByRole('dialog').filter({ hasText: '送达告知' });
    await deliverFirstNotice(secretary, notices);
    await secretary.keyboard.press('Escape');
    await secretary.reload();
    await stateIs(secretary, '已告知');
    await act(secretary, '公开');
    const publish = secretary.getByRole('dialog').filter({ hasText: '公开认定结果' });
    await publish.getByLabel('公开范围').click();
    await secretary.getByTitle('本系统').click();
    await publish.getByRole('button', { name: /^公\s*开$/ }).click();
    await stateIs(secretary, '已公开');

    // The officer sees the outcome of his own case.
    await officer.goto(caseUrl);
    await stateIs(officer, '已公开');

    // 4. An officer of another bureau cannot open it.
    const stranger = await web.signIn('chenjing');
    await stranger.goto(caseUrl);
    await stranger.getByText('未找到，或您无权查看').first().waitFor();
  }, 240_000);

  it('lets an investigator start a case about an officer of the unit (单位启动核查)', async () => {
    const investigator = await web.signIn('lina');
    await investigator.getByRole('menuitem', { name: '启动核查' }).click();
    await investigator.getByText('单位启动核查').first().waitFor();
    await investigator.getByLabel('被核查的执法人员').click();
    await investigator.getByTitle(/^王强/).click();
    const initiation = {
      title: '信访反映执法不当的核查',
      enforcementAction: '行政强制',
      conduct: '群众来信反映查封扣押程序不当。',
    };
    await submitCaseForm(investigator, initiation, /启动核查/);
    await stateIs(investigator, '调查核实中');
  }, 120_000);
});
