// The page of GB/T 9704-2012 (党政机关公文格式) as numbers, shared by the DOCX and the HTML
// renderer so that the two cannot lay a document out differently. Each figure cites its
// clause; derived figures (twips, grid pitches) are computed here once, not typed twice.

/** Twips (1/20 pt) in a millimetre: 1440 twips per inch, 25.4 mm per inch. */
const TWIPS_PER_MM = 1440 / 25.4;

export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** 5.2.1 幅面尺寸: A4, 210 mm × 297 mm. */
export const PAGE_WIDTH_MM = 210;
export const PAGE_HEIGHT_MM = 297;

/** 5.2.2 版面: 天头 (top margin) 37 mm, 订口 (left margin) 28 mm, 版心 156 mm × 225 mm. */
export const MARGIN_TOP_MM = 37;
export const MARGIN_LEFT_MM = 28;
export const TEXT_WIDTH_MM = 156;
export const TEXT_HEIGHT_MM = 225;
export const MARGIN_RIGHT_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - TEXT_WIDTH_MM; // 26
export const MARGIN_BOTTOM_MM = PAGE_HEIGHT_MM - MARGIN_TOP_MM - TEXT_HEIGHT_MM; // 35

/** 5.2.3 字体和字号 / 5.2.4 行数和字数: 一般每面排22行，每行排28个字. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

export const PAGE_WIDTH_TWIPS = mmToTwips(PAGE_WIDTH_MM); // 11906
export const PAGE_HEIGHT_TWIPS = mmToTwips(PAGE_HEIGHT_MM); // 16838
export const MARGIN_TOP_TWIPS = mmToTwips(MARGIN_TOP_MM); // 2098
export const MARGIN_LEFT_TWIPS = mmToTwips(MARGIN_LEFT_MM); // 1587
export const MARGIN_RIGHT_TWIPS = mmToTwips(MARGIN_RIGHT_MM); // 1474
export const MARGIN_BOTTOM_TWIPS = mmToTwips(MARGIN_BOTTOM_MM); // 1984
export const TEXT_WIDTH_TWIPS = Math.floor(TEXT_WIDTH_MM * TWIPS_PER_MM); // 8844

/**
 * Line pitch of the grid: 225 mm / 22 lines, rounded down so that 22 lines never exceed the
 * 版心 (rounding to 580 would make 22 lines 4 twips too tall, and the 22nd line would move).
 */
export const LINE_PITCH_TWIPS = Math.floor((TEXT_HEIGHT_MM * TWIPS_PER_MM) / LINES_PER_PAGE); // 579

/** Character pitch: 156 mm / 28 characters, in twips (about 15.79 pt). */
export const CHAR_PITCH_TWIPS = (TEXT_WIDTH_MM * TWIPS_PER_MM) / CHARS_PER_LINE;

/** 5.2.3 正文 一般用3号仿宋体字: 16 pt, 32 half-points in DOCX. */
export const BODY_SIZE_PT = 16;

/**
 * w:docGrid charSpace: (character pitch − the Normal style's font size) × 4096, in points
 * (ECMA-376 17.6.5). Rounded down, so that 28 characters always fit. Valid only while the
 * document's default run size is BODY_SIZE_PT.
 */
export const GRID_CHAR_SPACE = Math.floor((CHAR_PITCH_TWIPS / 20 - BODY_SIZE_PT) * 4096); // -848

/**
 * The character spacing of 3号 text (w:spacing, twips): 28 characters of 16 pt are 1.3 %
 * wider than the 版心 (156 mm / 28 = 15.79 pt), so each is set 0.25 pt tighter, which makes
 * 28 a line in every renderer (a linesAndChars grid would do it in Word, but LibreOffice
 * gives a character wider than the grid's pitch two cells). Rounded down so that 28 fit.
 */
export const BODY_CHARACTER_SPACING_TWIPS = Math.floor(CHAR_PITCH_TWIPS - BODY_SIZE_PT * 20); // -5

/** One 3号 character of indent on the grid, in twips (indents count characters, 5.2.4). */
export const ONE_CHAR_TWIPS = Math.round(CHAR_PITCH_TWIPS); // 316

// Font sizes, 字号 → points.
/** 7.3.1 标题 一般用2号小标宋体字. */
export const TITLE_SIZE_PT = 22;
/** 7.5 页码 一般用4号半角宋体阿拉伯数字; 7.4.2/7.4.3 抄送、印发 一般用4号仿宋体字. */
export const SMALL_SIZE_PT = 14;
/** 7.2.4 发文字号 and 7.3.3 正文, 3号. */
export const NUMBER_SIZE_PT = BODY_SIZE_PT;

/**
 * 7.2.3 发文机关标志: 推荐使用小标宋体字, 颜色为红色, 以醒目、美观、庄重为原则 (no fixed size).
 * Offices use 初号 or smaller; here the largest of at most 36 pt that keeps the mark on one
 * line of the 版心.
 */
