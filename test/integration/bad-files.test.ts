import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/check/check-archive.ts';
import { readArchiveFiles } from '../../src/records/read-archive.ts';
import { fixtureRoot, lineContaining, paths, replaceOnce, summary, today } from '../helpers/fixture.ts';
import { fixtureCopy, runSwa } from '../helpers/run-swa.ts';

/** A fixture copy on disk with a G-FREE error planted in the group, which must still be found. */
async function archiveWithFeeError(): Promise<string> {
  const dir = await fixtureCopy();
  const group = join(dir, paths.group);
  await writeFile(group, replaceOnce(await readFile(group, 'utf8'), 'participantFee: 0', 'participantFee: 30'));
  return dir;
}
const groupStillChecked = ['G-FREE', 'error', 'groups/2026-0001', 8] as const;
const checkDir = async (dir: string) => checkArchive(await readArchiveFiles(dir), today);

/** A record that breaks G-FREE and holds a phone number: findings about it would mean it was read. */
async function outsideRecord(id: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'swa-outside-'));
  const text = (await readFile(join(fixtureRoot, paths.case), 'utf8'))
    .replace('id: cases/2026-0001', `id: ${id}`)
    .replace('participantFee: 0', 'participantFee: 50');
  await writeFile(join(dir, 'record.md'), `${text}\n电话 13812345678\n`);
  return dir;
}

describe('a symbolic link inside content/ is reported and never followed', () => {
  it('a record that is a link to a file elsewhere', async () => {
    const dir = await archiveWithFeeError();
    await symlink(join(await outsideRecord('cases/2026-0009'), 'record.md'), join(dir, 'content/cases/2026/0009.md'));
    const result = await checkDir(dir);
    expect(summary(result)).toEqual([['PARSE', 'error', 'cases/2026-0009', 1], groupStillChecked]);
    expect(result.findings[0]?.message).toContain('符号链接');
  });

  it('control: the same file copied in is read and checked', async () => {
    const dir = await archiveWithFeeError();
    const text = await readFile(join(await outsideRecord('cases/2026-0009'), 'record.md'), 'utf8');
    await writeFile(join(dir, 'content/cases/2026/0009.md'), text);
    const rules = summary(await checkDir(dir)).filter(([, , record]) => record === 'cases/2026-0009').map(([rule]) => rule);
    expect(rules).toEqual(expect.arrayContaining(['G-FREE', 'G-CONFIDENTIAL']));
  });

  it('a folder that is a link', async () => {
    const dir = await archiveWithFeeError();
    const outside = await outsideRecord('cases/2027-0001');
    await symlink(outside, join(dir, 'content/cases/2027'));
    const result = await checkDir(dir);
    expect(summary(result)).toEqual([['PARSE', 'error', null, 1], groupStillChecked]);
    expect(result.findings[0]?.file).toBe('content/cases/2027');
  });

  it('content/ itself as a link to a folder outside: nothing behind it is read', async () => {
    const dir = await archiveWithFeeError();
    const outside = join(await mkdtemp(join(tmpdir(), 'swa-outside-')), 'content');
    await rename(join(dir, 'content'), outside);
    await writeFile(join(outside, 'cases/2026/0009.md'), await readFile(join(await outsideRecord('cases/2026-0009'), 'record.md')));
    await symlink(outside, join(dir, 'content'));
    const result = await checkDir(dir);
    expect(result.records).toBe(0);
    expect(result.findings.map((f) => [f.rule, f.severity, f.file])).toEqual([['PARSE', 'error', 'content']]);
    expect(result.findings[0]?.message).toContain('符号链接');
  });

  it('staff.yaml as a link: that one finding, not also "missing"', async () => {
    const dir = await archiveWithFeeError();
    const staffFile = join(dir, 'content/staff.yaml');
    const kept = join(await mkdtemp(join(tmpdir(), 'swa-outside-')), 'staff.yaml');
    await writeFile(kept, await readFile(staffFile));
    await rm(staffFile);
    await symlink(kept, staffFile);
    const result = await checkDir(dir);
    expect(summary(result)).toEqual([groupStillChecked, ['PARSE', 'error', null, 1], ['PARSE', 'warning', null, 1]]);
    expect(result.findings[1]).toMatchObject({ file: 'content/staff.yaml', message: expect.stringContaining('符号链接') });
  });

  it('a named pipe is reported without being opened (opening it would wait forever)', async () => {
    const dir = await archiveWithFeeError();
    execFileSync('mkfifo', [join(dir, 'content/cases/2026/0009.md')]);
    const result = await checkDir(dir);
    expect(summary(result)).toEqual([['PARSE', 'error', 'cases/2026-0009', 1], groupStillChecked]);
    expect(result.findings[0]?.message).toContain('不是普通文件');
  });
});

