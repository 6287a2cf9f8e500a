// The new case form and the assessment page, as the browser tests fill them, and the
// case version the interview and assessment pages show, which each save's answer changes.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ASSESSMENT_FACTOR_LABELS } from '../../src/contract/labels.ts';
import { typeDay } from './antd.ts';

/** A case page's address: /cases/<id>. */
export const CASE_PAGE = /\/cases\/[0-9a-f-]{36}$/;

/** The six factors of the assessment (第十四条) by the labels the assessment page shows. */
const ASSESSMENT_LABELS = Object.values(ASSESSMENT_FACTOR_LABELS);

export interface CaseForm {
  readonly title: string;
  /** The label of the kind of enforcement action (执法行为类别), e.g. 行政处罚. */
  readonly enforcementAction: string;
  readonly conduct: string;
  /** When the conduct happened, YYYY-MM-DD: 2025-03-01 unless given. */
  readonly conductDate?: string;
  /** The last day of a conduct over a period: ticks 持续一段时间 and fills both days. */
  readonly conductEndDate?: string;
  /** The labels of the 执法领域 and 错误类型 chosen: 其他 unless given. */
  readonly field?: string;
  readonly errorType?: string;
}

/** Picks the option labelled `option` in the form's select labelled `label`, once loaded. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page
    .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`)
    .click();
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
}

/**
 * Fills the new case form: the title, the kind of enforcement action, when the conduct
 * happened (a day, or a period), the field and error type, what was done.
 */
export async function fillCaseForm(page: Page, form: CaseForm): Promise<void> {
  await page.getByLabel('申请事项名称').fill(form.title);
  await page.getByText(form.enforcementAction, { exact: true }).click();
  if (form.conductEndDate === undefined) {
    await typeDay(page.getByLabel('行为发生日期'), form.conductDate ?? '2025-03-01');
  } else {
    await page.getByLabel('持续一段时间').check();
    await typeDay(page.getByPlaceholder('开始日期'), form.conductDate ?? '2025-03-01');
    await typeDay(page.getByPlaceholder('结束日期'), form.conductEndDate);
  }
  await choose(page, '执法领域', form.field ?? '其他');
  await choose(page, '错误类型', form.errorType ?? '其他');
  await page.getByLabel('执法行为及有关情况').fill(form.conduct);
}

/** Fills the new case form and sends it with the button named `send`: on the new case's page. */
export async function submitCaseForm(page: Page, form: CaseForm, send: RegExp): Promise<void> {
  await fillCaseForm(page, form);
  await page.getByRole('button', { name: send }).click();
  await page.waitForURL(CASE_PAGE);
}

/** The case version the page shows: the interview and assessment pages carry it. */
export function caseVersion(page: Page): Promise<string | null> {
  return page.locator('[data-case-version]').getAttribute('data-case-version');
}

/** Waits until the page shows a case version other than `before`; answers the new one. */
export async function versionAfter(page: Page, before: string | null): Promise<string> {
  const current = () => caseVersion(page);
  await expect.poll(current, { timeout: 15_000 }).not.toBe(before);
  return (await current())!;
}

/**
 * Records the six factors on the assessment page, each as `finding(label)`, and waits
 * for each save's answer (a new case version) before the next: the page drops a save
 * while another runs.
 */
export async function recordAssessment(
  page: Page,
  finding: (label: string) => string,
): Promise<void> {
  let version = await caseVersion(page);
  for (const label of ASSESSMENT_LABELS) {
    await page.getByRole('textbox', { name: label }).fill(finding(label));
    await page.getByRole('button', { name: `保存“${label}”` }).click();
    version = await versionAfter(page, version);
  }
}
