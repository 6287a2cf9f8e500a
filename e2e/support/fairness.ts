// The steps of fairness as the browser tests take them: the reviewer's legal review
// opinion (法制审核意见) before the decision, and the delivery of a notice (送达) with its
// method, on today's date as the form proposes.
import type { Locator, Page } from 'playwright-core';

/** On a case page awaiting the decision: the reviewer records an agreeing legal review. */
export async function recordLegalReview(page: Page, opinion = '经审核，事实清楚，程序合法。') {
  await page.getByRole('button', { name: '记录法制审核意见' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '记录法制审核意见' });
  await dialog.getByLabel('法制审核意见').fill(opinion);
  await dialog.getByText('同意', { exact: true }).click();
  await dialog.getByRole('button', { name: /保存审核意见/ }).click();
  await page.getByRole('button', { name: '修改法制审核意见' }).waitFor();
}

/**
 * In the 送达告知 dialog: serves the first notice not yet served by `method` (直接送达 …),
 * on the day and to the person the form proposes, naming the person where it proposes
 * none; waits until it is recorded.
 */
export async function deliverFirstNotice(
  page: Page,
  dialog: Locator,
  method = '直接送达',
  recipient = '签收人',
) {
  await dialog
    .getByRole('button', { name: /^送\s*达$/ })
    .first()
    .click();
  const form = dialog.getByRole('form').first();
  await form.getByLabel('送达方式').click();
  await page.getByTitle(method).last().click();
  const to = form.getByLabel(/受送达人/);
  if ((await to.inputValue()) === '') await to.fill(recipient);
  await form.getByRole('button', { name: /确认送达/ }).click();
  // Recorded: the form gives way to the notice as served (or, after the last notice, the
  // dialog closes as the step ends); a refusal would keep it open, above its message.
  await form.waitFor({ state: 'detached' });
}
