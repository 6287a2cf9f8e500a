// Whether a page is readable at a width: the labels and table cells squeezed narrower
// than two characters of their font, or wrapped into a line for every character or so.
// Used by the layout browser test and by the screenshots script, which reports them.
import type { Page } from 'playwright-core';

/**
 * Every label and table cell within `scope` that is narrower than two characters of its
 * own font, or whose text wraps into more lines than one for every two characters: the
 * header that broke 案号 one character a line at 1366 px, the list's title column at 768.
 */
export async function squeezed(page: Page, scope = 'body'): Promise<string[]> {
  await stillness(page);
  return page.evaluate(`(${SQUEEZED})(${JSON.stringify(scope)})`);
}

/** No finite animation running: none counts the menu sliding in or a dialog zooming in. */
const STILL = `document.getAnimations().every(
  (a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity,
)`;

/**
 * Waits, a frame at a time, until the page stands still (the pages' CSP allows no eval,
 * which waitForFunction needs); an animation that never ends holds it back 120 frames.
 */
export async function stillness(page: Page): Promise<void> {
  for (let frame = 0; frame < 120; frame++) {
    if (await page.evaluate(STILL)) return;
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(resolve))');
  }
}

/** In the page (as text: the test's TypeScript knows no DOM): the cells `squeezed` finds. */
const SQUEEZED = String.raw`(scope) => {
  const found = [];
  const cells = document.querySelectorAll(
    scope + ' :is(.ant-descriptions-item-label, .ant-descriptions-item-content, .ant-form-item-label > label, th.ant-table-cell, td.ant-table-cell)',
  );
  for (const el of cells) {
    const text = el.innerText.trim();
    const chars = [...text.replace(/\s+/g, '')].length;
    // Layout sizes, not the painted ones: a dialog still zooming in is scaled.
    const rect = { width: el.offsetWidth, height: el.offsetHeight };
    // Hidden, or the table's measuring row: read by no one.
    if (chars < 2 || rect.width === 0 || rect.height === 0) continue;
    if (el.closest('.ant-table-measure-row, [aria-hidden="true"]')) continue;
    const style = getComputedStyle(el);
    const font = parseFloat(style.fontSize);
    const inner = rect.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const range = document.createRange();
    range.selectNodeContents(el);
    // Lines: the text's boxes grouped by height, a box below the last line's bottom starting a new one.
    const boxes = [...range.getClientRects()]
      .filter((r) => r.width > 0 && r.height > 0)
      .sort((a, b) => a.top - b.top);
    let lines = 0;
    let bottom = -Infinity;
    for (const r of boxes) {
      if (r.top >= bottom - 1) lines++;
      bottom = Math.max(bottom, r.bottom);
    }
    if (inner < 2 * font || lines > Math.ceil(chars / 2)) {
      const where = el.className.split(' ')[0] + ' ' + el.innerHTML.slice(0, 200);
      found.push('「' + text.slice(0, 16) + '」宽 ' + Math.round(inner) + 'px，字号 ' + font + 'px，' + lines + ' 行：' + where);
    }
  }
  // And the page itself, or the dialog open on it: wider than the window, it must be
  // scrolled sideways to be read. (An open dialog locks the page's scrolling, which
  // changes its width: the dialog is what is read then.)
  const dialogs = [...document.querySelectorAll('[role="dialog"]')];
  for (const d of dialogs) {
    const r = d.getBoundingClientRect();
    if (r.left < 0 || r.right > window.innerWidth) {
      found.push('对话框宽 ' + Math.round(r.width) + 'px，超出窗口 ' + window.innerWidth + 'px');
    }
  }
  const page = document.documentElement;
  if (dialogs.length === 0 && page.scrollWidth > page.clientWidth) {
    found.push('页面宽 ' + page.scrollWidth + 'px，超出窗口 ' + page.clientWidth + 'px');
  }
  return found;
}`;
