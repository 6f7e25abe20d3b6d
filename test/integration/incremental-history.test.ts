import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addedLines } from '../../src/ledger/commit.ts';
import { readHistory, type History } from '../../src/ledger/git-log.ts';
import { loadLedger } from '../../src/ledger/load-ledger.ts';
import { approvalMessage, at, commitOnBranch, mergeByHand, rejectOnBranch } from '../helpers/approvals.ts';
import { archiveRepo, staff, type ArchiveRepo } from '../helpers/git-repo.ts';
import { casePath, caseText } from '../helpers/records.ts';

const cacheDir = (repo: ArchiveRepo) => join(repo.dir, '.git', 'swa');
/** Scratch files git wrote a read into that the cache neither took nor removed. */
const scratchLeft = async (repo: ArchiveRepo) => (await readdir(cacheDir(repo))).filter((name) => name.endsWith('.tmp'));
const segmentCount = async (repo: ArchiveRepo) => (JSON.parse(await readFile(join(cacheDir(repo), 'history.json'), 'utf8')) as { segments: unknown[] }).segments.length;

/** Everything the ledger is built from, and the ledger itself, as plain data that two reads can be compared by. */
async function projection(repo: ArchiveRepo, history: History) {
  const commits = [...history.commits]
    .sort((a, b) => a.sha.localeCompare(b.sha))
    .map((c) => ({ ...c, refs: [...c.refs].sort(), changes: c.changes.map((change) => ({ ...change, hunks: change.hunks.toString('utf8'), added: addedLines(change) })) }));
  const loaded = await loadLedger(repo.dir, 'swa-adoption', Promise.resolve(history));
  if ('skipped' in loaded) throw new Error(loaded.skipped);
  const { ledger } = loaded;
  const files = [...new Set(history.commits.flatMap((c) => c.changes.map((change) => change.path)))].sort();
  return {
    commits,
    ledger: {
      ...ledger,
      pendingBranches: ledger.pendingBranches.map((p) => ({ ...p, commits: p.commits.map((c) => c.sha) })),
      imported: [...ledger.imported].sort(),
      firstOnMain: [...ledger.firstOnMain].sort(),
      archiveNumbers: [...ledger.archiveNumbers].sort(),
      lineFirstSeen: files.map((file) => [file, [...(ledger.lineFirstSeen(file) ?? [])].sort()]),
    },
  };
}

/** Reads history as a later check does (with the cache), then in full without it, and gives both; the cache is left as it was. */
async function readBothWays(repo: ArchiveRepo) {
  const incremental = (await readHistory(repo.dir, { snapshot: false })) as History;
  await rename(cacheDir(repo), `${cacheDir(repo)}-kept`);
  const full = (await readHistory(repo.dir, { snapshot: false })) as History;
  await rm(cacheDir(repo), { recursive: true, force: true });
  await rename(`${cacheDir(repo)}-kept`, cacheDir(repo));
  return { incremental: await projection(repo, incremental), full: await projection(repo, full) };
}

async function approve(repo: ArchiveRepo, n: number, day: string, stage = 'intake', text = caseText({ id: `cases/2026-${String(n).padStart(4, '0')}` })) {
  const id = `cases/2026-${String(n).padStart(4, '0')}`;
  const head = await commitOnBranch(repo, staff.worker, day, `submit/${id}`, casePath(id), text, stage);
  mergeByHand(repo, staff.supervisor, day, `submit/${id}`, approvalMessage(id, stage, 'S04', 'supervisor', head));
  repo.git(staff.supervisor, at(day), 'branch', '-q', '-D', `submit/${id}`);
}

