import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/check/check-archive.ts';
import { nameSuspects } from '../../src/privacy/person-names.ts';
import { publishedStrings } from '../../src/privacy/published-fields.ts';
import { readArchiveFiles } from '../../src/records/read-archive.ts';
import { rosterNames } from '../../src/rules/confidential.ts';
import { fixtureCopy, repoRoot, runSwa } from '../helpers/run-swa.ts';

/** Fictional titles and short fields, labelled by hand: the texts that name a person. */
const labelled: { text: string; whole: boolean; name: boolean }[] = [
  { text: '王某家庭亲子冲突个案', whole: false, name: true },
  { text: '李女士丧偶哀伤辅导个案', whole: false, name: true },
  { text: '独居长者陈阿姨居家安全个案', whole: false, name: true },
  { text: '张伯与老伴照顾压力个案', whole: false, name: true },
  { text: '欧阳先生就业支持个案', whole: false, name: true },
  { text: '孙奶奶的智能手机学习', whole: false, name: true },
  { text: '黄晓婷', whole: true, name: true },
  { text: '欧阳明', whole: true, name: true },
  { text: '高中生升学焦虑个案', whole: false, name: false },
  { text: '周末亲子手工小组', whole: false, name: false },
  { text: '任何某种形式的欺凌都要报告', whole: false, name: false },
  { text: '提高某项技能', whole: false, name: false },
  { text: '保洁阿姨与食堂阿姨的安全培训', whole: false, name: false },
  { text: '监护人', whole: true, name: false },
  { text: '高龄津贴申请', whole: true, name: false },
  { text: '陈一禾', whole: true, name: false },
];

/** Titles and short fields of an archive, with how many the heuristic flags. */
async function measure(root: string): Promise<{ records: number; fields: number; hits: string[] }> {
  const { context } = checkArchive(await readArchiveFiles(root), '2026-11-29');
  if (!context) throw new Error(`${root}: no roster`);
  const known = rosterNames(context);
  const fields = context.records.flatMap((r) => publishedStrings(r.data).filter((s) => s.short));
  const hits = fields.filter((s) => nameSuspects(s.value, { whole: s.whole, known }).length > 0).map((s) => s.value);
  return { records: context.records.length, fields: fields.length, hits };
}

describe('the name heuristic for titles and short fields [G-CONFIDENTIAL]', () => {
  it('finds every labelled name and nothing else', async () => {
    const { context } = checkArchive(await readArchiveFiles(repoRoot), '2026-11-29');
    const known = rosterNames(context!);
    const flagged = labelled.map((l) => nameSuspects(l.text, { whole: l.whole, known }).length > 0);
    expect(flagged).toEqual(labelled.map((l) => l.name));
  });

  it('flags nothing in the sample archive and the demo archive, where no client is named', async () => {
    const demo = await mkdtemp(join(tmpdir(), 'swa-names-'));
    const generated = await runSwa(['demo', '--out', demo, '--records', '300', '--seed', '7'], repoRoot);
    expect(generated.code).toBe(0);
    const rows = [
      ['sample (content/)', await measure(repoRoot)],
      ['demo --records 300', await measure(demo)],
    ] as const;
    console.log(
      ['name heuristic: titles and short fields flagged (every flag would be a false positive: no client is named)', ...rows.map(([name, m]) => `${name.padEnd(20)} ${m.records} records, ${m.fields} fields, ${m.hits.length} flagged`)].join('\n'),
    );
    for (const [, m] of rows) {
      expect(m.fields).toBeGreaterThan(1000);
      expect(m.hits).toEqual([]);
    }
  }, 60_000);

  it('is a warning on the line of the title, naming the field but never the name', async () => {
    const dir = await fixtureCopy();
    const file = join(dir, 'content/cases/2026/0001.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: (.*)$/m, 'title: 卡纳瑞王女士$1'));
    const { findings } = checkArchive(await readArchiveFiles(dir), '2026-11-29');
    const found = findings.filter((f) => f.rule === 'G-CONFIDENTIAL');
    expect(found.map((f) => [f.severity, f.file, f.message.includes('「标题」'), f.message.includes('王女士')])).toEqual([['warning', 'content/cases/2026/0001.md', true, false]]);
  });
});
