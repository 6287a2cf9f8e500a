// The new case form and the assessment page, as the browser tests fill them.
import type { Page } from 'playwright-core';
import { ASSESSMENT_FACTOR_LABELS } from '../../src/contract/labels.ts';

/** A case page's address: /cases/<id>. */
export const CASE_PAGE = /\/cases\/[0-9a-f-]{36}$/;

/** The six factors of the assessment (第十四条) by the labels the assessment page shows. */
export const ASSESSMENT_LABELS = Object.values(ASSESSMENT_FACTOR_LABELS);

export interface CaseForm {
  readonly title: string;
  /** The label of the kind of enforcement action (执法行为类别), e.g. 行政处罚. */
  readonly enforcementAction: string;
  readonly conduct: string;
}

/** Fills the new case form: the title, the kind of enforcement action, what was done. */
export async function fillCaseForm(page: Page, form: CaseForm): Promise<void> {
  await page.getByLabel('申请事项名称').fill(form.title);
  await page.getByText(form.enforcementAction, { exact: true }).click();
  await page.getByLabel('执法行为及有关情况').fill(form.conduct);
}

/** Fills the new case form and sends it with the button named `send`: on the new case's page. */
export async function submitCaseForm(page: Page, form: CaseForm, send: RegExp): Promise<void> {
  await fillCaseForm(page, form);
  await page.getByRole('button', { name: send }).click();
  await page.waitForURL(CASE_PAGE);
}