describe('the history cache, read incrementally', () => {
  it('gives the same history and ledger as a full read after every kind of change, reading only what was added', async () => {
    const repo = await archiveRepo();
    await approve(repo, 1, '2026-03-02');
    expect(await readHistory(repo.dir, { snapshot: false })).not.toBeNull();
    expect(await segmentCount(repo)).toBe(1);

    // Each step with the segments it adds: a tag moves no tip, so nothing is read for it (refs are read anew every time).
    const steps: [string, () => Promise<unknown>, number?][] = [
      ['an approval merge', () => approve(repo, 2, '2026-03-03')],
      ['a pending submission', () => commitOnBranch(repo, staff.worker, '2026-03-04', 'submit/cases/2026-0003', casePath('cases/2026-0003'), caseText({ id: 'cases/2026-0003' }), 'intake')],
      ['a rejection on the pending branch', async () => rejectOnBranch(repo, staff.supervisor, '2026-03-05', 'cases/2026-0003', 'intake', '请补充评估。')],
      ['a direct push to main', () => repo.commit(staff.worker, at('2026-03-06'), 'Fix a typo', { [casePath('cases/2026-0002')]: caseText({ id: 'cases/2026-0002', intake: '2026-03-01' }) })],
      ['a new tag on main', async () => repo.git(staff.orgHead, at('2026-03-06'), 'tag', 'later-tag'), 0],
      ['a merge of a branch cut from an older main', () => approve(repo, 4, '2026-03-07')],
    ];
    for (const [what, step, added = 1] of steps) {
      const before = await segmentCount(repo);
      await step();
      const { incremental, full } = await readBothWays(repo);
      expect(incremental, what).toEqual(full);
      expect(await segmentCount(repo), `${what}: segments added`).toBe(before + added);
      expect(await scratchLeft(repo), what).toEqual([]);
    }
  }, 60_000);

  it('reads a whole history in two halves side by side as one read gives it, and reads on from both', async () => {
    const repo = await archiveRepo();
    for (let n = 1; n <= 6; n++) await approve(repo, n, `2026-03-${String(n + 1).padStart(2, '0')}`);
    const halves = (await readHistory(repo.dir, { snapshot: false, halvesFrom: 0 })) as History;
    expect(await segmentCount(repo), 'a segment for each half').toBe(2);
    await rm(cacheDir(repo), { recursive: true, force: true });
    const whole = (await readHistory(repo.dir, { snapshot: false, halvesFrom: Number.POSITIVE_INFINITY })) as History;
    expect(await segmentCount(repo), 'below the size, one read').toBe(1);
    expect(await projection(repo, halves)).toEqual(await projection(repo, whole));
    // Order matters to the ledger only as far as it is topological: what the halves gave, it built the same.
    const ids = (history: History) => history.commits.map((c) => c.sha);
    expect(new Set(ids(halves))).toEqual(new Set(ids(whole)));

    await rm(cacheDir(repo), { recursive: true, force: true });
    await readHistory(repo.dir, { snapshot: false, halvesFrom: 0 });
    await approve(repo, 7, '2026-03-09');
    const { incremental, full } = await readBothWays(repo);
    expect(incremental).toEqual(full);
    expect(await segmentCount(repo), 'the new commits on top of both halves').toBe(3);
    expect(await scratchLeft(repo)).toEqual([]);

    // Without a tag there is no date to cut at: one read.
    await rm(cacheDir(repo), { recursive: true, force: true });
    repo.git(staff.orgHead, at('2026-03-09'), 'tag', '-d', 'swa-adoption');
    await readHistory(repo.dir, { snapshot: false, halvesFrom: 0 });
    expect(await segmentCount(repo)).toBe(1);
  }, 60_000);

  it('reads history in full when a force-push dropped a merge the cache holds', async () => {
    const repo = await archiveRepo();
    await approve(repo, 1, '2026-03-02');
    await approve(repo, 2, '2026-03-03');
    await readHistory(repo.dir, { snapshot: false });
    const dropped = repo.git(staff.orgHead, at('2026-03-04'), 'rev-parse', 'main').trim();
    repo.git(staff.orgHead, at('2026-03-04'), 'reset', '-q', '--hard', 'main~1');
    await approve(repo, 3, '2026-03-04');

    const { incremental, full } = await readBothWays(repo);
    expect(incremental).toEqual(full);
    expect(incremental.commits.map((c) => c.sha)).not.toContain(dropped);
    expect(incremental.ledger.approvals.map((a) => a.record)).toEqual(['cases/2026-0001', 'cases/2026-0003']);
    expect(await segmentCount(repo)).toBe(1);
    expect(await scratchLeft(repo)).toEqual([]);
  }, 60_000);

  it('reads history through pipes, the same, where the cache cannot be written', async () => {
    const repo = await archiveRepo();
    await approve(repo, 1, '2026-03-02');
    const cached = (await readHistory(repo.dir, { snapshot: false })) as History;
    await rm(cacheDir(repo), { recursive: true });
    await writeFile(cacheDir(repo), 'not a directory\n');
    const piped = (await readHistory(repo.dir, { snapshot: false })) as History;
    expect(await projection(repo, piped)).toEqual(await projection(repo, cached));
    expect(await readFile(cacheDir(repo), 'utf8')).toBe('not a directory\n');
  }, 60_000);
});
