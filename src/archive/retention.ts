import type { ArchiveConfig } from '../schemas/archive-config.ts';
import { parseArchiveNo } from './numbering.ts';

/**
 * How long an archived record is kept: the first of archive.yaml's retention rules that matches
 * its number's category and nature, counted from the archive month. Null for a number that does
 * not parse or that no rule covers. Pure.
 */
export function retentionOf(config: Pick<ArchiveConfig, 'retention'>, archiveNo: string): { years: number; expires: string } | null {
  const number = parseArchiveNo(archiveNo);
  if (!number) return null;
  const rule = config.retention.find((r) => (r.category === undefined || r.category === number.category) && (r.nature === undefined || r.nature === number.nature));
  if (!rule) return null;
  return { years: rule.years, expires: `${Number(number.month.slice(0, 4)) + rule.years}-${number.month.slice(4)}-01` };
}
