// The policy API's shapes (GET /api/v1/policies, /api/v1/policies/:id, .../diff/...).

export interface PolicySummary {
  id: string;
  version: number;
  title: string;
  effectiveFrom: string | null;
  grounds: string[];
}

export interface PolicyItem {
  n: number;
  text: string;
  fact?: string;
  exception?: { fact: string; quote: string };
}

export interface PolicyParagraph {
  text: string;
  items?: PolicyItem[];
  facts?: { fact: string; quote: string }[];
}

export interface PolicyRule {
  ground: string;
  label: string;
  summary: string;
  rule: string;
}

export interface PolicyArticle {
  number: number;
  topic: string;
  paragraphs: PolicyParagraph[];
  rules: PolicyRule[];
}

export interface TimeLimit {
  days: number;
  counting: 'calendar' | 'working';
  article: number;
  note?: string;
}

export interface PolicyDetail {
  id: string;
  version: number;
  title: string;
  source: { issuer: string; documentNumber?: string; publishedOn?: string; validity?: string };
  effectiveFrom: string | null;
  effectiveNote: string;
  procedure: {
    decidingBody: { name: string; article: number };
    notification: TimeLimit & { recipients: string[] };
    objection: TimeLimit;
    publication: { scopes: string[]; defaultScope: string; article: number };
  };
  chapters: { title: string; articles: PolicyArticle[] }[];
  facts: PolicyFact[];
}

export interface PolicyFact {
  id: string;
  kind: 'item' | 'condition' | 'exception';
  article: number;
  number: number;
  citation: string;
  text: string;
}

export type DiffStatus = 'same' | 'changed' | 'left_only' | 'right_only';

export interface ItemSide {
  n: number;
  fact?: string;
  text: string;
}

export interface PolicyDiff {
  left: { id: string; version: number; title: string };
  right: { id: string; version: number; title: string };
  articles: {
    status: DiffStatus;
    left?: { number: number; citation: string; topic: string };
    right?: { number: number; citation: string; topic: string };
    similarity: number;
    changes?: { op: 'same' | 'removed' | 'added'; text: string }[];
    items?: { status: DiffStatus; left?: ItemSide; right?: ItemSide }[];
  }[];
  rules: {
    ground: string;
    label: string;
    status: DiffStatus;
    renumbered: boolean;
    left?: { article: number; citation: string; text: string };
    right?: { article: number; citation: string; text: string };
  }[];
}
