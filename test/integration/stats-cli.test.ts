import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Stats } from '../../src/stats/compute.ts';
import { repoRoot, runSwa } from '../helpers/run-swa.ts';

const today = ['--today', '2026-12-01'];
type Raw = Record<string, any>;

/**
 * The sample archive read the plain way, without the project's parser or schemas: every
 * record's frontmatter through js-yaml (dates stay strings), by folder.
 */
async function rawArchive(): Promise<{ byDir: Record<string, Raw[]>; config: Raw }> {
  const byDir: Record<string, Raw[]> = {};
  const content = join(repoRoot, 'content');
  for (const dir of await readdir(content)) {
    if (dir.includes('.')) continue;
    for (const year of await readdir(join(content, dir))) {
      for (const name of await readdir(join(content, dir, year))) {
        const text = await readFile(join(content, dir, year, name), 'utf8');
        const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] as string;
        (byDir[dir] ??= []).push(yaml.load(front, { schema: yaml.CORE_SCHEMA }) as Raw);
      }
    }
  }
  const config = yaml.load(await readFile(join(content, 'archive.yaml'), 'utf8'), { schema: yaml.CORE_SCHEMA }) as Raw;
  return { byDir, config };
}

/** One tally per indicator, each a list of [record, date, amount] made by hand from the raw records. */
function tallies(byDir: Record<string, Raw[]>): Record<string, [Raw, string, number][]> {
  const cases = byDir.cases ?? [];
  const groups = byDir.groups ?? [];
  const community = byDir.community ?? [];
  const consultations = byDir.consultations ?? [];
  const supervision = byDir.supervision ?? [];
  const firstSession = (g: Raw) => (g.sessions ?? []).map((s: Raw) => s.date).sort()[0];
  return {
    casesOpened: cases.map((c) => [c, c.intake.date, 1]),
    casesClosed: cases.filter((c) => c.closingForm).map((c) => [c, c.closingForm.date, 1]),
    caseSessions: cases.flatMap((c) => (c.sessions ?? []).map((s: Raw) => [c, s.date, 1])),
    groups: groups.filter((g) => (g.sessions ?? []).length > 0).map((g) => [g, firstSession(g), 1]),
    groupSessions: groups.flatMap((g) => (g.sessions ?? []).map((s: Raw) => [g, s.date, 1])),
    groupAttendance: groups.flatMap((g) => (g.sessions ?? []).map((s: Raw) => [g, s.date, s.attendance])),
    communityActivities: community.flatMap((c) => (c.activities ?? []).map((a: Raw) => [c, a.date, 1])),
    communityParticipants: community.flatMap((c) => (c.activities ?? []).map((a: Raw) => [c, a.date, a.participants])),
    consultations: consultations.filter((c) => c.channel !== '热线').map((c) => [c, c.date, 1]),
    hotlineCalls: consultations.filter((c) => c.channel === '热线').map((c) => [c, c.date, 1]),
    supervisionSessions: supervision.map((s) => [s, s.date, 1]),
    supervisionHours: supervision.map((s) => [s, s.date, Number(s.hours)]),
  };
}

const sum = (rows: [Raw, string, number][], keep: (record: Raw, date: string) => boolean) =>
  Math.round(rows.filter(([r, d]) => keep(r, d)).reduce((n, [, , v]) => n + v, 0) * 100) / 100;

