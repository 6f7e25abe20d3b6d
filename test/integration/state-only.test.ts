import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBranchRecords } from '../../src/approvals/branch-records.ts';
import { statusOf } from '../../src/approvals/status.ts';
import { dueList } from '../../src/archive/due.ts';
import { checkRepository, type RepositoryCheck } from '../../src/check/check-repository.ts';
import { generateDemo } from '../../src/demo/generate-demo.ts';
import { repoRoot } from '../helpers/run-swa.ts';

const today = '2026-11-29';

describe('a check for the state alone (swa due, swa status)', () => {
  it('gives the demo the same due list and status as the whole check, without the findings only rules report', async () => {
    const demo = join(await mkdtemp(join(tmpdir(), 'swa-state-only-')), 'demo');
    await generateDemo({ source: repoRoot, out: demo, today });
    const full = await checkRepository(demo, today);
    const state = await checkRepository(demo, today, { stateOnly: true });
    const dueOf = async (repo: RepositoryCheck) => dueList(repo.context!, repo.history, await readBranchRecords(demo, repo.history!));
    expect(await dueOf(state)).toEqual(await dueOf(full));
    expect((await dueOf(full)).length).toBeGreaterThan(0);
    expect(state.history!.records.map((r) => statusOf(state.history!, r))).toEqual(full.history!.records.map((r) => statusOf(full.history!, r)));
    // The demo's invalid approvals are the same ones: integrity ran.
    expect([...state.history!.invalid]).toEqual([...full.history!.invalid]);
    expect(state.findings.length).toBeLessThan(full.findings.length);
  }, 120_000);
});
