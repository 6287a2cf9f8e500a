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
 * Picks the unit `name` in the tree select labelled `label` of `form`. The pick is made
 * when the field shows it: on a loaded machine the click can land while the list is still
 * opening, so it waits for the field rather than trusting the click.
 */
export async function pickTreeNode(page: Page, form: Locator, label: string, name: string) {
  await form.getByLabel(label).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', {
      hasText: name,
    })
    .click();
  await form.locator('.ant-select-content-has-value', { hasText: name }).waitFor();
}
