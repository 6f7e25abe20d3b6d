import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { actingAs } from '../../src/git.ts';
import { repoRoot } from './run-swa.ts';

export interface RunningWorkbench {
  url: string;
  origin: string;
  /** Everything the server wrote to stderr: its request log. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * `swa workbench` in a process of its own, as one person (their git identity and a fixed time, no
 * user config read): resolves with the address it prints, token included.
 */
export function startWorkbench(root: string, person: { name: string; email: string }, date: string, args: readonly string[] = []): Promise<RunningWorkbench> {
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'bin/swa.mjs'), 'workbench', '--root', root, '--port', '0', ...args], {
    env: { ...actingAs(person, date), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`swa workbench exited (${code}): ${err}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out)?.[0];
      if (!url) return;
      child.removeAllListeners('exit');
      resolve({
        url,
        origin: new URL(url).origin,
        log: () => err,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
