/**
 * G-ARCHIVE-NO numbering: 服务类别-服务性质-次序-年月. The sequence (次序) counts within one
 * category and nature per calendar year of the archive month, so QSN-GA-003-202611 is the third
 * youth case archived in 2026. A number is never reused: the next one follows the highest ever
 * taken in its series, on main or on a pending branch, even if that record was deleted. Pure.
 */
import { firstOnMainLabel } from '../i18n/terms.ts';

export interface ArchiveNumber {
  category: string;
  nature: string;
  seq: number;
  /** YYYYMM. */
  month: string;
}

const pattern = /^([A-Z]{2,4})-([A-Z]{2,4})-(\d+)-(\d{6})$/;

/** The archive number set on a frontmatter line such as `archiveNo: "QSN-GA-003-202611"  # 档案编号`. */
export function archiveNoInLine(line: string): string | undefined {
  return /^archiveNo:\s*["']?([A-Z]{2,4}-[A-Z]{2,4}-\d+-\d{6})["']?\s*(?:#.*)?$/.exec(line.trim())?.[1];
}

export function parseArchiveNo(value: string): ArchiveNumber | null {
  const match = pattern.exec(value);
  if (!match) return null;
  const [, category, nature, seq, month] = match as unknown as [string, string, string, string, string];
  return { category, nature, seq: Number(seq), month };
}

/** The series a number belongs to: category, nature and year. */
export const seriesOf = (n: Pick<ArchiveNumber, 'category' | 'nature' | 'month'>) => `${n.category}-${n.nature}-${n.month.slice(0, 4)}`;

export function formatArchiveNo(n: ArchiveNumber, width: number): string {
  return `${n.category}-${n.nature}-${String(n.seq).padStart(width, '0')}-${n.month}`;
}

/** The next number of a series after every number in `taken`. */
export function nextArchiveNo(series: Omit<ArchiveNumber, 'seq'>, taken: Iterable<string>, width: number): string {
  const key = seriesOf(series);
  let highest = 0;
  for (const value of taken) {
    const n = parseArchiveNo(value);
    if (n && seriesOf(n) === key) highest = Math.max(highest, n.seq);
  }
  return formatArchiveNo({ ...series, seq: highest + 1 }, width);
}

export interface RegisterEntry {
  archiveNo: string;
  series: string;
  seq: number;
  /** The record holding it now, if any. */
  record: string | null;
  status: 'current' | 'withdrawn' | 'gap' | 'pending';
  note: string;
}

/**
 * The register of every series in order, with each gap explained: a number whose record was
 * removed from main (withdrawn, never reused), one allocated on a branch not yet merged (pending),
 * or one never taken.
 */
export function archiveRegister(
  current: ReadonlyMap<string, string>,
  everOnMain: ReadonlyMap<string, { record: string; time: string }>,
  pending: ReadonlyMap<string, string>,
  width: number,
): RegisterEntry[] {
  const all = [...new Set([...current.keys(), ...everOnMain.keys(), ...pending.keys()])]
    .map((value) => parseArchiveNo(value))
    .filter((n): n is ArchiveNumber => n !== null);
  const series = new Map<string, ArchiveNumber[]>();
  for (const n of all) series.set(seriesOf(n), [...(series.get(seriesOf(n)) ?? []), n]);

  const entries: RegisterEntry[] = [];
  for (const [key, numbers] of [...series].sort(([a], [b]) => a.localeCompare(b))) {
    const bySeq = new Map(numbers.map((n) => [n.seq, n]));
    const highest = Math.max(...numbers.map((n) => n.seq));
    for (let seq = 1; seq <= highest; seq++) {
      const n = bySeq.get(seq);
      if (!n) {
        entries.push({ archiveNo: `${key.slice(0, key.lastIndexOf('-'))}-${String(seq).padStart(width, '0')}-${key.slice(-4)}??`, series: key, seq, record: null, status: 'gap', note: '未在本仓库的历史中出现：可能是启用本系统前纸质档案已用的编号，或在未合并的分支上分配后放弃' });
        continue;
      }
      const value = formatArchiveNo(n, width);
      const holder = current.get(value) ?? null;
      const history = everOnMain.get(value);
      if (holder) entries.push({ archiveNo: value, series: key, seq, record: holder, status: 'current', note: '' });
      else if (history) entries.push({ archiveNo: value, series: key, seq, record: history.record, status: 'withdrawn', note: `记录已从档案中移除（${history.time.slice(0, 10)} ${firstOnMainLabel}），编号保留，不再使用` });
      else entries.push({ archiveNo: value, series: key, seq, record: pending.get(value) ?? null, status: 'pending', note: '已在待审批分支上分配，尚未合并' });
    }
  }
  return entries;
}