export function organMarkSizePt(mark: string): number {
  const widthPt = (TEXT_WIDTH_MM / 25.4) * 72;
  const chars = Math.max(1, textWidthInChars(mark));
  return Math.max(TITLE_SIZE_PT, Math.min(36, Math.floor(widthPt / chars)));
}

/** 7.2.3, 7.2.6: red (standard red, printed as #FF0000 on office printers). */
export const RED = 'FF0000';

/** 7.2.6 红色分隔线: 在发文字号之下4mm处, 与版心等宽. */
export const SEPARATOR_GAP_MM = 4;
/** The red line's weight: offices use 1 pt (in DOCX eighths of a point: 8). */
export const SEPARATOR_WEIGHT_PT = 1;

/** 7.4.1 版记分隔线: 首条和末条用粗线 (0.35 mm), 中间的用细线 (0.25 mm). */
export const RECORD_THICK_RULE_MM = 0.35;
export const RECORD_THIN_RULE_MM = 0.25;

/** 7.5 页码: 一字线上距版心下边缘7mm; 单页码居右空一字, 双页码居左空一字. */
export const PAGE_NUMBER_GAP_MM = 7;
export const PAGE_NUMBER_DASH = '\u2014'; // — 一字线

/** The page number as printed: "— 1 —". */
export function pageNumberText(n: number | string): string {
  return `${PAGE_NUMBER_DASH} ${n} ${PAGE_NUMBER_DASH}`;
}

/**
 * The footer distance (from the page's bottom edge to the number's line) that puts the line
 * 7 mm under the 版心: a 4号 line is about 5 mm high.
 */
export const FOOTER_DISTANCE_MM = MARGIN_BOTTOM_MM - PAGE_NUMBER_GAP_MM - 5; // 23

/** The fonts of each part: the name offices have installed, then what stands in for it. */
export interface PartFont {
  /** The name written into the DOCX (WPS and Word pick it from the East-Asian font slot). */
  readonly name: string;
  /** Fallbacks in order, for the HTML's CSS font-family and documentation. */
  readonly fallbacks: readonly string[];
  readonly bold: boolean;
}

// WenQuanYi Micro Hei is the CJK font of a bare Linux (and of the CI image), so that the
// document still lays out there; serif/sans-serif close each list.
const SONG_FALLBACKS = ['宋体', 'SimSun', 'Songti SC', 'Noto Serif CJK SC', 'WenQuanYi Micro Hei'];
const FANG_FALLBACKS = ['仿宋', 'FangSong', 'STFangsong', ...SONG_FALLBACKS];

/** 7.3.1 标题: 小标宋 (方正小标宋简体). */
export const TITLE_FONT: PartFont = {
  name: '方正小标宋简体',
  fallbacks: ['方正小标宋_GBK', '华文中宋', 'STZhongsong', ...SONG_FALLBACKS],
  bold: false,
};
/** 7.2.3 发文机关标志: 推荐使用小标宋体字. */
export const ORGAN_MARK_FONT: PartFont = TITLE_FONT;
/** 5.2.3, 7.3.3 正文: 仿宋 (仿宋_GB2312 as offices have it). */
export const BODY_FONT: PartFont = { name: '仿宋_GB2312', fallbacks: FANG_FALLBACKS, bold: false };
/** 7.3.3 结构层次序数: 第一层用黑体字、第二层用楷体字、第三层和第四层用仿宋体字. */
export const HEADING_FONTS: Readonly<Record<1 | 2 | 3 | 4, PartFont>> = {
  1: {
    name: '黑体',
    fallbacks: ['SimHei', 'Heiti SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei'],
    bold: false,
  },
  2: {
    name: '楷体_GB2312',
    fallbacks: ['楷体', 'KaiTi', 'STKaiti', ...FANG_FALLBACKS],
    bold: false,
  },
  // Third level bold, as offices set 1. against the plain （1）.
  3: { name: '仿宋_GB2312', fallbacks: FANG_FALLBACKS, bold: true },
  4: { name: '仿宋_GB2312', fallbacks: FANG_FALLBACKS, bold: false },
};
/** 7.5 页码: 宋体. */
export const PAGE_NUMBER_FONT: PartFont = {
  name: '宋体',
  fallbacks: SONG_FALLBACKS.slice(1),
  bold: false,
};
/** 7.4 版记: 4号仿宋. */
export const RECORD_FONT: PartFont = BODY_FONT;

/** A CSS font-family list for a part. */
export function cssFontFamily(font: PartFont): string {
  const generic = font === HEADING_FONTS[1] ? 'sans-serif' : 'serif';
  return [font.name, ...font.fallbacks].map((f) => `"${f}"`).join(', ') + `, ${generic}`;
}

/**
 * The width of a text in full-width characters: ASCII (digits of dates and numbers, set
 * half-width as 7.3.5 and 7.5 ask) counts half. Used to place the signature and to size the
 * organ mark.
 */
export function textWidthInChars(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return width;
}
