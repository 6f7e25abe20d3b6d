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

/**
 * Whether a finding must be fixed before a record can be submitted or approved. Approval
 * integrity findings (A-*) are not: they concern past merges, and a new valid approval is
 * exactly what remedies them.
 */
export const blocksApproval = (finding: Finding): boolean => finding.severity === 'error' && !finding.rule.startsWith('A-');
