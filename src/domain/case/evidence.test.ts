import { describe, expect, it } from 'vitest';
import { evidenceName } from './evidence.ts';

describe('the name an evidence file is kept under', () => {
  it.each([
    ['检测报告.pdf', 'application/pdf', '检测报告.pdf'],
    ['SCAN.JPEG', 'image/jpeg', 'SCAN.JPEG'],
    ['  笔录.txt  ', 'text/plain; charset=utf-8', '笔录.txt'],
    ['note.html', 'text/plain', 'note.html.txt'],
    ['drawing.svg', 'application/pdf', 'drawing.svg.pdf'],
    ['截图.jpg', 'image/png', '截图.jpg.png'],
    ['扫描件', 'application/ofd', '扫描件.ofd'],
  ])('%s as %s is kept as %s', (given, type, kept) => {
    expect(evidenceName(given, type)).toEqual({ ok: true, name: kept });
  });

  it.each([
    ' ',
    '',
    '.',
    '..',
    'a/b.pdf',
    'a\\b.pdf',
    'a\u0000.pdf',
    'tab\t.pdf',
    'x\u202Efdp.exe',
  ])('refuses %j', (given) => {
    expect(evidenceName(given, 'application/pdf')).toEqual({ ok: false });
  });

  it('refuses a type that is not evidence', () => {
    expect(evidenceName('a.html', 'text/html')).toEqual({ ok: false });
    expect(evidenceName('a', '__proto__')).toEqual({ ok: false });
  });
});
