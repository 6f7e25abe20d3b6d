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
