import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/check/check-archive.ts';
import { fixtureFiles, lineContaining, paths, replaceOnce, summary, textOf, today, withFile } from '../helpers/fixture.ts';

/** The fixture with `path` set to `text`, plus a G-FREE error planted in the group, which must still be found. */
async function checkWith(path: string, text: string) {
  const files = await fixtureFiles();
  const group = replaceOnce(textOf(files, paths.group), 'participantFee: 0', 'participantFee: 30');
  return checkArchive(withFile(withFile(files, paths.group, group), path, text), today);
}

const groupStillChecked = ['G-FREE', 'error', 'groups/2026-0001', 8] as const;

describe('bad input gets one clear finding and the other records are still checked', () => {
  it('malformed YAML', async () => {
    const text = '---\nid: cases/2026-0009\ntitle: [未闭合\ncategory: QSN\n---\n';
    const result = await checkWith('content/cases/2026/0009.md', text);
    expect(summary(result)).toEqual([['PARSE', 'error', 'cases/2026-0009', 4], groupStillChecked]);
    expect(result.findings[0]?.message).toContain('YAML 格式错误');
  });

  it('a key written twice', async () => {
    const files = await fixtureFiles();
    const text = replaceOnce(textOf(files, paths.consultation), 'channel: 热线', 'channel: 热线\nchannel: 电话');
    const result = await checkWith(paths.consultation, text);
    expect(summary(result)).toEqual([['PARSE', 'error', 'consultations/2026-0001', lineContaining(text, 'channel: 电话')], groupStillChecked]);
  });

  it('a wrong type', async () => {
    const files = await fixtureFiles();
    const text = replaceOnce(textOf(files, paths.group), 'attendance: 11, volunteers: 1', 'attendance: 十一, volunteers: 1');
    const result = checkArchive(withFile(files, paths.group, text), today);
    expect(summary(result)).toEqual([['SCHEMA', 'error', 'groups/2026-0001', lineContaining(text, '十一')]]);
    expect(result.findings[0]?.message).toBe('小组记录的「小组集会记录表 › 第3项 › 出席人数」应为人数');
  });

  it('a misspelt field name', async () => {
    const files = await fixtureFiles();
    const text = replaceOnce(textOf(files, paths.case), 'followUps:', 'folowUps:');
    const result = await checkWith(paths.case, text);
    expect(summary(result)).toEqual([
      // The misspelt key also hides the follow-up it held, which the rule then misses.
      ['C-FOLLOW-UP', 'warning', 'cases/2026-0001', lineContaining(text, 'closingForm:')],
      ['SCHEMA', 'error', 'cases/2026-0001', lineContaining(text, 'folowUps:')],
      groupStillChecked,
    ]);
    expect(result.findings[1]?.message).toContain('未知字段「folowUps」');
  });

  it('a worker who is not on the roster', async () => {
    const files = await fixtureFiles();
    const text = replaceOnce(textOf(files, paths.closedCase), 'worker: S06', 'worker: S99');
    const result = await checkWith(paths.closedCase, text);
    expect(summary(result)).toEqual([['SCHEMA', 'error', 'cases/2026-0002', lineContaining(text, 'worker:')], groupStillChecked]);
  });

  it('a duplicate id: a copied file that kept the original id', async () => {
    const files = await fixtureFiles();
    const result = await checkWith('content/cases/2026/0003.md', textOf(files, paths.case));
    expect(summary(result)).toEqual([['SCHEMA', 'error', 'cases/2026-0003', 3], groupStillChecked]);
    expect(result.findings[0]?.message).toContain('应为 cases/2026-0003');
  });

  it('a record in .mdx', async () => {
    const files = await fixtureFiles();
    const result = await checkWith('content/cases/2026/0004.mdx', textOf(files, paths.case));
    expect(summary(result)).toEqual([['PARSE', 'error', null, 1], groupStillChecked]);
    expect(result.findings[0]?.message).toContain('.mdx');
  });

  it('an empty file', async () => {
    const result = await checkWith('content/cases/2026/0005.md', '');
    expect(summary(result)).toEqual([['PARSE', 'error', 'cases/2026-0005', 1], groupStillChecked]);
    expect(result.findings[0]?.message).toContain('文件为空');
  });

  it('a file without frontmatter', async () => {
    const result = await checkWith('content/cases/2026/0005.md', '# 只是一段笔记\n');
    expect(summary(result)).toEqual([['PARSE', 'error', 'cases/2026-0005', 1], groupStillChecked]);
  });

  it.each(['content/cases/2026/42.md', 'content/cases/zhang-san.md', 'content/cases/2026/0042-lin.md'])(
    'a file outside the id pattern: %s',
    async (path) => {
      const files = await fixtureFiles();
      const result = await checkWith(path, textOf(files, paths.case));
      expect(summary(result)).toEqual([['PARSE', 'error', null, 1], groupStillChecked]);
      expect(result.findings[0]?.file).toBe(path);
    },
  );

  it('a file over the size limit is reported without being read', async () => {
    const files = await fixtureFiles();
    const result = checkArchive([...files, { path: 'content/cases/2026/0006.md', bytes: 5 * 1024 * 1024 }], today);
    expect(summary(result)).toEqual([['PARSE', 'error', null, 1]]);
    expect(result.findings[0]?.message).toContain('文件过大（5.0 MB）');
  });

  it('a BOM and CRLF line endings are accepted, and lines still point right', async () => {
    const files = await fixtureFiles();
    const text = replaceOnce(textOf(files, paths.case), 'participantFee: 0', 'participantFee: 5');
    const windows = `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    const result = checkArchive(withFile(files, paths.case, windows), today);
    expect(summary(result)).toEqual([['G-FREE', 'error', 'cases/2026-0001', lineContaining(text, 'participantFee')]]);
  });

  it('a broken roster still lets every record be parsed and schema-checked', async () => {
    const files = await fixtureFiles();
    const badRoster = withFile(files, 'content/staff.yaml', 'people: [\n');
    const caseText = replaceOnce(textOf(files, paths.case), 'gender: 女', 'gender: 未知');
    const result = checkArchive(withFile(badRoster, paths.case, caseText), today);
    expect(summary(result)).toEqual([
      ['SCHEMA', 'error', 'cases/2026-0001', lineContaining(caseText, 'gender:')],
      ['PARSE', 'warning', null, 1],
      ['PARSE', 'error', null, 2],
    ]);
  });

  describe('a YAML alias bomb fails fast with one PARSE finding', () => {
    // Ten lines that stand for 10^9 values: every walk over the data (schema, pruning) would take minutes.
    const bomb = ['l0: &l0 [哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈]', ...Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]`)];

    it('in a record', async () => {
      const started = performance.now();
      const result = await checkWith('content/cases/2026/0009.md', `---\nid: cases/2026-0009\n${bomb.join('\n')}\n---\n`);
      expect(performance.now() - started).toBeLessThan(5000);
      expect(summary(result)).toEqual([['PARSE', 'error', 'cases/2026-0009', 4], groupStillChecked]);
      expect(result.findings[0]?.message).toContain('不能使用锚点（&）和别名（*）');
    });

    it('in staff.yaml', async () => {
      const files = await fixtureFiles();
      const roster = `${textOf(files, 'content/staff.yaml')}${bomb.join('\n')}\n`;
      const started = performance.now();
      const result = await checkWith('content/staff.yaml', roster);
      expect(performance.now() - started).toBeLessThan(5000);
      expect(summary(result)).toEqual([groupStillChecked, ['PARSE', 'warning', null, 1], ['PARSE', 'error', null, lineContaining(roster, '*l0')]]);
    });

    it('control: a * that is no alias is an ordinary character', async () => {
      const files = await fixtureFiles();
      const text = replaceOnce(textOf(files, paths.case), 'title: 初中生学业压力与亲子沟通个案', 'title: 初中生学业压力*亲子沟通个案');
      const result = await checkWith(paths.case, text);
      expect(summary(result)).toEqual([groupStillChecked]);
    });
  });

  describe('a broken staff.yaml or archive.yaml is reported once and stops only the rules that need it', () => {
    // A phone number in a case's narrative (PII scan), the group's fee (G-FREE), a worker not on the
    // roster (needs staff.yaml) and a category not in the code tables (needs archive.yaml).
    async function checkBroken(file: string, edit: (text: string) => string) {
      const files = await fixtureFiles();
      const caseText = `${textOf(files, paths.case)}\n案主母亲电话 13812345678\n`;
      const closed = replaceOnce(textOf(files, paths.closedCase), 'worker: S06', 'worker: S99');
      const consultation = replaceOnce(textOf(files, paths.consultation), 'category: RX', 'category: XX');
      let edited = withFile(withFile(withFile(files, paths.case, caseText), paths.closedCase, closed), paths.consultation, consultation);
      edited = withFile(edited, file, edit(textOf(files, file)));
      const group = replaceOnce(textOf(files, paths.group), 'participantFee: 0', 'participantFee: 30');
      const result = checkArchive(withFile(edited, paths.group, group), today);
      return { result, phoneLine: lineContaining(caseText, '13812345678'), workerLine: lineContaining(closed, 'worker: S99'), categoryLine: lineContaining(consultation, 'category: XX') };
    }
    const pii = (line: number) => ['G-CONFIDENTIAL', 'error', 'cases/2026-0001', line] as const;

    it('control: with both files intact every planted fault is found', async () => {
      const { result, phoneLine, workerLine, categoryLine } = await checkBroken('content/staff.yaml', (text) => text);
      expect(summary(result)).toEqual([
        pii(phoneLine),
        ['SCHEMA', 'error', 'cases/2026-0002', workerLine],
        ['G-ARCHIVE-NO', 'error', 'consultations/2026-0001', categoryLine],
        groupStillChecked,
      ]);
    });

    it('staff.yaml', async () => {
      const { result, phoneLine, categoryLine } = await checkBroken('content/staff.yaml', () => 'people: [\n');
      expect(summary(result)).toEqual([
        pii(phoneLine),
        ['G-ARCHIVE-NO', 'error', 'consultations/2026-0001', categoryLine],
        groupStillChecked,
        ['PARSE', 'warning', null, 1],
        ['PARSE', 'error', null, 2],
      ]);
      expect(result.findings.filter((f) => f.file === 'content/staff.yaml').map((f) => f.message)).toEqual([
        expect.stringContaining('名册无法读取，已跳过依赖它的规则'),
        expect.stringContaining('YAML 格式错误'),
      ]);
      expect(result.context).toBeNull();
    });

    it('archive.yaml', async () => {
      const broken = (text: string) => replaceOnce(text, '  QSN: 青少年\n', '  QSN: 青少年\n  qsn: 小写\n');
      const { result, phoneLine, workerLine } = await checkBroken('content/archive.yaml', broken);
      const files = await fixtureFiles();
      expect(summary(result)).toEqual([
        ['PARSE', 'warning', null, 1],
        ['SCHEMA', 'error', null, lineContaining(broken(textOf(files, 'content/archive.yaml')), 'qsn: 小写')],
        pii(phoneLine),
        ['SCHEMA', 'error', 'cases/2026-0002', workerLine],
        groupStillChecked,
      ]);
      expect(result.findings[0]?.message).toContain('代码表无法读取，已跳过依赖它的规则');
    });
  });

  it('a roster that gives one e-mail to two people', async () => {
    const files = await fixtureFiles();
    const roster = replaceOnce(textOf(files, 'content/staff.yaml'), 'emails: [fang.rx@mingxi.example]', 'emails: [chen.yh@mingxi.example]');
    const result = checkArchive(withFile(files, 'content/staff.yaml', roster), today);
    expect(summary(result)).toEqual([['SCHEMA', 'error', null, lineContaining(roster, 'name: 方若溪') + 3]]);
    expect(result.findings[0]?.message).toContain('已属于 S05');
  });

  it('a roster signing key that is not an SSH key, which A-SIGNATURE cannot verify', async () => {
    const files = await fixtureFiles();
    const roster = replaceOnce(
      textOf(files, 'content/staff.yaml'),
      '    git: { names: [许慕言], emails: [xu.my@mingxi.example], logins: ["github:xu-my"] }\n',
      '    git: { names: [许慕言], emails: [xu.my@mingxi.example], logins: ["github:xu-my"] }\n    signingKeys: ["4AEE18F83AFDEB23"]\n',
    );
    const result = checkArchive(withFile(files, 'content/staff.yaml', roster), today);
    expect(summary(result)).toEqual([['SCHEMA', 'error', null, lineContaining(roster, 'signingKeys')]]);
    expect(result.findings[0]?.message).toContain('不是 SSH 公钥');
  });
});

