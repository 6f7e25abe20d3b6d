import { parseDocument } from 'yaml';
import { deleteKey, setScalar } from '../records/edit-yaml.ts';
import { staffFile } from '../check/check-archive.ts';
import { CommandError } from '../errors.ts';
import { applyPlan, planReseal, readForReseal, rosterFrom } from './reseal.ts';

export interface KeysOptions {
  cwd: string;
  today: string;
  identityFile?: string;
}

export interface KeysResult {
  /** Records whose block was (re-)encrypted. */
  records: string[];
  /** Staff the blocks are now encrypted to, besides the escrow key. */
  holders: string[];
  rosterChanged: boolean;
}

/** G-ENCRYPTED-BAG: encrypts every plaintext client block to today's recipients. No private key needed. */
export async function sealPlaintext({ cwd, today }: KeysOptions): Promise<KeysResult> {
  const { records, texts } = await readForReseal(cwd);
  const plan = await planReseal({ records, roster: rosterFrom(texts.get(staffFile) ?? ''), today, plaintextOnly: true });
  await applyPlan(cwd, plan.writes);
  return { records: plan.records, holders: plan.holders, rosterChanged: false };
}

/** Gives a person an encryption key (or replaces it) and re-encrypts every block to include it. */
export async function addKey(options: KeysOptions & { staffId: string; recipient: string }): Promise<KeysResult> {
  return changeRoster(options, (text) => setScalar(text, ['people', personIndex(text, options.staffId), 'encryptionKey'], options.recipient));
}

/** Takes a person's key off the roster and re-encrypts every block without it. */
export async function removeKey(options: KeysOptions & { staffId: string }): Promise<KeysResult> {
  return changeRoster(options, (text) => {
    const path = ['people', personIndex(text, options.staffId), 'encryptionKey'];
    if (!parseDocument(text).hasIn(path)) throw new CommandError(`${options.staffId} 在 staff.yaml 中没有加密公钥`);
    return deleteKey(text, path);
  });
}

/**
 * Re-encrypts every block to the recipients of today's roster, e.g. after a role ended, a key was
 * suspected lost, or with `escrow` a new escrow key.
 */
export async function rotateKeys(options: KeysOptions & { escrow?: string; keptBy?: string }): Promise<KeysResult> {
  const { escrow, keptBy } = options;
  if (escrow === undefined && keptBy === undefined) return changeRoster(options, (text) => text);
  return changeRoster(options, (text) => {
    if (!parseDocument(text).has('escrow')) {
      if (escrow === undefined || keptBy === undefined) throw new CommandError('首次设定托管密钥须同时给出 --escrow 公钥和 --kept-by 保管人');
      text = `${text.trimEnd()}\nescrow:\n  recipient: ${escrow}\n  keptBy: placeholder\n`;
    }
    if (escrow !== undefined) text = setScalar(text, ['escrow', 'recipient'], escrow);
    if (keptBy !== undefined) text = setScalar(text, ['escrow', 'keptBy'], keptBy);
    return text;
  });
}

async function changeRoster(options: KeysOptions, edit: (text: string) => string): Promise<KeysResult> {
  const { records, texts } = await readForReseal(options.cwd);
  const before = texts.get(staffFile);
  if (before === undefined) throw new CommandError(`缺少 ${staffFile}`);
  let after: string;
  try {
    after = edit(before);
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw new CommandError(`${staffFile} 无法自动修改（${(error as Error).message}）；请手工修改后运行 swa keys rotate`);
  }
  const plan = await planReseal({ records, roster: rosterFrom(after), today: options.today, identityFile: options.identityFile });
  const rosterChanged = after !== before;
  await applyPlan(options.cwd, rosterChanged ? [...plan.writes, { path: staffFile, text: after }] : plan.writes);
  return { records: plan.records, holders: plan.holders, rosterChanged };
}

function personIndex(text: string, staffId: string): number {
  const people = (parseDocument(text).toJS() as { people?: { id?: string }[] }).people ?? [];
  const index = people.findIndex((p) => p.id === staffId);
  if (index < 0) throw new CommandError(`staff.yaml 中没有工作人员 ${staffId}`);
  return index;
}
