import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`), cwd: '/nonexistent' });
  return { code, out, err };
}

describe('swa help, generated from the command declarations', () => {
  it('swa --help lists every command with its usage and summary', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toMatchSnapshot();
  });

  it('swa approve --help prints that command\'s usage and options, not an error', async () => {
    const { code, out, err } = await run(['approve', '--help']);
    expect([code, err]).toEqual([0, '']);
    expect(out).toMatchSnapshot();
  });

  it('describes every option every command declares', async () => {
    const names = [...new Set([...(await run(['--help'])).out.matchAll(/^ {2}swa ([a-z-]+)/gm)].map((m) => m[1] as string))];
    expect(names.length).toBeGreaterThan(15);
    for (const name of names) {
      const { code, out } = await run([name, '-h']);
      expect(code).toBe(0);
      const options = out.split('选项：\n')[1]?.trim().split('\n') ?? [];
      expect(options.filter((line) => !/^--\S+( \S+)? +\S/.test(line.trim())), name).toEqual([]);
    }
  });
});
