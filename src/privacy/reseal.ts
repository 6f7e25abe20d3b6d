import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { staffFile } from '../check/check-archive.ts';
import { CommandError } from '../errors.ts';
import { requireConfig } from '../records/parse-config.ts';
import { readArchiveFiles } from '../records/read-archive.ts';
import { staffSchema, type Roster } from '../schemas/staff.ts';
import { blockOpener, sealClient } from './client-block.ts';
import { clientFiles, type ClientFile } from './client-files.ts';
import { readIdentities } from './identities.ts';
import { requireRecipients } from './recipients.ts';
import { withClientBlock } from './write-block.ts';

export interface ResealPlan {
  /** Repository-relative paths and their new text, staff.yaml included when it changes. */
  writes: { path: string; text: string }[];
  /** Ids of the records whose block is (re-)encrypted. */
  records: string[];
  /** Staff ids the blocks are now encrypted to (the escrow key besides). */
  holders: string[];
}

/** The record files that hold personal data, and every file's text (staff.yaml among them). */
export async function readForReseal(cwd: string) {
  const files = await readArchiveFiles(cwd);
  const texts = new Map(files.map((f) => [f.path, f.text ?? '']));
  return { records: clientFiles(files).filter((f) => f.client !== undefined || f.unreadable), texts };
}

/** A staff.yaml (as read or as about to be written), validated before anything is written. */
export const rosterFrom = (text: string): Roster => requireConfig(staffFile, text, staffSchema);

/**
 * Encrypts every client block (plaintext ones included) to the recipients of `roster` on `today`.
 * Sealed blocks are opened with the operator's key first; if any does not open or belongs to
 * another record, nothing is written and every such record is named.
 */
export async function planReseal(options: {
  records: readonly ClientFile[];
  roster: Roster;
  today: string;
  identityFile?: string;
  /** Only plaintext blocks (swa keys seal); sealed ones are left as they are. */
  plaintextOnly?: boolean;
}): Promise<ResealPlan> {
  const unreadable = options.records.filter((r) => r.unreadable);
  if (unreadable.length > 0) {
    throw new CommandError(['以下记录的头部无法解析，其中的个人资料无法重新加密，未做任何修改；请先修正（swa check）：', ...unreadable.map((r) => `  ${r.path}：${r.unreadable}`)].join('\n'));
  }
  const { recipients, holders } = requireRecipients(options.roster, options.today);
  const sealed = options.records.filter((r) => typeof r.client === 'string');
  const needsKey = !options.plaintextOnly && sealed.length > 0;
  if (needsKey && !options.identityFile) throw new CommandError('重新加密需要能解开现有加密块的私钥：请用 --identity 指定，或设置 SWA_IDENTITY');
  const opener = needsKey ? blockOpener(await readIdentities(options.identityFile as string)) : null;

  const plain = new Map<ClientFile, unknown>();
  const problems: string[] = [];
  for (const record of options.records) {
    if (typeof record.client !== 'string') plain.set(record, record.client);
    else if (opener) {
      const opened = await opener.open(record.id, record.client);
      if (opened.status === 'opened') plain.set(record, opened.client);
      else problems.push(`${record.path}：${problemText(opened.status)}`);
    }
  }
  if (problems.length > 0) throw new CommandError(['以下加密块无法用你的私钥打开，未做任何修改：', ...problems.map((p) => `  ${p}`)].join('\n'));

  const writes: ResealPlan['writes'] = [];
  for (const [record, client] of plain) {
    writes.push({ path: record.path, text: withClientBlock(record.text, await sealClient(record.id, client, recipients)) });
  }
  return { writes, records: [...plain.keys()].map((r) => r.id), holders };
}

function problemText(status: string): string {
  if (status === 'not-recipient') return '你的密钥不是它的接收者';
  if (status === 'other-record') return '它属于另一份记录（先用 swa check 核对）';
  return '已损坏或被手工修改';
}

/** Writes every file of a plan through a temporary sibling and a rename, so no file is left half-written. */
export async function applyPlan(cwd: string, writes: ResealPlan['writes']): Promise<void> {
  const staged = await Promise.all(
    writes.map(async ({ path, text }) => {
      const temporary = join(cwd, `${path}.swa-tmp`);
      await writeFile(temporary, text, { mode: 0o644 });
      return { temporary, target: join(cwd, path) };
    }),
  );
  for (const { temporary, target } of staged) await rename(temporary, target);
}
