// A synthetic official document with every block kind, a 版头, attachments, a signature
// and a 版记: the fixture of the renderers' tests, and of anyone's who needs a full one.

import type { DocumentBlock, OfficialDocument } from '../domain/document/official-document.ts';

export const TEST_DOCUMENT: OfficialDocument = {
  kind: 'decision',
  title: '锡林郭勒盟应急管理局关于张某某行政执法行为容错免责认定的决定书',
  head: { organMark: '锡林郭勒盟应急管理局文件', number: '锡盟应急容决〔2026〕3号' },
  numberLine: null,
  addressee: '锡林郭勒盟应急管理局执法监察支队',
  body: [
    {
      kind: 'paragraph',
      text: '根据《锡林郭勒盟应急管理系统行政执法尽职免责和容错纠错办法（试行）》第十二条第（三）项的规定，经调查核实和集体研究，现将认定结论决定如下。',
    },
    { kind: 'heading', level: 1, text: '一、基本情况' },
    {
      kind: 'paragraph',
      text: [{ text: '申请人：', bold: true }, { text: '张某某，执法监察支队一级主任科员。' }],
    },
    { kind: 'heading', level: 2, text: '（一）认定的事实' },
    {
      kind: 'paragraph',
      text: '2026年1月15日，申请人在检查中依法作出责令限期整改的决定 <并> 报告了 "负责人" & 分管领导。',
    },
    { kind: 'heading', level: 3, text: '1. 六个因素的综合分析' },
    {
      kind: 'table',
      header: ['因素', '情形', '结论'],
      rows: [
        ['动机目的', '出于公心，为推动工作', '符合'],
        ['决策程序', '经集体研究', '符合'],
      ],
      widths: [2, 5, 2],
    },
    { kind: 'heading', level: 4, text: '（1）调查人员' },
    {
      kind: 'form',
      rows: [
        { label: '姓名', value: '张某某', label2: '职务', value2: '一级主任科员' },
        { label: '申请事项', value: '对2026年1月15日的执法行为申请容错免责认定。' },
      ],
    },
    { kind: 'paragraph', text: '特此决定。', indent: true },
    { kind: 'paragraph', text: '锡林郭勒盟应急管理局（盖章）', align: 'right', indent: false },
    { kind: 'paragraph', text: '以下为告知内容', align: 'centre', indent: false },
    { kind: 'signature-line', labels: ['受送达人签名', '日期'] },
    { kind: 'page-break' },
    {
      kind: 'paragraph',
      text: '如对本决定不服，可以自收到本决定之日起十五个工作日内向作出决定的党委（党组）申请复核。',
    },
  ],
  attachments: ['综合分析研判表', '集体研究决定记录'],
  signature: { organ: '锡林郭勒盟应急管理局', date: '2026-03-01' },
  record: {
    copyTo: ['锡林郭勒盟纪委监委驻盟应急管理局纪检监察组', '盟司法局'],
    printedBy: '锡林郭勒盟应急管理局办公室',
    printedOn: '2026-03-02',
  },
  asOf: '2026-03-01',
};

/** Every text of a document, to check that a rendering leaves none out. */
export function documentTexts(doc: OfficialDocument): string[] {
  const texts = [doc.title];
  if (doc.head) texts.push(doc.head.organMark, ...(doc.head.number ? [doc.head.number] : []));
  if (doc.numberLine) texts.push(doc.numberLine);
  if (doc.addressee) texts.push(doc.addressee);
  for (const block of doc.body) texts.push(...blockTexts(block));
  texts.push(...doc.attachments);
  if (doc.signature) texts.push(doc.signature.organ);
  if (doc.record) texts.push(...doc.record.copyTo, doc.record.printedBy);
  return texts;
}

function blockTexts(block: DocumentBlock): string[] {
  switch (block.kind) {
    case 'heading':
      return [block.text];
    case 'paragraph':
      return typeof block.text === 'string' ? [block.text] : block.text.map((r) => r.text);
    case 'table':
      return [...(block.header ?? []), ...block.rows.flat()];
    case 'form':
      return block.rows.flatMap((r) =>
        'label2' in r ? [r.label, r.value, r.label2, r.value2] : [r.label, r.value],
      );
    case 'signature-line':
      return [...block.labels];
    case 'page-break':
      return [];
  }
}
