// How the browser tests find and fill Ant Design's controls: buttons as antd names them,
// dialogs by their title, date pickers typed into as a person would.
import type { Locator, Page } from 'playwright-core';

/** A button named `label`, antd's spacing of two characters and a leftover spinner allowed. */
export const buttonName = (label: string) =>
  new RegExp(`^(loading\\s*)?${label.split('').join('\\s*')}$`);

/** The open dialog titled `title`. */
export const dialog = (page: Page, title: string) =>
  page.getByRole('dialog').filter({ hasText: title });

/** Types a day into a date picker (YYYY-MM-DD) and confirms it with Enter. */
export async function typeDay(input: Locator, day: string) {
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

/**
 * Picks the unit `name` in the tree select labelled `label` of `form`, as a person would
 * with a long list: types the name to narrow the tree, then clicks it. Unnarrowed, the
 * list is virtual and taller than its box; on a loaded machine a click on a node that had
 * to be scrolled to was lost (the field stayed empty, the list open). The pick is made
 * when the field shows it.
 */
export async function pickTreeNode(page: Page, form: Locator, label: string, name: string) {
  const field = form.getByLabel(label);
  await field.click();
  await field.fill(name);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', {
      hasText: name,
    })
    .click();
  await form.locator('.ant-select-content-has-value', { hasText: name }).waitFor();
}
