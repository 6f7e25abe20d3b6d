import type { z } from 'zod';
import type { RecordKind } from '../schemas/index.ts';
import { labelAt } from '../schemas/walk.ts';
import { publicSchemas } from './public-schemas.ts';

export interface Section {
  key: string;
  label: string;
  /** label → value pairs of a form. */
  fields: { label: string; value: string }[];
  /** A form with one row per entry (sessions, budget lines…). */
  table: { columns: string[]; rows: string[][] } | null;
}

/** Keys shown in the page header rather than as forms. */
const headerKeys = new Set(['id', 'title', 'category', 'post', 'worker', 'participantFee', 'archiveNo', 'profile', 'date', 'channel', 'hotline']);

/** Every form of a record's public data as a section with Chinese labels from its schema. Pure. */
export function sectionsOf(kind: RecordKind, data: Record<string, unknown>): Section[] {
  const schema = publicSchemas[kind] as unknown as z.ZodTypeAny;
  return Object.entries(data)
    .filter(([key, value]) => !headerKeys.has(key) && !isEmpty(value))
    .map(([key, value]) => {
      const label = labelAt(schema, [key]);
      if (Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object')) {
        const columns = [...new Set(value.flatMap((row) => Object.keys(row as object)))];
        return {
          key,
          label,
          fields: [],
          table: {
            columns: columns.map((c) => labelAt(schema, [key, 0, c]).split(' › ').at(-1) as string),
            rows: value.map((row) => columns.map((c) => format((row as Record<string, unknown>)[c], schema, [key, 0, c]))),
          },
        };
      }
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const fields = Object.entries(value)
          .filter(([, v]) => !isEmpty(v))
          .map(([k, v]) => ({ label: labelAt(schema, [key, k]).split(' › ').at(-1) as string, value: format(v, schema, [key, k]) }));
        return { key, label, fields, table: null };
      }
      return { key, label, fields: [{ label, value: format(value, schema, [key]) }], table: null };
    });
}

function format(value: unknown, schema: z.ZodTypeAny, path: (string | number)[]): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.map((v, i) => format(v, schema, [...path, i])).join('；');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${labelAt(schema, [...path, k]).split(' › ').at(-1)}：${format(v, schema, [...path, k])}`)
      .join('，');
  }
  return String(value);
}

const isEmpty = (value: unknown) => value === undefined || value === null || (Array.isArray(value) && value.length === 0);

/** The forms a complete record of each kind holds (C-ARCHIVE-COMPLETE, GR-FORMS, CM-AS-GROUP, C-INQUIRY). */
export const expectedForms: Record<RecordKind, string[]> = {
  case: ['consent', 'basicInfo', 'intake', 'assessment', 'plan', 'sessions', 'closingReport', 'closingEvaluation', 'closingForm', 'attachments'],
  consultation: ['profile', 'purpose', 'content', 'needsAnalysis', 'closing'],
  group: ['plan', 'funding', 'recruitment', 'registration', 'sessions', 'feedback', 'supervisorComment', 'report', 'financialReport'],
  community: ['needsAssessment', 'employerConsent', 'plan', 'funding', 'publicity', 'preparation', 'activities', 'report', 'financialReport'],
  audit: ['scores'],
  handover: ['cases'],
};

/** Which expected forms the record holds, by Chinese name. */
export function checklistOf(kind: RecordKind, data: Record<string, unknown>): { label: string; present: boolean }[] {
  const schema = publicSchemas[kind] as unknown as z.ZodTypeAny;
  const forms = [...expectedForms[kind]];
  if (kind === 'case' && Array.isArray(data.referrals) && data.referrals.length > 0) forms.push('referrals');
  return forms.map((key) => ({ label: labelAt(schema, [key]), present: !isEmpty(data[key]) }));
}
