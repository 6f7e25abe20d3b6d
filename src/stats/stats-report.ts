import { checkArchive } from '../check/check-archive.ts';
import { CommandError, UsageError } from '../errors.ts';
import { readArchiveFiles } from '../records/read-archive.ts';
import { computeStats, type Stats } from './compute.ts';
import { parsePeriod } from './period.ts';
import { statsTables, type Table } from './tables.ts';
import { statsWorkbook } from './workbook.ts';

export interface StatsOptions {
  cwd: string;
  today: string;
  quarter?: string;
  year?: string;
  project?: string;
  /** Write the workbook here. */
  xlsx?: string;
}

export interface StatsResult {
  stats: Stats;
  tables: Table[];
}

/** The funder's figures for a quarter or a year (default: the year of today), from the records; the workbook written when asked. */
export async function statsReport({ cwd, today, quarter, year, project, xlsx }: StatsOptions): Promise<StatsResult> {
  if (quarter !== undefined && year !== undefined) throw new UsageError('--quarter 与 --year 只能选一个');
  const asked = quarter ?? year ?? today.slice(0, 4);
  const period = parsePeriod(asked);
  if (!period || (quarter !== undefined && period.label.length !== 6) || (year !== undefined && period.label.length !== 4)) {
    throw new UsageError(`期间 ${asked} 的格式不对：季度如 --quarter 2026Q4，年度如 --year 2026`);
  }
  // The records and the tables alone: the figures need no rule's findings.
  const { context } = checkArchive(await readArchiveFiles(cwd), today, undefined, { contentRules: false });
  if (!context) throw new CommandError('名册 staff.yaml 或代码表 archive.yaml 无法读取；请先运行 swa check 并修正');
  const { projects, categories } = context.config;
  if (project !== undefined && !projects.some((p) => p.id === project)) {
    throw new CommandError(`archive.yaml 中没有项目 ${project}；已有：${projects.map((p) => p.id).join('、') || '（无）'}`);
  }
  const result = computeStats(context.records, projects, period, project ?? null);
  const tables = statsTables(result, {
    posts: new Map(context.roster.posts.map((p) => [p.id, p.name])),
    people: new Map(context.roster.people.map((p) => [p.id, p.name])),
    categories,
  });
  if (xlsx !== undefined) await statsWorkbook(tables).xlsx.writeFile(xlsx);
  return { stats: result, tables };
}
