import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/check/check-archive.ts';
import type { Project } from '../../src/schemas/project.ts';
import { computeStats } from '../../src/stats/compute.ts';
import { parsePeriod, type Period } from '../../src/stats/period.ts';
import { fixtureFiles, today } from '../helpers/fixture.ts';

const records = async () => checkArchive(await fixtureFiles(), today).context!.records;
const period = (value: string) => parsePeriod(value) as Period;
const project = (o: Partial<Project>): Project => ({ id: 'DH-2026', name: '东湖项目', period: { from: '2026-01-01', to: '2026-12-31' }, posts: ['P01'], targets: {}, ...o });

describe('the funder\'s figures', () => {
  it('counts a group once, in the month of its first session, its sessions and the attendance of each', async () => {
    const stats = computeStats(await records(), [], period('2026Q2'));
    expect([stats.totals.groups, stats.totals.groupSessions, stats.totals.groupAttendance]).toEqual([1, 4, 46]);
    expect(stats.byMonth['2026-05']?.groups).toBe(1);
    expect(Object.keys(stats.byMonth)).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(stats.byPost.P01?.groupAttendance).toBe(46);
  });

  it('counts towards a project only what falls inside its period', async () => {
    const ended = project({ period: { from: '2026-01-01', to: '2026-05-15' }, targets: { '2026': { groupSessions: 4 } } });
    expect(computeStats(await records(), [ended], period('2026')).targets).toEqual([
      { project: 'DH-2026', name: '东湖项目', indicator: 'groupSessions', target: 4, delivered: 1, percent: 25 },
    ]);
  });

  it('sets a quarter against the year\'s target with what was delivered since January; a target of 0 has no percentage', async () => {
    const west = project({ id: 'XL-2026', posts: ['P02'], targets: { '2026': { casesClosed: 2, hotlineCalls: 0 } } });
    const q4 = computeStats(await records(), [west], period('2026Q4'));
    expect(q4.totals.casesClosed).toBe(0);
    expect(q4.targets.map((t) => [t.indicator, t.delivered, t.percent])).toEqual([
      ['casesClosed', 1, 50],
      ['hotlineCalls', 0, null],
    ]);
  });

  it('limits every figure to one project; a record whose post no project funds belongs to none', async () => {
    const all = await records();
    const east = computeStats(all, [project({})], period('2026'), 'DH-2026');
    expect(Object.keys(east.byPost)).toEqual(['P01']);
    expect(east.totals.hotlineCalls).toBe(0);
    expect(computeStats(all, [project({})], period('2026')).totals.hotlineCalls).toBe(1);
  });
});
