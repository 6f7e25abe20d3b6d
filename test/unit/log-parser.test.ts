import { execFileSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkRepository } from '../../src/check/check-repository.ts';
import { generateDemo } from '../../src/demo/generate-demo.ts';
import { followLog } from '../../src/ledger/follow-log.ts';
import { LogParser, parseLog } from '../../src/ledger/parse-log.ts';
import { repoRoot } from '../helpers/run-swa.ts';

/** The pieces of `bytes` cut at `cuts` (ascending positions). */
const cutAt = (bytes: Buffer, cuts: number[]) => [0, ...cuts, bytes.length].slice(1).map((end, i, ends) => bytes.subarray(i === 0 ? 0 : (ends[i - 1] as number), end));

const fed = (pieces: Buffer[]) => {
  const parser = new LogParser();
  for (const piece of pieces) parser.push(piece);
  return parser.end();
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('LogParser', () => {
  let log: Buffer;
  beforeAll(async () => {
    // git's own output as swa reads it: the demo's history cache keeps it as git wrote it.
    const demo = join(await mkdtemp(join(tmpdir(), 'swa-log-parser-')), 'demo');
    await generateDemo({ source: repoRoot, out: demo, today: '2026-11-29' });
    await checkRepository(demo, '2026-11-29');
    const dir = join(demo, '.git', 'swa');
    const segment = (await readdir(dir)).find((name) => name.startsWith('segment-') && name.endsWith('.log')) as string;
    log = await readFile(join(dir, segment));
    expect(Number(execFileSync('git', ['rev-list', '--count', '--all'], { cwd: demo, encoding: 'utf8' }))).toBeGreaterThan(50);
  }, 120_000);

  it('gives what parseLog gives for the whole, however the output is cut into pieces', () => {
    const whole = parseLog(log);
    expect(whole.length).toBeGreaterThan(50);
    expect(fed([log])).toEqual(whole);
    // Cut at every record separator, just before and just after it, and into one-byte pieces around the first commits.
    const separators = [...log.keys()].filter((at) => log[at] === 0x1e);
    for (const shift of [0, 1, -1]) expect(fed(cutAt(log, separators.map((at) => at + shift).filter((at) => at > 0 && at < log.length)))).toEqual(whole);
    const head = log.subarray(0, separators[3]);
    expect(fed([...head.keys()].map((at) => head.subarray(at, at + 1)))).toEqual(parseLog(head));
    // Pieces of pseudo-random sizes, from a fixed seed.
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const cuts: number[] = [];
    for (let at = Math.floor(random() * 5000); at < log.length; at += 1 + Math.floor(random() * 5000)) cuts.push(at);
    expect(fed(cutAt(log, cuts))).toEqual(whole);
  });

  it('keeps no view of the output it parsed: the hunks are copies', () => {
    const copy = Buffer.from(log);
    const commits = parseLog(copy);
    const changes = commits.flatMap((c) => c.changes).filter((c) => c.hunks.length > 0);
    expect(changes.length).toBeGreaterThan(10);
    // A view of the output would keep the whole of it alive (see ByteArena): no hunk shares its memory.
    expect(changes.filter((c) => c.hunks.buffer === copy.buffer)).toEqual([]);
    const hunksBefore = changes.map((c) => c.hunks.toString('latin1'));
    copy.fill(0);
    expect(changes.map((c) => c.hunks.toString('latin1'))).toEqual(hunksBefore);
  });

  it('skips what comes before the first record separator, and gives nothing for nothing', () => {
    expect(fed([Buffer.from('noise'), log.subarray(0, 10), log.subarray(10)])).toEqual(parseLog(log));
    expect(fed([Buffer.from('noise'), log])).toEqual(parseLog(log));
    expect(new LogParser().end()).toEqual([]);
  });

  it('follows a log file as git writes it, and reads the rest once git is done (followLog)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'swa-follow-log-'));
    const file = join(dir, 'read.log.tmp');
    writeFileSync(file, '');
    const following = followLog(file, 2);
    const size = Math.ceil(log.length / 40);
    for (let at = 0; at < log.length - size; at += size) {
      appendFileSync(file, log.subarray(at, at + size));
      await pause(5);
    }
    appendFileSync(file, log.subarray(Math.floor((log.length - 1) / size) * size));
    expect(following.finish()).toEqual({ commits: parseLog(log), bytes: log.length });

    // A commit git could not have written, read while following: finish says so.
    const broken = join(dir, 'broken.log.tmp');
    writeFileSync(broken, Buffer.concat([Buffer.from([0x1e]), Buffer.from('not a commit'), log]));
    const reading = followLog(broken, 2);
    await pause(30);
    expect(() => reading.finish()).toThrow('字段不全');
  });
});

