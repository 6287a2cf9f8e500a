// Publication within a scope (一定范围内公开, 第十四条): what the published text shows of
// a case. The officer's name is redacted to its surname; the rest is the case's own.

/** 王强 → 王*: the officer's name as a publication shows it. */
export function redactName(name: string): string {
  const first = [...name.trim()][0];
  return first ? `${first}*` : '';
}

export interface PublicationPreview {
  readonly number: string;
  readonly title: string;
  /** Redacted. */
  readonly officer: string;
  readonly conduct: string;
  /** The label of the committee's conclusion. */
  readonly conclusion: string | null;
}

/** The text a publication would show, before a scope is chosen. */
export function publicationPreview(input: {
  readonly number: string;
  readonly title: string;
  readonly officerName: string | null;
  readonly conduct: string;
  readonly conclusion: string | null;
}): PublicationPreview {
  return {
    number: input.number,
    title: input.title,
    officer: redactName(input.officerName ?? '') || '（姓名隐去）',
    conduct: input.conduct,
    conclusion: input.conclusion,
  };
}
