import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-swa.ts';

/** A package with the real bin/swa.mjs, a src/ and a compiled lib/bundle/ whose runCli say which one ran. */
let pkg: string;

async function write(file: string, text: string, seconds: number): Promise<void> {
  await mkdir(dirname(join(pkg, file)), { recursive: true });
  await writeFile(join(pkg, file), text);
  await utimes(join(pkg, file), seconds, seconds);
}

const runCli = (from: string) => `export async function runCli(argv, io) { io.out('${from} ' + argv.join(' ')); return 3; }\n`;

function start(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(pkg, 'bin/swa.mjs'), '--help'], (error, stdout, stderr) => resolve({ code: error ? error.code as number : 0, stdout, stderr }));
  });
}

beforeEach(async () => {
  pkg = await mkdtemp(join(tmpdir(), 'swa-bin-'));
  await mkdir(join(pkg, 'bin'));
  await copyFile(join(repoRoot, 'bin/swa.mjs'), join(pkg, 'bin/swa.mjs'));
  await symlink(join(repoRoot, 'node_modules'), join(pkg, 'node_modules'));
  await writeFile(join(pkg, 'package.json'), '{ "type": "module" }\n');
  await write('src/cli/main.ts', runCli('source'), 1_000);
  await write('src/cli/errors.ts', 'export {};\n', 1_000);
  await write('lib/bundle/main.js', runCli('compiled'), 2_000);
  return () => rm(pkg, { recursive: true, force: true });
});

describe('bin/swa.mjs', () => {
  it('runs the compiled lib/ when every source is older than its output', async () => {
    await write('src/pages/index.astro', '<p>not part of the CLI</p>\n', 3_000);
    expect(await start()).toEqual({ code: 3, stdout: 'compiled --help\n', stderr: '' });
  });

  it('runs src/ through tsx, with a note, when a source is newer than its output', async () => {
    await write('src/cli/errors.ts', 'export {};\n', 3_000);
    const run = await start();
    expect([run.code, run.stdout]).toEqual([3, 'source --help\n']);
    expect(run.stderr).toBe('swa：src/cli/errors.ts 比编译结果新，本次经 tsx 直接运行源代码（较慢）；运行 npm run compile 恢复快速启动\n');
  });

  it('runs src/ through tsx, with a note, when lib/ was never compiled', async () => {
    await rm(join(pkg, 'lib'), { recursive: true });
    const run = await start();
    expect([run.code, run.stdout]).toEqual([3, 'source --help\n']);
    expect(run.stderr).toContain('lib/ 中没有编译好的命令');
  });
});
