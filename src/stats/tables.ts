import { indicatorLabels, indicators } from '../schemas/project.ts';
import type { Figures, Stats } from './compute.ts';

/** One sheet of the report: Chinese headers, numbers as numbers. */
export interface Table {
  /** Sheet name (at most 31 characters, as Excel allows). */
  name: string;
  columns: string[];
  rows: (string | number | null)[][];
}

export interface Names {
  /** Post id → name. */
  posts: ReadonlyMap<string, string>;
  /** Staff id → name. */
  people: ReadonlyMap<string, string>;
  /** Category code → name. */
  categories: Readonly<Record<string, string>>;
}

export const totalLabel = '合计';
const figureColumns = indicators.map((key) => indicatorLabels[key]);
const figureCells = (figures: Figures) => indicators.map((key) => figures[key]);

/** A table of figures, one row per key and a total row. */
function figuresTable(name: string, keyColumn: string, rows: Record<string, Figures>, label: (key: string) => string, totals: Figures): Table {
  return {
    name,
    columns: [keyColumn, ...figureColumns],
    rows: [...Object.entries(rows).map(([key, figures]) => [label(key), ...figureCells(figures)]), [totalLabel, ...figureCells(totals)]],
  };
}

const named = (names: ReadonlyMap<string, string>) => (id: string) => (names.has(id) ? `${names.get(id)}（${id}）` : id || '（未填写）');

/** The report's tables, in the order of the workbook's sheets. Pure. */
export function statsTables(stats: Stats, names: Names): Table[] {
  return [
    {
      name: '项目指标',
      columns: ['项目编号', '项目名称', '指标', '年度合同指标', '累计完成（年初至期末）', '完成率（%）'],
      rows: stats.targets.map((t) => [t.project, t.name, indicatorLabels[t.indicator], t.target, t.delivered, t.percent]),
    },
    figuresTable('按岗位', '岗位', stats.byPost, named(names.posts), stats.totals),
    figuresTable('按服务类别', '服务类别', stats.byCategory, (code) => (names.categories[code] ? `${names.categories[code]}（${code}）` : code), stats.totals),
    figuresTable('按月份', '月份', stats.byMonth, (month) => month, stats.totals),
    {
      name: '督导（按社工）',
      columns: ['社工', '季度', '督导次数', '督导时数（小时）'],
      rows: stats.supervision.map((s) => [named(names.people)(s.worker), s.quarter, s.sessions, s.hours]),
    },
  ];
}

/** The tables as text for the terminal, one block per table, tab-separated. */
export function formatTables(tables: readonly Table[]): string {
  return tables
    .map((t) => [`【${t.name}】`, t.columns.join('\t'), ...(t.rows.length ? t.rows.map((r) => r.map((v) => (v === null ? '—' : String(v))).join('\t')) : ['（无）'])].join('\n'))
    .join('\n\n');
}
