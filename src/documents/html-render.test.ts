import { describe, expect, it } from 'vitest';

import { escapeHtml, renderHtml } from './html-render.ts';
import { documentTexts, TEST_DOCUMENT } from './test-document.ts';

const html = renderHtml(TEST_DOCUMENT);
const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;

/** The declarations of the first rule whose selector is `selector`. */
function rule(selector: string): string {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = new RegExp(`(?:^|\\n|\\s)${escaped} \\{([^}]*)\\}`).exec(style);
  if (!found) throw new Error(`no CSS rule for ${selector}`);
  return found[1]!;
}

describe('renderHtml', () => {
  it('is one self-contained zh-CN page: no script, no external resource', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=|href=/i);
  });

  it('prints on A4 with the GB/T 9704 margins, the hint hidden in print', () => {
    expect(style).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
    expect(style).toMatch(/@media print \{[^]*\.no-print \{ display: none; \}/);
    expect(html).toContain('<p class="no-print">打印时请选择 A4 纸、无页眉页脚');
    expect(rule('.page')).toContain('width: 156mm');
  });

  it('names the fonts and sizes of each part, with fallbacks', () => {
    expect(rule('body')).toMatch(
      /font-family: "仿宋_GB2312", "仿宋", "FangSong",.*"WenQuanYi Micro Hei", serif/,
    );
    expect(rule('body')).toContain('font-size: 16pt');
    expect(rule('body')).toContain('line-height: 28.95pt'); // 579 twips, 22 lines in 225 mm
    expect(rule('.title')).toContain('font-family: "方正小标宋简体"');
    expect(rule('.title')).toContain('font-size: 22pt');
    expect(rule('.heading-1')).toContain('"黑体"');
    expect(rule('.heading-2')).toContain('"楷体_GB2312"');
    expect(rule('.heading-3')).toMatch(/"仿宋_GB2312".*font-weight: bold/);
    expect(rule('.heading-4')).toContain('"仿宋_GB2312"');
    expect(rule('.organ-mark')).toContain('color: #FF0000');
    expect(rule('.red-line')).toContain('solid #FF0000');
    expect(rule('.record')).toContain('font-size: 14pt');
    expect(style).toMatch(/@bottom-right \{ content: "— " counter\(page\) " —"/);
    expect(style).toMatch(/@bottom-left \{ content: "— " counter\(page\) " —"/);
  });

  it('shows every text of the document, escaped', () => {
    for (const text of documentTexts(TEST_DOCUMENT)) expect(html).toContain(escapeHtml(text));
    expect(html).toContain('&lt;并&gt; 报告了 &quot;负责人&quot; &amp; 分管领导');
    expect(html).not.toContain('<并>');
    expect(html).toContain('<b>申请人：</b>');
  });

  it('places the head, title, blocks, signature and record in order', () => {
    const page = html.slice(html.indexOf('<body>'));
    const order = [
      'class="organ-mark"',
      '锡盟应急容决〔2026〕3号',
      'class="red-line"',
      'class="title"',
      '锡林郭勒盟应急管理局执法监察支队：',
      'heading-1',
      '<table class="grid">',
      '<table class="grid form">',
      'class="page-break"',
      '附件：1.综合分析研判表',
      '2026年3月1日',
      '抄送：锡林郭勒盟纪委监委驻盟应急管理局纪检监察组，盟司法局。',
      '2026年3月2日印发',
    ].map((s) => page.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('<td colspan="3">对2026年1月15日的执法行为申请容错免责认定。</td>');
    expect(html).toContain('受送达人签名：<span class="blank"></span>');
  });

  it('omits the head when the document has none', () => {
    const plain = renderHtml({ ...TEST_DOCUMENT, head: null, numberLine: '编号：2026-3' });
    expect(plain).not.toContain('class="organ-mark"');
    expect(plain).not.toContain('<hr');
    expect(plain).toContain('<p class="number-line">编号：2026-3</p>');
  });

  it('escapes all five markup characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