/** GBK bytes of `text`, from a table made by decoding every two-byte GBK code (Node has no GBK encoder). */
function gbk(text: string): Buffer {
  const codes = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) codes.set(decoder.decode(new Uint8Array([lead, trail])), [lead, trail]);
  }
  return Buffer.from(
    [...text].flatMap((char) => {
      if (char.charCodeAt(0) < 0x80) return [char.charCodeAt(0)];
      const code = codes.get(char);
      if (!code) throw new Error(`no GBK code for ${char}`);
      return code;
    }),
  );
}

describe('a record that is not UTF-8 gets one PARSE finding that says so', () => {
  const encodings: [string, (text: string) => Buffer, string, (text: string) => number][] = [
    ['GBK, as a Windows editor saves it', gbk, 'GBK', (text) => lineContaining(text, '虚构示例数据')],
    ['UTF-16 with a BOM', (text) => Buffer.from(`\uFEFF${text}`, 'utf16le'), 'UTF-16 编码（带 BOM）', () => 1],
    ['UTF-16 (big-endian) without a BOM', (text) => Buffer.from(text, 'utf16le').swap16(), 'UTF-16 编码（无 BOM）', () => 1],
    ['NUL bytes', (text) => Buffer.from(text.replace('worker: S05', 'worker: S05\0\0')), 'NUL 字节', (text) => lineContaining(text, 'worker:')],
  ];

  it.each(encodings)('%s', async (_, encode, found, line) => {
    const dir = await archiveWithFeeError();
    const file = join(dir, paths.case);
    const text = await readFile(file, 'utf8');
    await writeFile(file, encode(text));
    const result = await checkDir(dir);
    expect(summary(result)).toEqual([['PARSE', 'error', 'cases/2026-0001', line(text)], groupStillChecked]);
    expect(result.findings[0]?.message).toMatch(/^文件不是 UTF-8 编码：/);
    expect(result.findings[0]?.message).toContain(found);
  });

  it('control: the same record in UTF-8 (with a BOM, as some editors add) is checked as usual', async () => {
    const dir = await archiveWithFeeError();
    const file = join(dir, paths.case);
    await writeFile(file, `\uFEFF${await readFile(file, 'utf8')}`);
    expect(summary(await checkDir(dir))).toEqual([groupStillChecked]);
  });
});

describe('swa check, the executable', () => {
  it('reports a GBK record on its line and leaves the file as it was', async () => {
    const dir = await archiveWithFeeError();
    await mkdir(join(dir, 'content/cases/2025'));
    const gbkFile = join(dir, 'content/cases/2025/0001.md');
    await writeFile(gbkFile, gbk('---\nid: cases/2025-0001\ntitle: 中文标题\n---\n'));
    const before = await readFile(gbkFile);
    const run = await runSwa(['check', '--json', '--today', today], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).findings).toContainEqual(expect.objectContaining({ rule: 'PARSE', file: 'content/cases/2025/0001.md', line: 3 }));
    expect(await readFile(gbkFile)).toEqual(before);
  });
});
