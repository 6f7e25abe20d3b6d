/*
 * What a printed page shows, before any HTML: pure data made from a form's schema (blank forms),
 * from the site's view model of a record (filled forms, the archive-bag cover), and rendered by
 * render-html.ts the same way for `swa print` and for the site's print views.
 */

/** One labelled line of a form. A null value is empty writing space. */
export interface PrintField {
  label: string;
  value: string | null;
  /** Blank forms: the options to tick (□ 本人 □ 监护人). */
  choices?: string[];
  /** Blank forms: how many lines of writing space. */
  lines?: number;
  /** Blank forms: a date, written as 年 月 日. */
  date?: boolean;
}

/** A form with one row per entry; blank forms add empty rows to write in. */
export interface PrintTable {
  columns: string[];
  rows: string[][];
  blankRows: number;
}

export interface PrintBlock {
  heading: string | null;
  fields: PrintField[];
  table: PrintTable | null;
  /** A line under the block, e.g. where the names are kept. */
  note?: string;
}

/** One form (or the cover): it starts on a page of its own and runs over as many as it needs. */
export interface PrintPage {
  title: string;
  /** The record's facts in the form's head: 档案编号, 记录编号, 标题, 负责社工… */
  facts: PrintField[];
  /** Paragraphs the signer agrees to (接受个案服务同意书). */
  statement: string[];
  blocks: PrintBlock[];
  /** Who signs, each with a signature and a date line. */
  signatures: string[];
  cover?: boolean;
}

export interface PrintDocument {
  organisation: string;
  /** Printed on every page's head; null on a blank form, which has a line for it. */
  archiveNo: string | null;
  /** Holds a client's personal data (an internal print): every page says so. */
  internal: boolean;
  title: string;
  pages: PrintPage[];
}
