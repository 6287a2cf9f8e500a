// The case the tests of the case papers speak of: the test policy compiled, an organ of the
// emergency system, an officer in one of its sections, and the engine's determination on
// 第二条第（二）项 (不予追究), so that each builder's test reads the same case.

import { determineCase } from '../../case/case-determination.ts';
import type { CaseDetermination } from '../../case/case-view.ts';
import { compilePolicy, type CompiledPolicy } from '../../policy/compile-policy.ts';
import { emptyFactVector } from '../../policy/evaluate.ts';
import { testPolicy } from '../../policy/test-policy.ts';
import type { DocumentBlock, OfficialDocument } from '../official-document.ts';
import {
  casePolicyOf,
  decidingBodyName,
  type CaseBasics,
  type CaseOrgan,
  type CasePolicy,
} from './case-document-parts.ts';

export function compiledTestPolicy(): CompiledPolicy {
  const result = compilePolicy(testPolicy());
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.policy;
}

export const POLICY: CompiledPolicy = compiledTestPolicy();
export const CASE_POLICY: CasePolicy = casePolicyOf(POLICY);

export const ORGAN: CaseOrgan = {
  name: '锡林郭勒盟应急管理局',
  decidingBody: decidingBodyName('本级应急管理部门党委', '锡林郭勒盟应急管理局'),
};

export const CASE: CaseBasics = {
  id: 'case-1',
  unitId: 'unit-1',
  number: '锡盟应急容〔2026〕5号',
  title: '依据检测报告作出行政处罚后检测机构撤回报告',
  conduct: '本人依据第三方检测机构出具的检测报告对某企业作出罚款决定。',
  conductDate: '2025-08-12',
  conductEndDate: null,
  enforcementAction: 'penalty',
  origin: 'application',
  officer: { name: '王强', badge: '15250123001', unitName: '综合行政执法大队' },
};

/** 第二条第（二）项 holds, nothing else does: the outcome is no_liability. */
export function noLiability(): CaseDetermination {
  const values = emptyFactVector(POLICY);
  POLICY.readFacts(
    {
      'a1.c1': false,
      'a1.c2': false,
      'a1.c3': false,
      'a2.1': false,
      'a2.1.x': false,
      'a2.2': true,
      'a3.1': false,
      'a3.c1': false,
      'a3.c2': false,
      'a4.c1': false,
      'a4.c2': false,
    },
    values,
  );
  return determineCase(POLICY, values, '2026-02-20');
}

/** Every text a document shows, in order, for the tests to search. */
export function textOf(doc: OfficialDocument): string {
  const parts: string[] = [doc.title, doc.head?.organMark ?? '', doc.head?.number ?? ''];
  parts.push(doc.numberLine ?? '', doc.addressee ?? '');
  for (const b of doc.body) parts.push(blockText(b));
  return parts.join('\n');
}

function blockText(b: DocumentBlock): string {
  switch (b.kind) {
    case 'heading':
      return b.text;
    case 'paragraph':
      return typeof b.text === 'string' ? b.text : b.text.map((r) => r.text).join('');
    case 'table':
      return [...(b.header ?? []), ...b.rows.flat()].join('\n');
    case 'form':
      return b.rows
        .map((r) =>
          'label2' in r
            ? `${r.label}：${r.value}\n${r.label2}：${r.value2}`
            : `${r.label}：${r.value}`,
        )
        .join('\n');
    case 'signature-line':
      return b.labels.join('\n');
    case 'page-break':
      return '\f';
  }
}
