// Plain-text renderings of a policy and of a policy diff, for the terminal.

import { articleCitation, chineseNumeral } from '../domain/policy/citation.ts';
import type { CompiledPolicy } from '../domain/policy/compile-policy.ts';
import { describeRule, type PolicyDiff } from '../domain/policy/policy-diff.ts';
import { GROUND_LABELS } from '../domain/policy/policy-model.ts';

const COUNTING = { calendar: '自然日', working: '工作日' } as const;

export function renderPolicyText(policy: CompiledPolicy, only?: number): string {
  const d = policy.def;
  const out: string[] = [];
  if (only === undefined) {
    out.push(`${d.title}（${d.id} 版本 ${d.version}）`);
    out.push(
      `发文机构：${d.source.issuer}${d.source.indexNumber ? `  索引号：${d.source.indexNumber}` : ''}${d.source.writtenOn ? `  成文日期：${d.source.writtenOn}` : ''}${d.source.validity ? `  有效性：${d.source.validity}` : ''}`,
    );
    out.push(`施行日期：${d.effectiveFrom ?? '未知'}。${d.effectiveNote}`);
    const p = d.procedure;
    out.push(
      `程序：${p.decidingBody.name}研究决定（${articleCitation(p.decidingBody.article)}）；` +
        `决定后 ${p.notification.days} 日内（${COUNTING[p.notification.counting]}）告知${p.notification.recipients.join('及')}；` +
        `公开范围 ${p.publication.scopes.join('/')}（默认 ${p.publication.defaultScope}）`,
    );
    out.push('');
  }
  for (const chapter of d.chapters) {
    const articles = chapter.articles.filter((a) => only === undefined || a.number === only);
    if (articles.length === 0) continue;
    out.push(chapter.title);
    for (const a of articles) {
      a.paragraphs.forEach((p, i) => {
        out.push(i === 0 ? `${articleCitation(a.number)}【${a.topic}】${p.text}` : `  ${p.text}`);
        for (const f of p.facts ?? []) out.push(`      ⟶ 事实 ${f.fact}：「${f.quote}」`);
        for (const item of p.items ?? []) {
          out.push(`  （${chineseNumeral(item.n)}）${item.text}`);
          if (item.fact) out.push(`      ⟶ 事实 ${item.fact}`);
          if (item.exception)
            out.push(`      ⟶ 但书 ${item.exception.fact}：「${item.exception.quote}」`);
        }
      });
      for (const g of policy.grounds.filter((x) => x.article === a.number)) {
        out.push(`  ▶ 规则 ${g.code}（${GROUND_LABELS[g.code]}）：${g.summary}`);
        out.push(`      ${describeRule(policy, g.rule)}`);
      }
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

const STATUS = {
  same: '相同',
  changed: '有变化',
  left_only: '仅左侧有',
  right_only: '仅右侧有',
} as const;

export function renderPolicyDiff(diff: PolicyDiff): string {
  const out: string[] = [];
  out.push(`左：${diff.left.title}（${diff.left.id} 版本 ${diff.left.version}）`);
  out.push(`右：${diff.right.title}（${diff.right.id} 版本 ${diff.right.version}）`);
  out.push('', '== 逐条对比 ==');
  for (const a of diff.articles) {
    const l = a.left ? `${a.left.citation}【${a.left.topic}】` : '—';
    const r = a.right ? `${a.right.citation}【${a.right.topic}】` : '—';
    out.push(
      `${STATUS[a.status]}  ${l}  ↔  ${r}${a.status === 'changed' ? `  相似度 ${a.similarity}` : ''}`,
    );
    for (const item of a.items ?? []) {
      if (item.status === 'same') continue;
      const li = item.left ? `（${chineseNumeral(item.left.n)}）${item.left.text}` : '—';
      const ri = item.right ? `（${chineseNumeral(item.right.n)}）${item.right.text}` : '—';
      out.push(`      项 ${STATUS[item.status]}：${li}  ↔  ${ri}`);
    }
  }
  out.push('', '== 逐项规则对比 ==');
  for (const r of diff.rules) {
    const where = `${r.left?.citation ?? '—'} ↔ ${r.right?.citation ?? '—'}`;
    out.push(
      `${STATUS[r.status]}${r.renumbered ? '（条号不同）' : ''}  ${r.ground}（${r.label}）  ${where}`,
    );
    if (r.status !== 'same') {
      if (r.left) out.push(`      左：${r.left.text}`);
      if (r.right) out.push(`      右：${r.right.text}`);
    }
  }
  return `${out.join('\n')}\n`;
}
