import { cp, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CommandError } from '../errors.ts';
import { actingAs, gitProcess } from '../git.ts';
import { recipientsOn } from '../privacy/recipients.ts';
import { clientEntry } from '../privacy/write-block.ts';
import { requireConfig } from '../records/parse-config.ts';
import { staffSchema } from '../schemas/staff.ts';
import { sealClients } from './seal-batch.ts';
import { random } from './seeded.ts';

/** Records per year folder: ARCHITECTURE measured git's tree diffs turning quadratic in big folders. */
const perYear = 500;
/** Synthetic services start when the fixture roster's worker and supervisor hold their roles. */
const firstYear = 2025;

export interface SyntheticOptions {
  /** Folder holding content/staff.yaml and content/archive.yaml to start from. */
  source: string;
  out: string;
  records: number;
  seed: string;
}

const staffOf = {
  worker: { name: '陈一禾', email: 'chen.yh@mingxi.example', id: 'S05' },
  supervisor: { name: '许慕言', email: 'xu.my@mingxi.example', id: 'S04' },
  orgHead: { name: '梁启明', email: 'liang.qm@mingxi.example', id: 'S01' },
};

function caseFile(id: string, day: string, n: number, client: string): string {
  return `---
# 虚构合成数据（基准测试用）
id: ${id}
title: 合成个案 ${n}
category: QSN
post: P01
worker: S05
${clientEntry(client).join('\n')}
profile: { gender: ${n % 2 ? '女' : '男'}, ageBand: 13-17, district: 东湖街道 }
basicInfo: { date: ${day}, source: 主动求助, presentingIssue: 学业压力 }
intake: { date: ${day}, initialAssessment: 需要持续跟进 }
---

合成正文（虚构）。
`;
}

const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;

/**
 * A repository of `records` synthetic cases, each submitted by a worker on its branch and
 * approved by the supervisor with a --no-ff merge carrying the trailers: written with ONE
 * `git fast-import`, so even 50,000 records take seconds. For the benchmark and `swa demo --records`.
 */
export async function generateSynthetic({ source, out, records, seed }: SyntheticOptions): Promise<void> {
  if ((await readdir(out).catch(() => [])).length > 0) throw new CommandError(`${out} 已存在且不为空；请换一个目录或先删除它`);
  await mkdir(join(out, 'content'), { recursive: true });
  for (const file of ['staff.yaml', 'archive.yaml']) await cp(join(source, 'content', file), join(out, 'content', file));
  await run(out, ['init', '-q', '-b', 'main']);

  const next = random(seed);
  const chunks: string[] = [];
  const epoch = Date.parse(`${firstYear}-01-02T09:00:00+08:00`) / 1000;
  const identity = (p: { name: string; email: string }, t: number) => `${p.name} <${p.email}> ${t} +0800`;
  const staffYaml = await readFile(join(out, 'content/staff.yaml'), 'utf8');
  const archiveYaml = await readFile(join(out, 'content/archive.yaml'), 'utf8');
  chunks.push(
    'commit refs/heads/main\nmark :1\n',
    `author ${identity(staffOf.orgHead, epoch)}\ncommitter ${identity(staffOf.orgHead, epoch)}\n`,
    data('Adopt the archive'),
    `M 100644 inline content/staff.yaml\n${data(staffYaml)}`,
    `M 100644 inline content/archive.yaml\n${data(`${archiveYaml.replace(/\nadoption:.*\n?/, '\n')}\nadoption: synthetic-adoption\n`)}`,
    '\n',
    'reset refs/tags/synthetic-adoption\nfrom :1\n\n',
  );
  let mark = 1;
  let main = 1;
  // Dates along main never go backwards (A-CLOCK): a day drawn earlier than the last merge moves up to it.
  let lastMerge = 0;
  const idOf = (i: number) => `cases/${firstYear + Math.floor(i / perYear)}-${String((i % perYear) + 1).padStart(4, '0')}`;
  const roster = requireConfig('content/staff.yaml', staffYaml, staffSchema);
  const clients = await sealClients(
    Array.from({ length: records }, (_, i) => ({ record: idOf(i), client: { name: `合成案主${i + 1}（虚构）` } })),
    recipientsOn(roster, `${firstYear}-01-02`).recipients,
  );
  for (let i = 0; i < records; i++) {
    const year = firstYear + Math.floor(i / perYear);
    const seq = (i % perYear) + 1;
    const id = idOf(i);
    const path = `content/cases/${year}/${String(seq).padStart(4, '0')}.md`;
    // Spread over the record's own year, so its id's year is its intake year.
    const yearStart = Date.parse(`${year}-01-06T09:00:00+08:00`);
    const drawn = new Date(yearStart + Math.floor(((i % perYear) / perYear) * 350 + next() * 3) * 86400000);
    const when = Math.max(Math.floor(drawn.getTime() / 1000), lastMerge);
    const day = new Date(when * 1000);
    lastMerge = when + 3600;
    const date = day.toISOString().slice(0, 10);
    const blob = ++mark;
    chunks.push(`blob\nmark :${blob}\n${data(caseFile(id, date, i + 1, clients[i] as string))}`);
    const submit = ++mark;
    chunks.push(
      // Each submission sits on a scratch ref (not refs/heads/submit/*), merged at once: nothing stays pending.
      `commit refs/synthetic/branch\nmark :${submit}\n`,
      `author ${identity(staffOf.worker, when)}\ncommitter ${identity(staffOf.worker, when)}\n`,
      data(`Submit ${id} for intake\n\nRecord: ${id}\nStage: intake\nSubmitted-by: S05`),
      `from :${main}\n`,
      `M 100644 :${blob} ${path}\n\n`,
    );
    const merge = ++mark;
    chunks.push(
      `commit refs/heads/main\nmark :${merge}\n`,
      `author ${identity(staffOf.supervisor, when + 3600)}\ncommitter ${identity(staffOf.supervisor, when + 3600)}\n`,
      data(`Approve ${id}: intake\n\nRecord: ${id}\nStage: intake\nApproved-by: S04\nRole: supervisor`),
      // fast-import does not merge trees: the merge commit names the file the branch added.
      `from :${main}\nmerge :${submit}\nM 100644 :${blob} ${path}\n\n`,
    );
    main = merge;
  }
  await run(out, ['fast-import', '--quiet', '--force'], chunks.join(''));
  await run(out, ['update-ref', '-d', 'refs/synthetic/branch']);
  await run(out, ['reset', '-q', '--hard', 'main']);
}

async function run(cwd: string, args: string[], input?: string): Promise<void> {
  await gitProcess(cwd, args, { env: actingAs(staffOf.orgHead, `${firstYear}-01-02T09:00:00+08:00`), input });
}
