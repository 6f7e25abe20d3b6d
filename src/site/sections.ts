import type { z } from 'zod';
import type { RecordKind } from '../schemas/index.ts';
import { labelAt } from '../schemas/walk.ts';
import { publicSchemas } from './public-schemas.ts';
import type { Namer, Part } from './value-parts.ts';

/** A form with one row per entry (sessions, budget lines, the programme…). */
export interface Table {
  /** The schema's key of each column (a printed form may show only some). */
  keys: string[];
  columns: string[];
  rows: Part[][][];
}

export interface Field {
  label: string;
  value: Part[];
  /** A list of entries inside a form (财政预算表, 程序安排表) shown as a table of its own. */
  table: Table | null;
}

export interface Section {
  key: string;
  label: string;
  /** label → value pairs of a form. */
  fields: Field[];
  table: Table | null;
}

/** Keys shown in the page header rather than as forms. */
const headerKeys = new Set(['id', 'title', 'category', 'post', 'worker', 'auditor', 'receivedBy', 'target', 'quarter', 'participantFee', 'archiveNo', 'profile', 'date', 'channel', 'hotline', 'supervisor', 'supervisees', 'mode', 'hours']);

type Path = (string | number)[];

/** Every form of a record's public data as a section with Chinese labels from its schema. Pure. */
export function sectionsOf(kind: RecordKind, data: Record<string, unknown>, namer: Namer): Section[] {
  const schema = publicSchemas[kind] as unknown as z.ZodTypeAny;
  const shortLabel = (path: Path) => labelAt(schema, path).split(' › ').at(-1) as string;
  const format = (value: unknown, path: Path): Part[] => {
    if (value === undefined || value === null) return [];
    if (typeof value === 'boolean') return [{ text: value ? '是' : '否' }];
    if (Array.isArray(value)) return joined(value.map((v, i) => format(v, [...path, i])), '；');
    if (typeof value === 'object') return joined(Object.entries(value).map(([k, v]) => [{ text: `${shortLabel([...path, k])}：` }, ...format(v, [...path, k])]), '，');
    return [namer(String(value))];
  };
  const tableOf = (rows: unknown[], path: Path): Table => {
    const columns = [...new Set(rows.flatMap((row) => Object.keys(row as object)))];
    return {
      keys: columns,
      columns: columns.map((c) => shortLabel([...path, 0, c])),
      rows: rows.map((row) => columns.map((c) => format((row as Record<string, unknown>)[c], [...path, 0, c]))),
    };
  };
  return Object.entries(data)
    .filter(([key, value]) => !headerKeys.has(key) && !isEmpty(value))
    .map(([key, value]) => {
      const label = labelAt(schema, [key]);
      if (isRows(value)) return { key, label, fields: [], table: tableOf(value, [key]) };
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const fields = Object.entries(value)
          .filter(([, v]) => !isEmpty(v))
          .map(([k, v]) => (isRows(v) ? { label: shortLabel([key, k]), value: [], table: tableOf(v, [key, k]) } : { label: shortLabel([key, k]), value: format(v, [key, k]), table: null }));
        return { key, label, fields, table: null };
      }
      return { key, label, fields: [{ label, value: format(value, [key]), table: null }], table: null };
    });
}

/** A list of entries with fields of their own: shown as a table. */
const isRows = (value: unknown): value is unknown[] => Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object');

function joined(groups: Part[][], separator: string): Part[] {
  return groups.flatMap((parts, i) => (i === 0 ? parts : [{ text: separator }, ...parts]));
}

const isEmpty = (value: unknown) => value === undefined || value === null || (Array.isArray(value) && value.length === 0);
