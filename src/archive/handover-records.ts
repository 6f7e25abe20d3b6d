import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { checkArchive } from '../check/check-archive.ts';
import { CommandError } from '../errors.ts';
import { readArchiveFiles } from '../records/read-archive.ts';
import { nextRecordId } from '../records/next-id.ts';
import { casesAwaitingHandover } from '../rules/handover.ts';
import { holdsRole } from '../rules/roster.ts';
import { roleLabel } from '../i18n/terms.ts';

export interface HandoverOptions {
  cwd: string;
  today: string;
  quarter: string;
  post?: string;
}

export interface HandoverResult {
  /** The records written, one per post and worker. */
  written: { id: string; path: string; post: string; worker: string; cases: string[] }[];
}

/**
 * `swa handover --quarter 2026Q4`: the closed cases of posts that cannot store files whose
 * originals are due to the org (C-QUARTERLY-HANDOVER), written as handover records (one per post
 * and worker) for the worker to submit and the business lead to approve.
 */
export async function handover({ cwd, today, quarter, post }: HandoverOptions): Promise<HandoverResult> {
  if (!/^\d{4}Q[1-4]$/.test(quarter)) throw new CommandError(`--quarter 应为季度，例如 2026Q4；收到 ${quarter}`);
  const { context } = checkArchive(await readArchiveFiles(cwd), today);
  if (!context) throw new CommandError('名册 staff.yaml 或代码表 archive.yaml 无法读取；请先运行 swa check 并修正');
  if (post && !context.roster.posts.some((p) => p.id === post)) throw new CommandError(`staff.yaml 中没有岗位 ${post}`);
  const due = casesAwaitingHandover(context).filter((c) => c.quarter === quarter && (!post || c.record.data.post === post));
  const receiver = context.roster.people.find((p) => holdsRole(context.roster, p.id, 'businessLead', today));
  if (!receiver) throw new CommandError(`${today} 名册中没有机构${roleLabel('businessLead')}接收原件`);

  const groups = new Map<string, string[]>();
  for (const { record } of due) {
    const key = `${record.data.post}:${record.data.worker}`;
    groups.set(key, [...(groups.get(key) ?? []), record.id]);
  }
  const written: HandoverResult['written'] = [];
  for (const [key, cases] of groups) {
    const [groupPost, worker] = key.split(':') as [string, string];
    const { id, path } = await nextRecordId(cwd, 'handover', Number(today.slice(0, 4)));
    const text = [
      '---',
      `id: ${id}`,
      `quarter: ${quarter}  # 季度`,
      `post: ${groupPost}  # 岗位`,
      `worker: ${worker}  # 移交社工`,
      `receivedBy: ${receiver.id}  # 接收人`,
      `date: ${today}  # 移交日期`,
      'cases:  # 移交个案（原件交机构存档，复印件自留）',
      ...cases.sort().map((c) => `  - ${c}`),
      '---',
      '',
    ].join('\n');
    await mkdir(dirname(join(cwd, path)), { recursive: true });
    await writeFile(join(cwd, path), text, { flag: 'wx' });
    written.push({ id, path, post: groupPost, worker, cases });
  }
  return { written };
}
