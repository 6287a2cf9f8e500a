// The content model of an official document (公文): what a document says and in which
// part of a GB/T 9704-2012 page it goes, and nothing of how a page is drawn. Each kind's
// builder (./kinds/) makes one from the case's own data; src/documents/ renders it as a
// DOCX and as printable HTML, so the two cannot say different things.

import type { CalendarDate } from '../calendar-date.ts';
import type { DocumentKind } from './document-kinds.ts';

/** A run of text; `bold` for the labels of a form, as offices print them. */
export interface TextRun {
  readonly text: string;
  readonly bold?: boolean;
}

/** Plain text, or runs of it. */
export type RichText = string | readonly TextRun[];

/**
 * A part of the body, as a tree of kind-tagged nodes (one renderer per output reads them):
 * - heading: levels 1 to 4 of GB/T 9704 (一、 黑体; （一） 楷体; 1. 仿宋 bold; （1） 仿宋);
 * - paragraph: body text, first line indented two characters unless `indent` is false;
 * - table: a grid with an optional header row (the 综合分析研判表, the items of a notice);
 * - form: label–value rows of a 表 (申请表, 送达回证, 审批表), the value may span lines;
 * - signature-line: a blank to be signed by hand (签名：______ 日期：______);
 * - page-break: the next part begins a new page (a notice to each recipient).
 */
export type DocumentBlock =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3 | 4; readonly text: string }
  | {
      readonly kind: 'paragraph';
      readonly text: RichText;
      /** false: no first-line indent (a salutation, 主送机关). Default true. */
      readonly indent?: boolean;
      /** right: a line placed at the right (落款 within a form); centre: a centred line. */
      readonly align?: 'left' | 'right' | 'centre';
    }
  | {
      readonly kind: 'table';
      readonly header?: readonly string[];
      readonly rows: readonly (readonly string[])[];
      /** Relative widths of the columns; equal when absent. */
      readonly widths?: readonly number[];
    }
  | {
      readonly kind: 'form';
      readonly rows: readonly FormRow[];
    }
  | { readonly kind: 'signature-line'; readonly labels: readonly string[] }
  | { readonly kind: 'page-break' };

/** One row of a form: a label and its value, or two label–value pairs side by side. */
export type FormRow =
  | { readonly label: string; readonly value: string }
  | {
      readonly label: string;
      readonly value: string;
      readonly label2: string;
      readonly value2: string;
    };

/** 版头: the issuing organ's mark in red over the red separator line, and the 发文字号. */
export interface DocumentHead {
  /** 发文机关标志, e.g. 锡林郭勒盟应急管理局文件 or the organ's name alone for a 函. */
  readonly organMark: string;
  /** 发文字号, e.g. 锡盟应急容决〔2026〕3号; null for a kind without one. */
  readonly number: string | null;
}

/** 发文机关署名 and 成文日期, placed as GB/T 9704 places them (7.3.5). */
export interface DocumentSignature {
  readonly organ: string;
  readonly date: CalendarDate;
}

/** 版记: 抄送机关 and 印发机关 with the 印发日期, at the end of the last page. */
export interface DocumentRecord {
  readonly copyTo: readonly string[];
  readonly printedBy: string;
  readonly printedOn: CalendarDate;
}

export interface OfficialDocument {
  readonly kind: DocumentKind;
  /** 标题, e.g. 容错免责认定决定书. */
  readonly title: string;
  /** 版头 in red; null for a form or record without one (申请表, 送达回证, 记录). */
  readonly head: DocumentHead | null;
  /**
   * 发文字号 or 编号 shown under the title when there is no 版头 (a form's number), or
   * null. A kind with a 版头 carries its number there instead.
   */
  readonly numberLine: string | null;
  /** 主送机关 or the person addressed (the renderers put the full-width colon after it); null for none. */
  readonly addressee: string | null;
  readonly body: readonly DocumentBlock[];
  /** 附件说明: the attachments' names, numbered when more than one. */
  readonly attachments: readonly string[];
  readonly signature: DocumentSignature | null;
  readonly record: DocumentRecord | null;
  /**
   * The day the document speaks of (its 成文日期, or the last record it shows): written
   * into the file's properties and zip entries so that generating it again from the same
   * data gives the same bytes.
   */
  readonly asOf: CalendarDate;
}
