// A `git` in front of PATH that records the arguments of every git process swa starts and then
// becomes the real git: the benchmark replays the project's own `git log` as its floor, however
// the ledger happens to call it today.
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function gitSpy(): Promise<{ env: NodeJS.ProcessEnv; calls(): Promise<string[][]> }> {
  const dir = await mkdtemp(join(tmpdir(), 'swa-bench-git-'));
  const log = join(dir, 'calls');
  const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  await writeFile(join(dir, 'git'), `#!/bin/sh\nprintf '%s\\0' "$@" >> '${log}'\nprintf '\\001' >> '${log}'\nexec '${real}' "$@"\n`);
  await chmod(join(dir, 'git'), 0o755);
  return {
    env: { ...process.env, PATH: `${dir}:${process.env.PATH ?? ''}` },
    /** The calls recorded so far; the spy is removed. */
    calls: async () => {
      const recorded = await readFile(log, 'utf8').catch(() => '');
      await rm(dir, { recursive: true, force: true });
      return recorded
        .split('\u0001')
        .filter(Boolean)
        .map((call) => call.split('\0').slice(0, -1));
    },
  };
}
