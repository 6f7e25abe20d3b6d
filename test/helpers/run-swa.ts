import { execFile } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtureRoot } from './fixture.ts';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(repoRoot, 'bin/swa.mjs');

export interface SwaRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `swa` executable, as a user would, in `cwd`. */
export function runSwa(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<SwaRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, env: { ...env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A private copy of the fixture archive in a temporary folder. */
export async function fixtureCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'swa-test-'));
  await cp(fixtureRoot, dir, { recursive: true });
  return dir;
}
