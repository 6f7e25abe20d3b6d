import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRepository } from '../../src/check/check-repository.ts';
import { generateDemo } from '../../src/demo/generate-demo.ts';
import { ParseCache } from '../../src/records/parse-cache.ts';
import { repoRoot } from '../helpers/run-swa.ts';

const today = '2026-11-29';
const cacheFile = (demo: string) => join(demo, '.git', 'swa', 'records.json');
const logFile = (demo: string) => join(demo, '.git', 'swa', 'records.log');

/** Every record as the rules see it: its data, and the line of every key a finding could name. */
const records = (check: Awaited<ReturnType<typeof checkRepository>>) =>
  check.parsed.map((r) => ({ id: r.id, data: r.data, body: r.body, lines: Object.keys(r.data).map((key) => r.lineOf([key])) }));

describe('the parse cache', () => {
  it('gives the check of the demo what parsing every record gives, and parses again only what changed', async () => {
    const demo = join(await mkdtemp(join(tmpdir(), 'swa-parse-cache-')), 'demo');
    await generateDemo({ source: repoRoot, out: demo, today });
    const parsed = await checkRepository(demo, today);
    expect(JSON.parse(await readFile(cacheFile(demo), 'utf8')).entries.length).toBeGreaterThan(30);
    // The demo's planted violations are among the findings compared.
    expect(parsed.findings.some((f) => f.severity === 'error' && f.record !== null)).toBe(true);
    const cached = await checkRepository(demo, today);
    expect(cached.findings).toEqual(parsed.findings);
    expect(records(cached)).toEqual(records(parsed));

    // What the cache holds is what the check reads: an entry changed behind its back shows.
    const stored = JSON.parse(await readFile(cacheFile(demo), 'utf8')) as { code: string; entries: [string, { data: { title?: string } }][] };
    const entry = stored.entries.find(([, e]) => typeof e.data?.title === 'string')!;
    const title = entry[1].data.title;
    entry[1].data.title = '只在缓存里的标题';
    await writeFile(cacheFile(demo), JSON.stringify(stored));
    expect((await checkRepository(demo, today)).parsed.filter((r) => 'title' in r.data && r.data.title === '只在缓存里的标题')).toHaveLength(1);
    entry[1].data.title = title;
    await writeFile(cacheFile(demo), JSON.stringify(stored));

    const file = parsed.parsed.find((r) => r.kind === 'case')!.file;
    const text = await readFile(join(demo, file), 'utf8');
    await writeFile(join(demo, file), text.replace(/^category: .*$/m, 'category: 不存在的类别'));
    const edited = await checkRepository(demo, today);
    const about = (check: typeof parsed) => check.findings.filter((f) => f.file === file);
    expect(about(edited).length).toBeGreaterThan(about(parsed).length);
    expect(edited.parsed.find((r) => r.file === file)?.data).toMatchObject({ category: '不存在的类别' });
    await writeFile(cacheFile(demo), '{"code":"other code","entries":[]}');
    expect((await checkRepository(demo, today)).findings).toEqual(edited.findings);
  }, 120_000);

  it('appends what a check parsed anew to a log beside the file, and writes the file whole again once the log grows', async () => {
    const demo = join(await mkdtemp(join(tmpdir(), 'swa-parse-cache-')), 'demo');
    await generateDemo({ source: repoRoot, out: demo, today });
    const first = await checkRepository(demo, today);
    const whole = await readFile(cacheFile(demo), 'utf8');
    const cases = first.parsed.filter((r) => r.kind === 'case');
    const retitle = async (file: string, title: string) => writeFile(join(demo, file), (await readFile(join(demo, file), 'utf8')).replace(/^title: .*$/m, `title: ${title}`));
    const titleOf = (check: typeof first, file: string) => check.parsed.find((r) => r.file === file)?.data as { title?: string } | undefined;

    // One record edited: the file stays as it was, the log holds the one entry, and is read.
    const [one, two] = cases.map((r) => r.file) as [string, string];
    await retitle(one, '改过的标题一');
    expect(titleOf(await checkRepository(demo, today), one)?.title).toBe('改过的标题一');
    expect(await readFile(cacheFile(demo), 'utf8')).toBe(whole);
    const log = (await readFile(logFile(demo), 'utf8')).split('\n');
    expect(log).toHaveLength(2);
    await writeFile(logFile(demo), [log[0], log[1]!.replace('改过的标题一', '只在日志里的标题')].join('\n'));
    expect(titleOf(await checkRepository(demo, today), one)?.title).toBe('只在日志里的标题');

    // A line cut short (a write cut off) is skipped; the next entry appended after it is read.
    await writeFile(logFile(demo), `${await readFile(logFile(demo), 'utf8')}\n["cut short`);
    await retitle(two, '改过的标题二');
    await checkRepository(demo, today);
    const cut = await readFile(logFile(demo), 'utf8');
    await writeFile(logFile(demo), cut.replace('改过的标题二', '又一个只在日志里的标题'));
    const after = await checkRepository(demo, today);
    expect([titleOf(after, one)?.title, titleOf(after, two)?.title]).toEqual(['只在日志里的标题', '又一个只在日志里的标题']);

    // Many records edited: the file is written whole again, without the entries no longer used, and the log is gone.
    for (const [i, record] of cases.entries()) await retitle(record.file, `第${i}次改过的标题`);
    const rewritten = await checkRepository(demo, today);
    expect(await readFile(cacheFile(demo), 'utf8')).not.toBe(whole);
    await expect(readFile(logFile(demo), 'utf8')).rejects.toThrow();
    const entries = (JSON.parse(await readFile(cacheFile(demo), 'utf8')) as { entries: unknown[] }).entries;
    expect(entries).toHaveLength(rewritten.records);
    expect((await checkRepository(demo, today)).findings).toEqual(rewritten.findings);
  }, 120_000);

  it('keeps nothing JSON would not give back as it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'swa-parse-cache-'));
    const cache = ParseCache.load(dir);
    const plain = cache.get('content/cases/2026/0001.md', 'a');
    const infinite = cache.get('content/cases/2026/0002.md', 'b');
    cache.set(plain.key, { data: { hours: 2, list: ['x'] }, findings: [] });
    cache.set(infinite.key, { data: { hours: Number.POSITIVE_INFINITY }, findings: [] });
    cache.save();
    const again = ParseCache.load(dir);
    expect(again.get('content/cases/2026/0001.md', 'a').entry).toEqual({ data: { hours: 2, list: ['x'] }, findings: [] });
    expect(again.get('content/cases/2026/0002.md', 'b').entry).toBeUndefined();
    expect(again.get('content/cases/2026/0001.md', 'a changed').entry).toBeUndefined();
  });
});
