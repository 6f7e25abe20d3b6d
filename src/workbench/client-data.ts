import { isDeepStrictEqual } from 'node:util';
import { blockOpener, sealClient } from '../privacy/client-block.ts';
import { readIdentities } from '../privacy/identities.ts';
import { recipientsOn, requireRecipients } from '../privacy/recipients.ts';
import { withClientBlock } from '../privacy/write-block.ts';
import { clientSchemas, type ClientKind } from '../schemas/client-field.ts';
import { pruneEmpty } from '../schemas/prune-empty.ts';
import type { Roster } from '../schemas/staff.ts';
import { isPlainObject, labelAt } from '../schemas/walk.ts';

/** A record's client block as this user can see it: opened with their key, or sealed with who can open it. */
export type ClientView =
  | { status: 'opened'; client: Record<string, unknown> }
  | { status: 'sealed'; why: string; holders: string[]; escrow: string | null };

/**
 * Opens the block with the user's key file, read for this request and never copied (as `swa edit`
 * does). A record without a block yet, or a plaintext mapping (G-ENCRYPTED-BAG flags it), is open.
 */
export async function viewClient(record: string, client: unknown, identityFile: string | undefined, roster: Roster, today: string): Promise<ClientView> {
  if (client === undefined || client === null) return { status: 'opened', client: {} };
  if (isPlainObject(client)) return { status: 'opened', client: client as Record<string, unknown> };
  const sealed = (why: string): ClientView => ({ status: 'sealed', why, holders: recipientsOn(roster, today).holders, escrow: roster.escrow?.keptBy ?? null });
  if (!identityFile) return sealed('工作台启动时没有指定你的私钥（--identity），个人资料无法解密');
  const opened = await blockOpener(await readIdentities(identityFile)).open(record, String(client));
  if (opened.status === 'opened') return { status: 'opened', client: isPlainObject(opened.client) ? (opened.client as Record<string, unknown>) : {} };
  if (opened.status === 'not-recipient') return sealed('你的私钥不是这份记录加密块的接收者');
  if (opened.status === 'other-record') return sealed(`加密块属于另一份记录 ${opened.boundTo}，请先用 swa check 核对`);
  return sealed('加密块已损坏，无法解密');
}

/** Schema problems of the entered client data, in Chinese with the field's label; the validated data when none. */
export function validateClient(kind: ClientKind, entered: unknown): { client: unknown } | { problems: string[] } {
  const schema = clientSchemas[kind];
  const result = schema.safeParse(pruneEmpty(entered) ?? {});
  if (result.success) return { client: result.data };
  return { problems: result.error.issues.map((i) => `「${labelAt(schema, i.path)}」${i.message}`) };
}

/**
 * The record text with the client block sealed anew to today's recipients, exactly as `swa edit`
 * seals it; the text unchanged when the data did not change (no new ciphertext for nothing).
 */
export async function resealed(text: string, record: string, before: unknown, after: unknown, roster: Roster, today: string): Promise<string> {
  if (isDeepStrictEqual(after, before ?? {})) return text;
  const { recipients } = requireRecipients(roster, today);
  return withClientBlock(text, await sealClient(record, after, recipients));
}
