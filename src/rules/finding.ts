/**
 * One broken rule. `rule` is an ID from shared/spec/DOMAIN.md, or SCHEMA for a field that fails
 * its schema, or PARSE for a file that does not parse. `record` is null for files that are not
 * records (staff.yaml, archive.yaml, stray files).
 */
export interface Finding {
  rule: string;
  severity: 'error' | 'warning';
  record: string | null;
  file: string;
  line: number;
  message: string;
}

export const compareFindings = (a: Finding, b: Finding): number =>
  a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule);
