// How the interview asks a fact: a label that says which part of its article the fact
// is (第四条条件（一）, not 第四条 three times; 第十条第（一）项但书, not the item again) and
// the question in the article's own words. The contract's `citation` stays as it is
// (docs/spec/determination.md); the label and the question are added beside it.

import { chineseNumeral } from './citation.ts';
import type { CompiledPolicy, FactInfo } from './compile-policy.ts';

export interface FactQuestion {
  /** Which part of its article the fact is: 第九条第（二）项, 第四条条件（一）, 第十条第（一）项但书. */
  readonly label: string;
  /** The question as the interview asks it, quoting the article. */
  readonly question: string;
}

/** Where a fact stands in its article: the paragraph (款) and how many conditions it has. */
interface Place {
  readonly paragraph: number;
  readonly paragraphs: number;
  /** Whether the fact is a numbered item of the paragraph (a condition may be one, as in 第十一条第二款). */
  readonly enumerated: boolean;
  /** The conditions of that paragraph, in order. */
  readonly conditions: readonly string[];
}

function placeOf(policy: CompiledPolicy, fact: FactInfo): Place | null {
  for (const chapter of policy.def.chapters) {
    for (const article of chapter.articles) {
      if (article.number !== fact.article) continue;
      const paragraphs = article.paragraphs.length;
      for (const [p, paragraph] of article.paragraphs.entries()) {
        const items = paragraph.items ?? [];
        const implied = paragraph.facts ?? [];
        const conditions = [
          ...items.map((i) => i.fact).filter((id) => id !== undefined && /\.c\d+$/.test(id)),
          ...implied.map((f) => f.fact),
        ] as string[];
        const enumerated = items.some((i) => i.fact === fact.id || i.exception?.fact === fact.id);
        if (enumerated || implied.some((f) => f.fact === fact.id)) {
          return { paragraph: p + 1, paragraphs, enumerated, conditions };
        }
      }
    }
  }
  return null;
}

/** The words of a fact without the punctuation that ends it in the list (的；). */
function bare(text: string): string {
  return text.replace(/[；;。，,：:]+$/u, '');
}

/** An item's words without its 但书 (asked on its own): "……的，但故意违法的除外；" → "……的". */
function withoutProviso(text: string, proviso: string | undefined): string {
  const t = bare(text);
  if (proviso === undefined) return t;
  const at = t.lastIndexOf(`但${proviso}`);
  return at > 0 ? t.slice(0, at).replace(/[，,；;\s]+$/u, '') : t;
}

/** The label and the question of one fact of the policy. */
export function factQuestion(policy: CompiledPolicy, fact: FactInfo): FactQuestion {
  const article = `第${chineseNumeral(fact.article)}条`;
  switch (fact.kind) {
    case 'item': {
      const proviso = policy.facts.find((f) => f.exceptionOf === fact.index);
      const words = withoutProviso(fact.text, proviso?.text);
      return {
        label: fact.citation,
        question: proviso
          ? `是否存在${fact.citation}所列情形：“${words}”？（其但书“${bare(proviso.text)}”另行询问）`
          : `是否存在${fact.citation}所列情形：“${words}”？`,
      };
    }
    case 'exception': {
      const item = fact.exceptionOf === undefined ? undefined : policy.facts[fact.exceptionOf];
      const of = item?.citation ?? fact.citation;
      return {
        label: `${of}但书`,
        question: `但书：是否存在“${bare(fact.text)}”的情形？（存在时，${of}不予适用）`,
      };
    }
    case 'condition': {
      const place = placeOf(policy, fact);
      const paragraph =
        place && place.paragraphs > 1 ? `第${chineseNumeral(place.paragraph)}款` : '';
      const position = place ? place.conditions.indexOf(fact.id) + 1 : 0;
      const count = place?.conditions.length ?? 0;
      const n = position > 0 ? position : fact.number;
      const label = place?.enumerated
        ? `${article}${paragraph}第（${chineseNumeral(n)}）项`
        : `${article}${paragraph}条件（${chineseNumeral(n)}）`;
      const of = count > 1 ? `（共${chineseNumeral(count)}项条件）` : '';
      return {
        label,
        question: `是否具备${label}${place?.enumerated ? '所列条件' : ''}${of}：“${bare(fact.text)}”？`,
      };
    }
  }
}

/** The label and question of every fact, in policy order. */
export function factQuestions(policy: CompiledPolicy): readonly FactQuestion[] {
  return policy.facts.map((f) => factQuestion(policy, f));
}