describe('swa stats on the sample archive', () => {
  let stats: Stats;
  let raw: Awaited<ReturnType<typeof rawArchive>>;
  let counts: ReturnType<typeof tallies>;
  beforeAll(async () => {
    const run = await runSwa(['stats', '--year', '2026', '--json', ...today], repoRoot);
    expect([run.code, run.stderr]).toEqual([0, '']);
    stats = JSON.parse(run.stdout) as Stats;
    raw = await rawArchive();
    counts = tallies(raw.byDir);
  });
  const in2026 = (_r: Raw, d: string) => d.startsWith('2026-');

  it('counts every figure as a count made from the raw records does: totals, by post, by category, by month', () => {
    expect(stats.period).toEqual({ label: '2026', from: '2026-01-01', to: '2026-12-31' });
    for (const [indicator, rows] of Object.entries(counts)) {
      const key = indicator as keyof Stats['totals'];
      expect([indicator, stats.totals[key]]).toEqual([indicator, sum(rows, in2026)]);
      for (const [post, figures] of Object.entries(stats.byPost)) expect([indicator, post, figures[key]]).toEqual([indicator, post, sum(rows, (r, d) => in2026(r, d) && r.post === post)]);
      for (const [code, figures] of Object.entries(stats.byCategory)) expect([indicator, code, figures[key]]).toEqual([indicator, code, sum(rows, (r, d) => in2026(r, d) && r.category === code)]);
      for (const [month, figures] of Object.entries(stats.byMonth)) expect([indicator, month, figures[key]]).toEqual([indicator, month, sum(rows, (_r, d) => d.startsWith(month))]);
    }
    expect(Object.keys(stats.byMonth)).toHaveLength(12);
    expect(Object.keys(stats.byPost).sort()).toEqual(['P01', 'P02', 'P03']);
    // The sample holds something of every indicator, so no figure passes for being zero on both sides.
    expect(Object.values(stats.totals).every((n) => n > 0)).toBe(true);
  });

  it('sets each project target against what its records delivered, a record belonging through its post or by naming the project', () => {
    const projects = raw.config.projects as Raw[];
    const belongsTo = (record: Raw, project: Raw) => (record.project !== undefined ? record.project === project.id : (project.posts ?? []).includes(record.post));
    const expected = projects.flatMap((p) =>
      Object.entries(p.targets['2026'] as Record<string, number>).map(([indicator, target]) => {
        const delivered = sum(counts[indicator] as [Raw, string, number][], (r, d) => in2026(r, d) && belongsTo(r, p));
        return { project: p.id, name: p.name, indicator, target, delivered, percent: Math.round((delivered / target) * 1000) / 10 };
      }),
    );
    expect([...stats.targets].sort((a, b) => `${a.project}${a.indicator}`.localeCompare(`${b.project}${b.indicator}`))).toEqual(
      expected.sort((a, b) => `${a.project}${a.indicator}`.localeCompare(`${b.project}${b.indicator}`)),
    );
    expect(stats.targets.find((t) => t.project === 'RX-2026')?.delivered).toBe(counts.hotlineCalls?.length);
  });

  it('gives the supervision hours of each worker per quarter', () => {
    const expected = new Map<string, { sessions: number; hours: number }>();
    for (const s of raw.byDir.supervision ?? []) {
      for (const worker of s.supervisees as string[]) {
        const key = `${worker} ${s.date.slice(0, 4)}Q${Math.ceil(Number(s.date.slice(5, 7)) / 3)}`;
        const row = expected.get(key) ?? { sessions: 0, hours: 0 };
        expected.set(key, { sessions: row.sessions + 1, hours: row.hours + Number(s.hours) });
      }
    }
    expect(new Map(stats.supervision.map((s) => [`${s.worker} ${s.quarter}`, { sessions: s.sessions, hours: s.hours }]))).toEqual(expected);
    expect(expected.size).toBeGreaterThan(0);
  });

  it('limits the figures to one project and one quarter', async () => {
    const run = await runSwa(['stats', '--quarter', '2026Q4', '--project', 'RX-2026', '--json', ...today], repoRoot);
    const q4 = JSON.parse(run.stdout) as Stats;
    const hotline = (raw.byDir.consultations ?? []).filter((c) => c.project === 'RX-2026' && c.date >= '2026-10-01');
    expect(q4.totals.hotlineCalls).toBe(hotline.length);
    expect(q4.totals.casesOpened).toBe(0);
    expect(Object.keys(q4.byMonth)).toEqual(['2026-10', '2026-11', '2026-12']);
    // Targets are the year's; delivered counts from January to the end of the quarter.
    expect(q4.targets.map((t) => [t.project, t.indicator, t.delivered])).toEqual([['RX-2026', 'hotlineCalls', counts.hotlineCalls?.length]]);
  });

  it('refuses an unknown project and a malformed period', async () => {
    const project = await runSwa(['stats', '--project', 'NO-SUCH', ...today], repoRoot);
    expect([project.code, project.stderr]).toEqual([1, expect.stringContaining('archive.yaml 中没有项目 NO-SUCH')]);
    const period = await runSwa(['stats', '--quarter', '2026Q5', ...today], repoRoot);
    expect([period.code, period.stderr]).toEqual([2, expect.stringContaining('期间 2026Q5 的格式不对')]);
  });

  it('writes a workbook that exceljs reads back with the same figures: one sheet per table, Chinese headers, numbers as numbers', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'swa-stats-')), '统计.xlsx');
    const run = await runSwa(['stats', '--year', '2026', '--xlsx', file, ...today], repoRoot);
    expect(run.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['项目指标', '按岗位', '按服务类别', '按月份', '督导（按社工）']);
    const rows = (name: string) => {
      const values: unknown[][] = [];
      workbook.getWorksheet(name)?.eachRow({ includeEmpty: false }, (row) => values.push((row.values as unknown[]).slice(1)));
      return values;
    };
    const indicatorOrder = Object.keys(stats.totals) as (keyof Stats['totals'])[];

    const targets = rows('项目指标');
    expect(targets[0]).toEqual(['项目编号', '项目名称', '指标', '年度合同指标', '累计完成（年初至期末）', '完成率（%）']);
    expect(targets.slice(1).map((r) => [r[0], r[3], r[4], r[5]])).toEqual(stats.targets.map((t) => [t.project, t.target, t.delivered, t.percent]));

    const byMonth = rows('按月份');
    expect(byMonth[0]?.[0]).toBe('月份');
    expect(byMonth[0]?.[1]).toBe('新开个案（个）');
    expect(byMonth.slice(1, -1)).toEqual(Object.entries(stats.byMonth).map(([month, f]) => [month, ...indicatorOrder.map((k) => f[k])]));
    expect(byMonth.at(-1)).toEqual(['合计', ...indicatorOrder.map((k) => stats.totals[k])]);

    const byPost = rows('按岗位');
    expect(byPost.slice(1, -1).map((r) => r.slice(1))).toEqual(Object.values(stats.byPost).map((f) => indicatorOrder.map((k) => f[k])));
    expect(byPost[1]?.[0]).toBe('东湖街道社工站（P01）');
    const byCategory = rows('按服务类别');
    expect(byCategory.slice(1, -1).map((r) => r.slice(1))).toEqual(Object.values(stats.byCategory).map((f) => indicatorOrder.map((k) => f[k])));

    const supervision = rows('督导（按社工）');
    expect(supervision.slice(1).map((r) => [r[1], r[2], r[3]])).toEqual(stats.supervision.map((s) => [s.quarter, s.sessions, s.hours]));
    // Numbers are stored as numbers, not as text.
    for (const row of [...byMonth.slice(1), ...byPost.slice(1), ...supervision.slice(1)]) expect(row.slice(-2).every((v) => typeof v === 'number')).toBe(true);
  });
});
