import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitEnv, staff, type Person } from '../helpers/git-repo.ts';
import { fixtureCopy, runSwa } from '../helpers/run-swa.ts';

const today = ['--today', '2026-11-29'];
const newCase = (dir: string, person: Person, extra: string[] = []) => runSwa(['new', 'case', ...extra, ...today], dir, gitEnv(person, '2026-11-29T10:00:00+08:00'));
const frontmatterOf = async (dir: string) => (await readFile(join(dir, 'content/cases/2026/0003.md'), 'utf8')).split('\n---\n')[0] as string;

describe('swa new without --worker', () => {
  it('fills in the user as the worker, with their post, when their git identity maps to a worker', async () => {
    const dir = await fixtureCopy();
    const created = await newCase(dir, staff.westWorker);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('负责社工填为 S06（你的 git 身份在名册中对应的社工；另选请用 --worker）');
    const text = await frontmatterOf(dir);
    expect(text).toMatch(/^worker: S06\b/m);
    expect(text).toMatch(/^post: P02\b/m);
  }, 60_000);

  it('leaves worker and post blank for someone who is not a worker, and --worker still wins', async () => {
    const blank = await fixtureCopy();
    expect((await newCase(blank, staff.supervisor)).stdout).not.toContain('负责社工填为');
    expect(await frontmatterOf(blank)).toMatch(/^worker: *(#.*)?$/m);

    const chosen = await fixtureCopy();
    const created = await newCase(chosen, staff.westWorker, ['--worker', 'S05']);
    expect(created.stdout).not.toContain('负责社工填为');
    expect(await frontmatterOf(chosen)).toMatch(/^worker: S05\b/m);
  }, 60_000);

  it('fills in the user as the supervisor of a supervision record when their git identity maps to a supervisor', async () => {
    const dir = await fixtureCopy();
    const created = await runSwa(['new', 'supervision', ...today], dir, gitEnv(staff.supervisor, '2026-11-29T10:00:00+08:00'));
    expect(created.stdout).toContain('督导填为 S04（你的 git 身份在名册中对应的督导；另选请用 --supervisor）');
    const text = (await readFile(join(dir, 'content/supervision/2026/0001.md'), 'utf8')).split('\n---\n')[0] as string;
    expect(text).toMatch(/^supervisor: S04\b/m);
    // S04 supervises two posts: which one the session was for is left to fill in.
    expect(text).toMatch(/^post: *(#.*)?$/m);
  }, 60_000);
});
