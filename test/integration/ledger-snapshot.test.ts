import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRepository } from '../../src/check/check-repository.ts';
import { extendFacts } from '../../src/ledger/extend-facts.ts';
import { readHistory, type History } from '../../src/ledger/git-log.ts';
import { LedgerSnapshot } from '../../src/ledger/ledger-snapshot.ts';
import { loadLedger, type LedgerResult } from '../../src/ledger/load-ledger.ts';
import { approvalMessage, at, commitOnBranch, mergeByHand, rejectOnBranch } from '../helpers/approvals.ts';
import { archiveRepo, staff, type ArchiveRepo, type Person } from '../helpers/git-repo.ts';
import { casePath, caseText } from '../helpers/records.ts';

const cacheDir = (repo: ArchiveRepo) => join(repo.dir, '.git', 'swa');
const snapshotFiles = async (repo: ArchiveRepo) => (await readdir(cacheDir(repo))).filter((name) => name.startsWith('ledger-'));

/** The ledger and what comes with it as plain data, for every record file and every commit of main. */
function projection(loaded: LedgerResult, history: History) {
  if ('skipped' in loaded) throw new Error(loaded.skipped);
  const { ledger, rosterAt, rewritten } = loaded;
  const files = [...new Set(history.commits.flatMap((c) => c.changes.map((change) => change.path)))].sort();
  const chain = history.commits.map((c) => c.sha).sort();
  return {
    ledger: {
      ...ledger,
      approvalShas: [...ledger.approvalShas].sort(),
      imported: [...ledger.imported].sort(),
      firstOnMain: [...ledger.firstOnMain].sort(),
      archiveNumbers: [...ledger.archiveNumbers].sort(),
      pendingBranches: ledger.pendingBranches.map((p) => ({ ...p, commits: p.commits.map((c) => ({ ...c, changes: c.changes.map((ch) => ({ ...ch, hunks: ch.hunks.toString('base64') })) })) })),
      lineFirstSeen: files.map((file) => [file, [...(ledger.lineFirstSeen(file) ?? [])].sort()]),
    },
    rosters: chain.map((sha) => [sha, rosterAt(sha)?.people.map((p) => p.id) ?? null]),
    rewritten: [...rewritten].sort(),
  };
}

/** The ledger built from history (which keeps a snapshot), then read again: from the snapshot when one stands for these tips. */
async function buildThenRead(repo: ArchiveRepo, adoption = 'swa-adoption') {
  const history = (await readHistory(repo.dir, { snapshot: false })) as History;
  const built = projection(await loadLedger(repo.dir, adoption, Promise.resolve(history)), history);
  const again = await readHistory(repo.dir);
  const read = projection(await loadLedger(repo.dir, adoption, Promise.resolve(again)), history);
  return { built, read, fromSnapshot: again?.snapshot !== undefined };
}

async function approve(repo: ArchiveRepo, n: number, day: string, stage = 'intake') {
  const id = `cases/2026-${String(n).padStart(4, '0')}`;
  const head = await commitOnBranch(repo, staff.worker, day, `submit/${id}`, casePath(id), caseText({ id }), stage);
  mergeByHand(repo, staff.supervisor, day, `submit/${id}`, approvalMessage(id, stage, 'S04', 'supervisor', head));
  repo.git(staff.supervisor, at(day), 'branch', '-q', '-D', `submit/${id}`);
}

/** An approval merge whose commit itself changed the record beyond the head reviewed (A-STALE-HEAD). */
async function mergeRewritten(repo: ArchiveRepo, id: string, day: string) {
  const head = await commitOnBranch(repo, staff.worker, day, `submit/${id}`, casePath(id), caseText({ id }), 'intake');
  mergeByHand(repo, staff.supervisor, day, `submit/${id}`, approvalMessage(id, 'intake', 'S04', 'supervisor', head), ['--no-commit']);
  await repo.write(casePath(id), `${caseText({ id })}\n合并时另加的一段（虚构）\n`);
  repo.git(staff.supervisor, at(day, '16:00:00'), 'commit', '-q', '-am', approvalMessage(id, 'intake', 'S04', 'supervisor', head));
}

