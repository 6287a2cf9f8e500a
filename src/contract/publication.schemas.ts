// Publications (公示, 第十四条 一定范围内公开): the published texts a reader may read, the
// signed-in list and page, and the public ones anyone reads without signing in; and the
// draft a secretary is shown before publishing.

import { DateOnly, DateTime, Int, StringEnum, Type, UnitRef, type Static } from './schema-kit.ts';
import { PUBLICATION_CIRCLES } from '../domain/case/publication-audience.ts';

/** A mask in a redacted text: what kind of personal information, where, and how it reads. */
export const PublicationRedaction = Type.Object({
  kind: Type.String(),
  /** 姓名, 身份证号, 电话号码, 地址, 银行卡号, 车牌号, 电子邮箱, 执法证号. */
  kindLabel: Type.String(),
  start: Type.Integer(),
  end: Type.Integer(),
  masked: Type.String(),
});
export type PublicationRedaction = Static<typeof PublicationRedaction>;

/** The draft of a publication, composed by the server from the case and redacted. */
export const PublicationDraft = Type.Object({
  text: Type.String(),
  redactions: Type.Array(PublicationRedaction),
});
export type PublicationDraft = Static<typeof PublicationDraft>;

export const Publication = Type.Object(
  {
    id: Type.String(),
    /** The first line of the text: its heading. */
    heading: Type.String(),
    text: Type.String(),
    caseNumber: Type.String(),
    /** The organ of the case's unit (本单位), whose publication it is. */
    unit: UnitRef,
    /** The scope as the policy words it (本单位, 本系统, 社会公开). */
    scope: Type.String(),
    circle: StringEnum(PUBLICATION_CIRCLES),
    publishedOn: DateOnly,
    publishedAt: DateTime,
    /** The last day of the 公示期; null for publications made before periods were kept. */
    periodEnd: Type.Union([DateOnly, Type.Null()]),
    /** 公示期：2026年3月2日至2026年3月9日（5 个工作日）. */
    periodText: Type.String(),
    /** Whether the 公示期 has ended, today in China. */
    ended: Type.Boolean(),
  },
  { description: '公示 / a published text' },
);
export type Publication = Static<typeof Publication>;

export const PublicationList = Type.Object(
  { total: Type.Integer(), items: Type.Array(Publication) },
  { description: '公示列表 / a page of publications, newest first' },
);
export type PublicationList = Static<typeof PublicationList>;

export const PublicationListQuery = Type.Object(
  {
    limit: Type.Optional(Int({ minimum: 1, maximum: 100 })),
    offset: Type.Optional(Int()),
  },
  { additionalProperties: false },
);
export type PublicationListQuery = Static<typeof PublicationListQuery>;
