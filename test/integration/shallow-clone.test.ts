import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRepository } from '../../src/check/check-repository.ts';
import { ArchiveRepo, archiveRepo, staff } from '../helpers/git-repo.ts';

const today = '2026-11-29';
const date = '2026-01-06T09:00:00+08:00';
const findingsOf = async (repo: ArchiveRepo) => (await checkRepository(repo.dir, today)).findings.map((f) => [f.rule, f.severity, f.file, f.line] as const);

/** The adoption commit, then one more on main (outside content/, so no approval is owed): a depth-1 clone lacks the adoption point. */
async function origin(): Promise<ArchiveRepo> {
  const repo = await archiveRepo();
  await repo.commit(staff.orgHead, date, 'Notes for the team', { 'docs/notes.md': '会议记录\n' });
  return repo;
}

async function cloneOf(repo: ArchiveRepo, ...options: string[]): Promise<ArchiveRepo> {
  const dir = join(await mkdtemp(join(tmpdir(), 'swa-clone-')), 'archive');
  repo.git(staff.orgHead, date, 'clone', '-q', ...options, `file://${repo.dir}`, dir);
  return new ArchiveRepo(dir);
}

describe('a shallow clone (git clone --depth 1, a common CI default)', () => {
  it('is named as shallow, with how to fetch the history, not as a missing adoption point', async () => {
    const clone = await cloneOf(await origin(), '--depth', '1');
    const { findings } = await checkRepository(clone.dir, today);
    expect(findings.map((f) => [f.rule, f.severity, f.file, f.line])).toEqual([['PARSE', 'error', 'content/archive.yaml', 1]]);
    expect(findings[0]?.message).toContain('浅克隆');
    expect(findings[0]?.message).toContain('fetch-depth: 0');
    expect(findings[0]?.message).toContain('git fetch --unshallow');
    expect(findings[0]?.message).not.toContain('找不到');
  });

  it('control: a complete clone of the same repository is clean', async () => {
    expect(await findingsOf(await cloneOf(await origin()))).toEqual([]);
  });

  it.each([
    ['', false],
    [' (checked in a worktree, whose clone keeps the shallow file in the main git directory)', true],
  ])('is clean once unshallowed, although no tip moved: the history cache notices%s', async (_, inWorktree) => {
    const clone = await cloneOf(await origin(), '--depth', '1');
    const checked = inWorktree ? join(clone.dir, '..', 'worktree') : clone.dir;
    if (inWorktree) clone.git(staff.orgHead, date, 'worktree', 'add', '-q', '-b', 'review', checked);
    // The adoption tag fetched on its own (still shallow), so that unshallowing changes no ref at all.
    clone.git(staff.orgHead, date, 'fetch', '-q', '--depth', '1', 'origin', 'tag', 'swa-adoption');
    expect(await findingsOf(new ArchiveRepo(checked))).toEqual([['PARSE', 'error', 'content/archive.yaml', 1]]);
    const refs = clone.git(staff.orgHead, date, 'for-each-ref');
    clone.git(staff.orgHead, date, 'fetch', '-q', '--unshallow');
    expect(clone.git(staff.orgHead, date, 'for-each-ref')).toBe(refs);
    expect(await findingsOf(new ArchiveRepo(checked))).toEqual([]);
  });
});
