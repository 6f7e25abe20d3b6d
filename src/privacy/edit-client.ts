import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse, stringify } from 'yaml';
import type { z } from 'zod';
import { staffFile } from '../check/check-archive.ts';
import { CommandError } from '../errors.ts';
import { fileOfRecord } from '../records/record-path.ts';
import { clientSchemas } from '../schemas/client-field.ts';
import { pruneEmpty } from '../schemas/prune-empty.ts';
import { isPlainObject, labelAt } from '../schemas/walk.ts';
import { skeletonYaml } from '../templates/skeleton.ts';
import { blockOpener, sealClient } from './client-block.ts';
import { clientFiles } from './client-files.ts';
import { readIdentities } from './identities.ts';
import { withPrivateDir } from './private-dir.ts';
import { requireRecipients } from './recipients.ts';
import { applyPlan, rosterFrom } from './reseal.ts';
import { withClientBlock } from './write-block.ts';

export interface EditOptions {
  cwd: string;
  today: string;
  record: string;
  identityFile?: string;
  /** The editor command, e.g. $EDITOR ("vi", "code --wait"). */
  editor: string;
}

/** How many times a file that does not validate is handed back to the editor before giving up. */
const attempts = 3;

/**
 * `swa edit`: decrypts a record's personal data into a private temporary file, opens the editor,
 * and re-encrypts only when the data changed. The temporary file is removed whatever happens.
 */
export async function editClient(options: EditOptions): Promise<{ changed: boolean; path: string }> {
  const { cwd, today } = options;
  // Only the record and the roster are read: editing one client must not parse the whole archive.
  const path = fileOfRecord(options.record) ?? `content/${options.record.replace(/^content\//, '')}`;
  const read = (file: string) => readFile(join(cwd, file), 'utf8').catch(() => undefined);
  const [text, roster] = await Promise.all([read(path), read(staffFile)]);
  const record = text === undefined ? undefined : clientFiles([{ path, bytes: Buffer.byteLength(text), text }])[0];
  if (!record) throw new CommandError(`找不到记录 ${options.record}：应为个案或咨询记录的编号（例如 cases/2026-0001）或路径，且文件头部能够解析`);
  if (record.unreadable) throw new CommandError(`${record.path} 的头部无法解析（${record.unreadable}），请先修正再编辑个人资料`);
  const current = await currentClient(record.id, record.client, options.identityFile);
  const schema = clientSchemas[record.kind];

  return withPrivateDir('swa-edit-', async (dir) => {
    const file = join(dir, 'client.yaml');
    let problems: string[] = [];
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      const draft = problems.length > 0 ? await readFile(file, 'utf8') : editableText(record.id, current, schema);
      await writeFile(file, withProblems(draft, problems), { mode: 0o600 });
      const run = spawnSync(`${options.editor} "${file}"`, { shell: true, stdio: 'inherit' });
      if (run.status !== 0) throw new CommandError(`编辑器 ${options.editor} 异常退出（${run.status ?? run.signal}），记录未修改`);
      const edited = readEdited(await readFile(file, 'utf8'));
      // Blank fields, as the template leaves them, mean "not given", as in a record.
      const result = 'problem' in edited ? null : schema.safeParse(pruneEmpty(edited.value) ?? {});
      if (result?.success) {
        if (isDeepStrictEqual(result.data, current ?? {})) return { changed: false, path: record.path };
        const { recipients } = requireRecipients(rosterFrom(roster ?? ''), today);
        const block = await sealClient(record.id, result.data, recipients);
        // The file as it is now: whatever else changed in it while the editor was open is kept.
        const now = await readFile(join(cwd, record.path), 'utf8');
        await applyPlan(cwd, [{ path: record.path, text: withClientBlock(now, block) }]);
        return { changed: true, path: record.path };
      }
      problems = 'problem' in edited ? [edited.problem] : (result?.error.issues ?? []).map((i) => `「${labelAt(schema, i.path)}」${i.message}`);
    }
    throw new CommandError([`连续 ${attempts} 次未通过检查，记录未修改：`, ...problems.map((p) => `  ${p}`)].join('\n'));
  });
}

async function currentClient(record: string, client: unknown, identityFile: string | undefined): Promise<unknown> {
  if (client === undefined || isPlainObject(client)) return client;
  if (!identityFile) throw new CommandError('这份记录的个人资料已加密：请用 --identity 指定你的私钥文件，或设置 SWA_IDENTITY');
  const opened = await blockOpener(await readIdentities(identityFile)).open(record, client as string);
  if (opened.status === 'opened') return opened.client;
  if (opened.status === 'other-record') throw new CommandError(`${record} 的加密块属于 ${opened.boundTo}，不能在此编辑；请先从 git 历史恢复本记录自己的块`);
  throw new CommandError(opened.status === 'not-recipient' ? '你的私钥不是这份记录加密块的接收者' : '加密块已损坏，无法解密');
}

/** The client's values, then every field of the client block not filled in yet, blank and labelled, as `swa new` writes a record. */
function editableText(record: string, client: unknown, schema: z.ZodTypeAny): string {
  const header = `# ${record} 的服务对象个人资料（保密）。保存并关闭编辑器后自动加密；此临时文件随即删除。`;
  const values = isPlainObject(client) ? client : {};
  const blanks = skeletonYaml(schema, {})
    .split('\n')
    .filter((line) => !((line.split(':')[0] ?? '') in values));
  return [header, ...(Object.keys(values).length > 0 ? [stringify(values).trimEnd()] : []), ...blanks, ''].join('\n');
}

function withProblems(text: string, problems: readonly string[]): string {
  const kept = text.split('\n').filter((line) => !line.startsWith('# ！'));
  return [...problems.map((p) => `# ！${p}`), ...kept].join('\n');
}

function readEdited(text: string): { value: unknown } | { problem: string } {
  try {
    return { value: parse(text) ?? {} };
  } catch (error) {
    return { problem: `YAML 无法解析：${(error as Error).message.split('\n')[0]}` };
  }
}
