import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { actingAs } from '../../src/git.ts';
import type { createWorkbench } from '../../src/workbench/server.ts';
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
            // A server that crashed has exited already: waiting for its exit would never end.
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** A workbench app in this process, its session opened with the start token: get and post as its browser would. */
export async function workbenchSession(app: ReturnType<typeof createWorkbench>, port: number, token: string) {
  const base = `http://127.0.0.1:${port}`;
  const host = { host: `127.0.0.1:${port}` };
  const cookie = ((await app.request(`${base}/?token=${token}`, { headers: host })).headers.get('set-cookie') ?? '').split(';')[0] as string;
  const get = async (path: string) => (await app.request(`${base}${path}`, { headers: { ...host, cookie } })).text();
  const post = (path: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
    app.request(`${base}${path}`, { method: 'POST', headers: { ...host, cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(body).toString() });
  return { get, post };
}

/** The value of a hidden field (csrf, base, head) in a page. */
export const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] as string;

/** While the file's tests run, the commits the workbench makes carry this fixed time, with no user or system git config read. */
export function fixedGitTime(date: string): void {
  const saved = { ...process.env };
  beforeAll(() => {
    Object.assign(process.env, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' });
  });
  afterAll(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });
}
