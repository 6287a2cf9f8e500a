// The policy API's shapes as the policy browser reads them (GET /api/v1/policies...),
// and the small pieces of text both tabs show.

import { Tag } from 'antd';

export interface PolicySummary {
  id: string;
  version: number;
  title: string;
  effectiveFrom: string | null;
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

interface TimeLimit {
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
  };
  chapters: { title: string; articles: PolicyArticle[] }[];
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

const STATUS: Record<DiffStatus, { label: string; color: string }> = {
  same: { label: '相同', color: 'green' },
  changed: { label: '有变化', color: 'orange' },
  left_only: { label: '仅左侧有', color: 'blue' },
  right_only: { label: '仅右侧有', color: 'purple' },
};

export function PolicyStatusTag({ status }: { status: DiffStatus }) {
  const s = STATUS[status];
  return <Tag color={s.color}>{s.label}</Tag>;
}

export function limitText(limit: TimeLimit): string {
  return `${limit.days} 个${limit.counting === 'working' ? '工作日' : '自然日'}`;
}
