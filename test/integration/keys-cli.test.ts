import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paths, replaceOnce } from '../helpers/fixture.ts';
import { fixtureCopy, repoRoot, runSwa } from '../helpers/run-swa.ts';

const today = ['--today', '2026-11-29'];
const key = (name: string) => join(repoRoot, 'test/fixtures/keys', `${name}.agekey`);
const publicKeyOf = async (name: string) => /public key: (age1\w+)/.exec(await readFile(key(name), 'utf8'))?.[1] as string;

interface Finding {
  rule: string;
  severity: string;
  record: string | null;
  message: string;
}

/** `swa check --json` findings about records (the no-history warning left out). */
async function check(dir: string, identity?: string): Promise<{ code: number; findings: Finding[] }> {
  const run = await runSwa(['check', '--json', ...today, ...(identity ? ['--identity', key(identity)] : [])], dir);
  return { code: run.code, findings: (JSON.parse(run.stdout) as { findings: Finding[] }).findings.filter((f) => f.record !== null) };
}

const clientBlock = (text: string) => /^client: \|\n(?: {2}.*\n)+/m.exec(text)?.[0] as string;

describe('swa keys [G-ENCRYPTED-BAG]', () => {
  it('adds and removes a recipient, re-encrypting every block, and says old history stays readable', async () => {
    const dir = await fixtureCopy();
    expect((await check(dir, 'outsider')).findings.map((f) => f.message)).toEqual([
      expect.stringContaining('你的密钥不是此加密块的接收者'),
      expect.stringContaining('你的密钥不是此加密块的接收者'),
    ]);

    const added = await runSwa(['keys', 'add', 'S05', await publicKeyOf('outsider'), '--identity', key('escrow'), ...today], dir);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('已加密 2 份记录的个人资料，接收者：S04、S05及托管密钥');
    expect(added.stdout).toContain('git 历史中的旧版本仍按旧的接收者加密');
    expect(await check(dir, 'outsider')).toEqual({ code: 0, findings: [] });
    const roster = await readFile(join(dir, 'content/staff.yaml'), 'utf8');
    expect(roster.match(/encryptionKey:/g)).toHaveLength(2);

    const removed = await runSwa(['keys', 'remove', 'S05', '--identity', key('supervisor'), ...today], dir);
    expect(removed.code).toBe(0);
    expect((await check(dir, 'outsider')).findings.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(await check(dir, 'supervisor')).toEqual({ code: 0, findings: [] });
  });

  it('rotates: every block gets new ciphertext that today\'s recipients still open', async () => {
    const dir = await fixtureCopy();
    const before = await readFile(join(dir, paths.case), 'utf8');
    const run = await runSwa(['keys', 'rotate', '--identity', key('escrow'), ...today], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已加密 2 份记录的个人资料，接收者：S04及托管密钥');
    const after = await readFile(join(dir, paths.case), 'utf8');
    expect(clientBlock(after)).not.toBe(clientBlock(before));
    expect(after.replace(clientBlock(after), '')).toBe(before.replace(clientBlock(before), ''));
    expect(await check(dir, 'supervisor')).toEqual({ code: 0, findings: [] });
  });

  it('rotates without a key that opens the blocks: refuses and changes nothing', async () => {
    const dir = await fixtureCopy();
    const before = await readFile(join(dir, paths.case), 'utf8');
    const run = await runSwa(['keys', 'rotate', '--identity', key('outsider'), ...today], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('以下加密块无法用你的私钥打开，未做任何修改');
    expect(await readFile(join(dir, paths.case), 'utf8')).toBe(before);
  });

  it('finds a block pasted from another record and a tampered block, with a key only', async () => {
    const dir = await fixtureCopy();
    const own = await readFile(join(dir, paths.case), 'utf8');
    const other = await readFile(join(dir, paths.closedCase), 'utf8');
    await writeFile(join(dir, paths.closedCase), replaceOnce(other, clientBlock(other), clientBlock(own)));
    expect((await check(dir)).code).toBe(0);
    expect((await check(dir, 'supervisor')).findings).toEqual([
      expect.objectContaining({ rule: 'G-ENCRYPTED-BAG', severity: 'error', record: 'cases/2026-0002', message: expect.stringContaining('加密块属于 cases/2026-0001') }),
    ]);

    const lines = own.split('\n');
    const payload = lines.findIndex((l) => l.includes('-----END AGE')) - 1;
    lines[payload] = `  ${(lines[payload] as string).trim().startsWith('A') ? 'B' : 'A'}${(lines[payload] as string).trim().slice(1)}`;
    await writeFile(join(dir, paths.case), lines.join('\n'));
    expect((await check(dir, 'supervisor')).findings.map((f) => [f.record, /^加密块(无法解密|属于 cases\/2026-0001)/.exec(f.message)?.[0]])).toEqual([
      ['cases/2026-0001', '加密块无法解密'],
      ['cases/2026-0002', '加密块属于 cases/2026-0001'],
    ]);
  });

  it('refuses to rotate while a record holding a block cannot be read, naming it', async () => {
    const dir = await fixtureCopy();
    const broken = replaceOnce(await readFile(join(dir, paths.closedCase), 'utf8'), 'title: ', 'title: [未闭合 ');
    await writeFile(join(dir, paths.closedCase), broken);
    const before = await readFile(join(dir, paths.case), 'utf8');
    const run = await runSwa(['keys', 'rotate', '--identity', key('escrow'), ...today], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${paths.closedCase}：第`);
    expect(await readFile(join(dir, paths.case), 'utf8')).toBe(before);
  });

  it('refuses to rotate while a record holding a block is not UTF-8, naming it', async () => {
    const dir = await fixtureCopy();
    await writeFile(join(dir, paths.closedCase), Buffer.from(`\uFEFF${await readFile(join(dir, paths.closedCase), 'utf8')}`, 'utf16le'));
    const before = await readFile(join(dir, paths.case), 'utf8');
    const run = await runSwa(['keys', 'rotate', '--identity', key('escrow'), ...today], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${paths.closedCase}：第 1 行 文件不是 UTF-8 编码`);
    expect(await readFile(join(dir, paths.case), 'utf8')).toBe(before);
  });

  it('refuses a damaged private key with a plain message', async () => {
    const dir = await fixtureCopy();
    const damaged = join(dir, 'damaged.agekey');
    await writeFile(damaged, (await readFile(key('supervisor'), 'utf8')).replace(/(AGE-SECRET-KEY-1\w{10})\w+/, '$1'));
    const run = await runSwa(['check', '--identity', damaged, ...today], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('第 1 个 age 私钥无效');
  });

  it('reports plaintext personal data and seals it with swa keys seal', async () => {
    const dir = await fixtureCopy();
    const text = await readFile(join(dir, paths.closedCase), 'utf8');
    await writeFile(join(dir, paths.closedCase), replaceOnce(text, clientBlock(text), 'client:\n  name: 明文案主（虚构）\n'));
    expect((await check(dir)).findings.map((f) => [f.rule, f.record])).toEqual([['G-ENCRYPTED-BAG', 'cases/2026-0002']]);
    const sealed = await runSwa(['keys', 'seal', ...today], dir);
    expect(sealed.stdout).toContain('已加密 1 份记录的个人资料');
    expect(await readFile(join(dir, paths.closedCase), 'utf8')).not.toContain('明文案主');
    expect(await check(dir, 'escrow')).toEqual({ code: 0, findings: [] });
  });
});

describe('personal data outside the client block [G-CONFIDENTIAL]', () => {
  it('reports numbers in the narrative, honours a reasoned suppression, and finds the client’s own name with a key', async () => {
    const dir = await fixtureCopy();
    const text = await readFile(join(dir, paths.case), 'utf8');
    await writeFile(join(dir, paths.case), `${text}\n家长电话 13912345678，已告知。\n`);
    const found = await check(dir);
    expect(found.code).toBe(1);
    expect(found.findings.map((f) => [f.rule, f.severity, f.message.includes('手机号'), f.message.includes('13912345678')])).toEqual([
      ['G-CONFIDENTIAL', 'error', true, false],
    ]);

    await writeFile(join(dir, paths.case), `${text}\n<!-- swa-pii-ok: 机构公开的联络员电话 -->\n联络员电话 13912345678。\n`);
    expect(await check(dir)).toEqual({ code: 0, findings: [] });

    // A marker on a line with its own hit covers that line only, not the one below it.
    await writeFile(join(dir, paths.case), `${text}\n联络员 13912345678 <!-- swa-pii-ok: 机构公开电话 -->\n家长 13987654321\n`);
    expect((await check(dir)).findings.map((f) => f.message.slice(0, 6))).toEqual([`第 ${text.split('\n').length + 2} 行`]);

    const edit = await runSwa(['textconv', join(dir, paths.case), '--identity', key('supervisor')], dir);
    const name = /name: (\S+)/.exec(edit.stdout)?.[1] as string;
    await writeFile(join(dir, paths.case), `${text}\n本次面谈${name}情绪平稳。\n`);
    expect((await check(dir)).findings).toEqual([]);
    expect((await check(dir, 'supervisor')).findings.map((f) => [f.rule, f.message.includes('本记录的个人资料')])).toEqual([['G-CONFIDENTIAL', true]]);
    // The client's own name is never a false positive: a suppression does not hide it.
    await writeFile(join(dir, paths.case), `${text}\n本次面谈${name}情绪平稳。<!-- swa-pii-ok: 同名 -->\n`);
    expect((await check(dir, 'supervisor')).findings.map((f) => f.message.includes('不能用注释抑制'))).toEqual([true]);
  });
});

describe('swa edit [G-ENCRYPTED-BAG]', () => {
  /** An $EDITOR that copies `content` over the file it is given (or leaves it, for null), and notes the file's path. */
  async function editor(dir: string, content: string | null): Promise<string> {
    const script = join(dir, 'editor.sh');
    const copy = content === null ? '' : `printf '%s' '${content}' > "$1"\n`;
    await writeFile(script, `#!/bin/sh\necho "$1" >> "${join(dir, 'edited-paths')}"\n${copy}`, { mode: 0o755 });
    return script;
  }
  const edit = (dir: string, script: string, record: string) =>
    runSwa(['edit', record, '--identity', key('supervisor'), ...today], dir, { ...process.env, EDITOR: script });

  it('fills in a fresh draft, re-encrypts, and removes the decrypted temporary file', async () => {
    const dir = await fixtureCopy();
    expect((await runSwa(['new', 'case', '--worker', 'S05', ...today], dir)).code).toBe(0);
    const run = await edit(dir, await editor(dir, 'name: 草稿案主（虚构）\n'), 'cases/2026-0003');
    expect(run.stdout).toContain('已重新加密 content/cases/2026/0003.md');
    const text = await readFile(join(dir, 'content/cases/2026/0003.md'), 'utf8');
    expect(text).not.toContain('草稿案主');
    const shown = await runSwa(['textconv', join(dir, 'content/cases/2026/0003.md'), '--identity', key('supervisor')], dir);
    expect(shown.stdout).toContain('name: 草稿案主（虚构）');
    const temporary = (await readFile(join(dir, 'edited-paths'), 'utf8')).trim();
    await expect(readFile(temporary)).rejects.toThrow();
  });

  it('removes the decrypted file when the edit is interrupted', async () => {
    const dir = await fixtureCopy();
    // Interrupts swa itself (found up the process tree), as Ctrl-C in the terminal would.
    const script = join(dir, 'editor.sh');
    await writeFile(
      script,
      `#!/bin/sh\necho "$1" >> "${join(dir, 'edited-paths')}"\np=$PPID\nfor i in 1 2 3 4; do\n  if grep -q swa.mjs /proc/$p/cmdline 2>/dev/null; then kill -INT $p; break; fi\n  p=$(awk '/^PPid:/{print $2}' /proc/$p/status)\ndone\nsleep 1\n`,
      { mode: 0o755 },
    );
    const before = await readFile(join(dir, paths.case), 'utf8');
    const run = await edit(dir, script, 'cases/2026-0001');
    expect(run.code).not.toBe(0);
    const temporary = (await readFile(join(dir, 'edited-paths'), 'utf8')).trim();
    await expect(readFile(temporary)).rejects.toThrow();
    expect(await readFile(join(dir, paths.case), 'utf8')).toBe(before);
  });

  it('leaves a consultation without personal data as it is when the template comes back blank', async () => {
    const dir = await fixtureCopy();
    const path = 'content/consultations/2026/0001.md';
    const before = await readFile(join(dir, path), 'utf8');
    const run = await edit(dir, await editor(dir, null), 'consultations/2026-0001');
    expect(run.stdout).toContain('个人资料未改动');
    expect(await readFile(join(dir, path), 'utf8')).toBe(before);
  });

  it('leaves the record byte for byte when nothing changed', async () => {
    const dir = await fixtureCopy();
    const before = await readFile(join(dir, paths.case), 'utf8');
    const run = await edit(dir, await editor(dir, null), 'cases/2026-0001');
    expect(run.stdout).toContain('个人资料未改动');
    expect(await readFile(join(dir, paths.case), 'utf8')).toBe(before);
  });

  it('hands invalid data back to the editor, then gives up without writing', async () => {
    const dir = await fixtureCopy();
    const before = await readFile(join(dir, paths.case), 'utf8');
    const run = await edit(dir, await editor(dir, 'phone: 13800138000\n'), 'cases/2026-0001');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('连续 3 次未通过检查，记录未修改');
    expect(run.stderr).toContain('「姓名」');
    expect((await readFile(join(dir, 'edited-paths'), 'utf8')).trim().split('\n')).toHaveLength(3);
    expect(await readFile(join(dir, paths.case), 'utf8')).toBe(before);
  });
});