/** A submission committed by `committer` with the worker as its author, approved by the supervisor. */
async function approveCommittedBy(repo: ArchiveRepo, committer: Person, id: string, day: string) {
  repo.git(committer, at(day), 'switch', '-q', '-c', `submit/${id}`);
  await repo.write(casePath(id), caseText({ id }));
  repo.git(committer, at(day), 'add', '--', casePath(id));
  repo.git(committer, at(day), 'commit', '-q', `--author=${staff.worker.name} <${staff.worker.email}>`, '-m', `Submit ${id} for intake\n\nRecord: ${id}\nStage: intake\nSubmitted-by: S05`);
  const head = repo.git(committer, at(day), 'rev-parse', 'HEAD').trim();
  repo.git(committer, at(day), 'switch', '-q', 'main');
  mergeByHand(repo, staff.supervisor, day, `submit/${id}`, approvalMessage(id, 'intake', 'S04', 'supervisor', head));
}

/** A worker added to the fixture roster's people (fictional). */
const addedWorker = `  - id: S98
    name: 新同事（虚构）
    roles:
      - { role: worker, from: 2026-03-01, posts: [P01] }
    git: { names: [新同事], emails: [s98@mingxi.example] }
`;

describe('the ledger snapshot', () => {
  it('gives the ledger built from history after every kind of change, and stands only for the tips and refs it was made from', async () => {
    const repo = await archiveRepo();
    const steps: [string, () => Promise<unknown>][] = [
      ['an approval merge', () => approve(repo, 1, '2026-03-02')],
      ['a pending submission', () => commitOnBranch(repo, staff.worker, '2026-03-04', 'submit/cases/2026-0003', casePath('cases/2026-0003'), caseText({ id: 'cases/2026-0003' }), 'intake')],
      ['a rejection on the pending branch', async () => rejectOnBranch(repo, staff.supervisor, '2026-03-05', 'cases/2026-0003', 'intake', '请补充评估。')],
      ['a direct push to main', () => repo.commit(staff.worker, at('2026-03-06'), 'Fix a typo', { [casePath('cases/2026-0001')]: caseText({ id: 'cases/2026-0001', intake: '2026-03-01' }) })],
      ['a merge that rewrote what it approves', () => mergeRewritten(repo, 'cases/2026-0004', '2026-03-07')],
      ['a new tag on main', async () => repo.git(staff.orgHead, at('2026-03-08'), 'tag', 'later-tag')],
      // The snapshot's people table starts with the first approval's merger (S04): as a branch commit's committer, S04 must stay S04.
      ['a merge of a commit S04 committed for the worker', () => approveCommittedBy(repo, staff.supervisor, 'cases/2026-0005', '2026-03-09')],
    ];
    for (const [what, step] of steps) {
      await step();
      const { built, read, fromSnapshot } = await buildThenRead(repo);
      expect(fromSnapshot, what).toBe(true);
      expect(read, what).toEqual(built);
      expect(await snapshotFiles(repo), `${what}: the older snapshot is gone`).toHaveLength(1);
    }
    const last = await buildThenRead(repo);
    expect(last.read.rewritten).toHaveLength(1);
    expect(last.read.ledger.pendingBranches.map((p) => p.branch)).toEqual(['submit/cases/2026-0003']);
  }, 60_000);

  it('worked forward from the last snapshot by the commits added alone, gives what a full read gives after every kind of change', async () => {
    const repo = await archiveRepo();
    await approve(repo, 1, '2026-03-02');
    await buildThenRead(repo);
    const pending = 'cases/2026-0003';
    const steps: [string, () => Promise<unknown>, boolean][] = [
      ['an approval merge', () => approve(repo, 2, '2026-03-03'), true],
      ['a pending submission', () => commitOnBranch(repo, staff.worker, '2026-03-04', `submit/${pending}`, casePath(pending), caseText({ id: pending }), 'intake'), true],
      ['a rejection on the pending branch', async () => rejectOnBranch(repo, staff.supervisor, '2026-03-05', pending, 'intake', '请补充评估。'), true],
      ['a second submission on it', () => commitOnBranch(repo, staff.worker, '2026-03-06', `submit/${pending}`, casePath(pending), `${caseText({ id: pending })}\n补充（虚构）\n`, 'intake'), true],
      ['the merge of the branch the snapshot held', async () => {
        const head = repo.git(staff.worker, at('2026-03-07'), 'rev-parse', `submit/${pending}`).trim();
        mergeByHand(repo, staff.supervisor, '2026-03-07', `submit/${pending}`, approvalMessage(pending, 'intake', 'S04', 'supervisor', head));
      }, true],
      ['a direct push to main', () => repo.commit(staff.worker, at('2026-03-08'), 'Fix a typo', { [casePath('cases/2026-0001')]: caseText({ id: 'cases/2026-0001', intake: '2026-03-01' }) }), true],
      ['a merge that rewrote what it approves', () => mergeRewritten(repo, 'cases/2026-0004', '2026-03-09'), true],
      ['the merged branch deleted', async () => repo.git(staff.supervisor, at('2026-03-10'), 'branch', '-q', '-D', `submit/${pending}`), true],
      ['a branch deleted unmerged', async () => {
        await commitOnBranch(repo, staff.worker, '2026-03-11', 'submit/cases/2026-0005', casePath('cases/2026-0005'), caseText({ id: 'cases/2026-0005' }), 'intake');
        await buildThenRead(repo);
        repo.git(staff.worker, at('2026-03-11'), 'branch', '-q', '-D', 'submit/cases/2026-0005');
      }, false],
      ['staff.yaml changed on main', async () => {
        await approve(repo, 6, '2026-03-12');
        await buildThenRead(repo);
        await repo.commit(staff.orgHead, at('2026-03-12', '18:00:00'), 'Roster', { 'content/staff.yaml': (await repo.read('content/staff.yaml')).replace('\nescrow:', `\n${addedWorker}escrow:`) });
      }, false],
      // The new commits carry the changed roster, not the one main started with.
      ['an approval merge after the roster changed', () => approve(repo, 7, '2026-03-13'), true],
    ];
    for (const [what, step, worked] of steps) {
      await step();
      const history = (await readHistory(repo.dir)) as History;
      const base = history.base && new LedgerSnapshot(join(cacheDir(repo))).read(history.base);
      const grown = base ? await extendFacts(repo.dir, base, history, 'swa-adoption') : null;
      expect(grown !== null, `${what}: worked forward`).toBe(worked);
      const full = (await readHistory(repo.dir, { snapshot: false })) as History;
      const forward = projection(await loadLedger(repo.dir, 'swa-adoption', Promise.resolve(history)), full);
      // The snapshot it kept, with the parts of the records that did not change copied from the last one.
      const kept = projection(await loadLedger(repo.dir, 'swa-adoption', readHistory(repo.dir)), full);
      const expected = projection(await loadLedger(repo.dir, 'swa-adoption', Promise.resolve(full)), full);
      expect(forward, what).toEqual(expected);
      expect(kept, `${what}: read back`).toEqual(expected);
    }
  }, 60_000);

  it('grown by a merge, appends the parts that changed to its file, and is written anew once a quarter of the file is parts no longer named', async () => {
    const repo = await archiveRepo();
    // Enough records that one merge changes a small share of the file.
    for (let n = 1; n <= 40; n++) await approve(repo, n, '2026-03-02');
    await buildThenRead(repo);
    const first = (await snapshotFiles(repo))[0] as string;
    const sizeOf = async (file: string) => (await readFile(join(cacheDir(repo), file))).length;
    let size = await sizeOf(first);
    /** The ledger worked forward from the snapshot (which writes it), then read back from what was written, against a full read. */
    const forwardThenBack = async (what: string) => {
      const history = (await readHistory(repo.dir)) as History;
      expect(history.base, `${what}: a snapshot to work forward from`).toBeDefined();
      const full = (await readHistory(repo.dir, { snapshot: false })) as History;
      // Read in full without the cache's key, so that no snapshot is written from it.
      const expected = projection(await loadLedger(repo.dir, 'swa-adoption', Promise.resolve({ ...full, key: undefined })), full);
      expect(projection(await loadLedger(repo.dir, 'swa-adoption', Promise.resolve(history)), full), what).toEqual(expected);
      const again = await readHistory(repo.dir);
      expect(again?.snapshot, `${what}: the snapshot written stands for the new tips`).toBeDefined();
      expect(projection(await loadLedger(repo.dir, 'swa-adoption', Promise.resolve(again)), full), `${what}: read back`).toEqual(expected);
    };
    const appended: boolean[] = [];
    const pending = 'cases/2026-0100';
    for (let step = 1; step <= 12; step++) {
      const day = `2026-03-${String(step + 2).padStart(2, '0')}`;
      // A later stage of a record approved before; a submission left pending, then merged.
      await approve(repo, step, day, 'session');
      if (step === 1) await commitOnBranch(repo, staff.worker, day, `submit/${pending}`, casePath(pending), caseText({ id: pending }), 'intake');
      if (step === 2) {
        const head = repo.git(staff.worker, at(day), 'rev-parse', `submit/${pending}`).trim();
        mergeByHand(repo, staff.supervisor, day, `submit/${pending}`, approvalMessage(pending, 'intake', 'S04', 'supervisor', head));
      }
      await forwardThenBack(`step ${step}`);
      const files = await snapshotFiles(repo);
      expect(files, `step ${step}: one snapshot file`).toHaveLength(1);
      const grew = files[0] === first && (await sizeOf(first)) > size;
      appended.push(grew);
      if (files[0] !== first) break;
      size = await sizeOf(first);
    }
    expect(appended.slice(0, 2), 'the first merges append').toEqual([true, true]);
    expect(appended.at(-1), 'the file is written anew in the end').toBe(false);

    // Another process appending (its lock stands): the facts are written to a new file instead.
    const [current] = await snapshotFiles(repo);
    await writeFile(join(cacheDir(repo), `${current}.lock`), '');
    await approve(repo, 20, '2026-03-20', 'session');
    console.error('LOCKSTEP', current);
    await forwardThenBack('beside a lock');
    console.error('AFTER', await snapshotFiles(repo));
    expect(await snapshotFiles(repo)).not.toContain(current);

    // A writer stopped after appending, before it wrote the state: the state's bytes are still there and believed.
    const [latest] = await snapshotFiles(repo);
    await approve(repo, 21, '2026-03-21', 'session');
    await writeFile(join(cacheDir(repo), latest as string), Buffer.concat([await readFile(join(cacheDir(repo), latest as string)), Buffer.from('{"cut short')]));
    await forwardThenBack('after bytes no state names');

    // Another process appended to the file after this one read it: the facts go to a new file.
    await approve(repo, 22, '2026-03-22', 'session');
    const history = (await readHistory(repo.dir)) as History;
    const snapshots = new LedgerSnapshot(cacheDir(repo));
    const grown = (await extendFacts(repo.dir, snapshots.read(history.base!)!, history, 'swa-adoption'))!;
    const [read] = await snapshotFiles(repo);
    await appendFile(join(cacheDir(repo), read as string), 'x');
    expect(snapshots.write(history.key!, 'swa-adoption', grown.facts, { found: history.base!, changed: grown.changed })).not.toBeNull();
    expect(await snapshotFiles(repo)).not.toContain(read);
    const full = (await readHistory(repo.dir, { snapshot: false })) as History;
    const again = await readHistory(repo.dir);
    expect(again?.snapshot).toBeDefined();
    expect(projection(await loadLedger(repo.dir, 'swa-adoption', Promise.resolve(again)), full)).toEqual(projection(await loadLedger(repo.dir, 'swa-adoption', Promise.resolve({ ...full, key: undefined })), full));
  }, 120_000);

  it('is not taken once a force-push dropped a merge, a tag moved, or the adoption point is another', async () => {
    const repo = await archiveRepo();
    await approve(repo, 1, '2026-03-02');
    await approve(repo, 2, '2026-03-03');
    await checkRepository(repo.dir, '2026-03-03');
    expect((await readHistory(repo.dir))?.snapshot).toBeDefined();

    // The adoption tag moved to a later commit: no tip moved, but the ledger starts elsewhere.
    repo.git(staff.orgHead, at('2026-03-04'), 'tag', '-f', 'swa-adoption', 'main~1');
    expect((await readHistory(repo.dir))?.snapshot).toBeUndefined();
    const moved = await buildThenRead(repo);
    expect(moved.read).toEqual(moved.built);
    expect(moved.read.ledger.approvals.map((a) => a.record)).toEqual(['cases/2026-0002']);

    // Another adoption point named in archive.yaml: the snapshot's ledger was built under the old one.
    const full = (await readHistory(repo.dir, { snapshot: false })) as History;
    const second = repo.git(staff.orgHead, at('2026-03-04'), 'rev-parse', 'main').trim();
    const underSnapshot = await readHistory(repo.dir);
    expect(underSnapshot?.snapshot?.adoptionRef).toBe('swa-adoption');
    const other = projection(await loadLedger(repo.dir, second, Promise.resolve(underSnapshot)), full);
    expect(other.ledger.adoption?.sha).toBe(second);
    expect(other).toEqual(projection(await loadLedger(repo.dir, second, Promise.resolve(full)), full));

    const dropped = repo.git(staff.orgHead, at('2026-03-04'), 'rev-parse', 'main').trim();
    repo.git(staff.orgHead, at('2026-03-04'), 'reset', '-q', '--hard', 'main~1');
    expect((await readHistory(repo.dir))?.snapshot).toBeUndefined();
    const after = await buildThenRead(repo);
    expect(after.read).toEqual(after.built);
    expect(after.read.ledger.approvalShas).not.toContain(dropped);
  }, 60_000);

  it('is built again when its file was cut short or changed, and gives the same ledger', async () => {
    const repo = await archiveRepo();
    await approve(repo, 1, '2026-03-02');
    const { built } = await buildThenRead(repo);
    const [file] = await snapshotFiles(repo);
    const path = join(cacheDir(repo), file as string);
    const bytes = await readFile(path);
    await writeFile(path, bytes.subarray(0, -10));
    expect((await readHistory(repo.dir))?.snapshot).toBeUndefined();
    // The same size, the last bytes changed: they are a record's lines, which are parsed only when asked for.
    await writeFile(path, Buffer.concat([bytes.subarray(0, -10), Buffer.from(']]]]]]]]]]')]));
    const history = await readHistory(repo.dir);
    expect(history?.snapshot).toBeDefined();
    const full = (await readHistory(repo.dir, { snapshot: false })) as History;
    expect(projection(await loadLedger(repo.dir, 'swa-adoption', Promise.resolve(history)), full)).toEqual(built);
  }, 60_000);

  it('built from a history handed over, empties its commits once it no longer needs them, and is the same ledger', async () => {
    const repo = await archiveRepo();
    await approve(repo, 1, '2026-03-02');
    await approve(repo, 2, '2026-03-03', 'intake');
    const kept = (await readHistory(repo.dir, { snapshot: false })) as History;
    const expected = projection(await loadLedger(repo.dir, 'swa-adoption', Promise.resolve(kept)), kept);
    expect(kept.commits.length).toBeGreaterThan(0);
    const handed = (await readHistory(repo.dir, { snapshot: false })) as History;
    const reference = { ...handed, commits: [...handed.commits] };
    const loaded = await loadLedger(repo.dir, 'swa-adoption', Promise.resolve(handed), undefined, true);
    expect(handed.commits).toEqual([]);
    expect(handed.bySha.size).toBe(0);
    expect(projection(loaded, reference)).toEqual(expected);
  }, 60_000);
});
