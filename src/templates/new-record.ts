import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { requireConfig } from '../records/parse-config.ts';
import { nextRecordId } from '../records/next-id.ts';
import { archiveConfigSchema } from '../schemas/archive-config.ts';
import { numberedKinds, recordKinds, type NumberedKind } from '../schemas/index.ts';
import { staffSchema } from '../schemas/staff.ts';
import { archiveConfigFile, staffFile } from '../check/check-archive.ts';
import { recordBodies } from './bodies.ts';
import { skeletonYaml, type Prefill } from './skeleton.ts';
import { CommandError, UsageError } from '../errors.ts';
import { sealClient } from '../privacy/client-block.ts';
import { requireRecipients } from '../privacy/recipients.ts';
import { withClientBlock } from '../privacy/write-block.ts';
import { holdsClient } from '../schemas/client-field.ts';
import { gitAt, gitIdentity } from '../git.ts';
import { staffIdOf } from '../ledger/identity.ts';
import { holdsRole } from '../rules/roster.ts';

export interface NewOptions {
  cwd: string;
  kind: string;
  today: string;
  category?: string;
  /** The worker; by default the user, when git's identity maps to a worker in staff.yaml. */
  worker?: string;
  /** The supervisor of a supervision record; by default the user, when git's identity maps to a supervisor. */
  supervisor?: string;
}

export interface NewResult {
  id: string;
  path: string;
  /** The worker (or a supervision record's supervisor) filled in, and whether it was taken from the user's git identity. */
  filledIn: { role: 'worker' | 'supervisor'; id: string; fromIdentity: boolean } | null;
}

/** `swa new`: writes a blank record with the next free id of the year. */
export async function newRecord(options: NewOptions): Promise<NewResult> {
  const { text, ...created } = await blankRecord(options);
  await mkdir(dirname(join(options.cwd, created.path)), { recursive: true });
  await writeFile(join(options.cwd, created.path), text, { flag: 'wx' });
  return created;
}

/** The blank record `swa new` would write, and where, without writing it (the workbench checks a new record's form against it before its first save). */
export async function blankRecord({ cwd, kind, today, category, worker, supervisor }: NewOptions): Promise<NewResult & { text: string }> {
  if (!(numberedKinds as readonly string[]).includes(kind)) {
    throw new UsageError(`未知的记录类型 ${kind}；可用：${numberedKinds.map((k) => `${k}（${recordKinds[k].label}）`).join('、')}`);
  }
  const serviceKind = kind as NumberedKind;
  if ((worker !== undefined && serviceKind === 'supervision') || (supervisor !== undefined && serviceKind !== 'supervision')) {
    throw new UsageError('督导记录用 --supervisor 指定督导，服务记录用 --worker 指定社工');
  }
  const prefill: Prefill = {};
  if (category !== undefined) {
    const config = await loadConfig(cwd, archiveConfigFile, archiveConfigSchema);
    if (!(category in config.categories)) {
      throw new CommandError(`未知的服务类别 ${category}；archive.yaml 中有：${Object.keys(config.categories).join('、')}`);
    }
    prefill.category = category;
  }
  // A supervision record names its supervisor, a service its worker: by default the user, when they hold that role.
  const role = serviceKind === 'supervision' ? 'supervisor' : 'worker';
  const requested = role === 'supervisor' ? supervisor : worker;
  const person = requested ?? (await staffByIdentity(cwd, today, role));
  if (person !== undefined) {
    const roster = await loadConfig(cwd, staffFile, staffSchema);
    const entry = roster.people.find((p) => p.id === person);
    if (!entry) throw new CommandError(`staff.yaml 中没有工作人员 ${person}`);
    prefill[role] = person;
    const posts = new Set(entry.roles.filter((r) => r.role === role).flatMap((r) => r.posts ?? []));
    if (posts.size === 1) prefill.post = [...posts][0] as string;
  }

  const { id, path } = await nextRecordId(cwd, serviceKind, Number(today.slice(0, 4)));
  prefill.id = id;

  const skeleton = `---\n${skeletonYaml(recordKinds[serviceKind].schema, prefill)}\n---\n\n${recordBodies[serviceKind]}`;
  const text = holdsClient(serviceKind) ? withClientBlock(skeleton, await emptyClientBlock(cwd, id, today)) : skeleton;
  return { id, path, text, filledIn: person === undefined ? null : { role, id: person, fromIdentity: requested === undefined } };
}

/** The user, when the identity git commits as maps to someone who holds `role` today. */
async function staffByIdentity(cwd: string, today: string, role: 'worker' | 'supervisor'): Promise<string | undefined> {
  const identity = await gitIdentity(gitAt(cwd));
  if (!identity) return undefined;
  const roster = await loadConfig(cwd, staffFile, staffSchema);
  const id = staffIdOf(roster, identity);
  return id !== null && holdsRole(roster, id, role, today) ? id : undefined;
}

/** G-ENCRYPTED-BAG: the personal data is encrypted from the start; `swa edit` fills it in. */
async function emptyClientBlock(cwd: string, id: string, today: string): Promise<string> {
  const { recipients } = requireRecipients(await loadConfig(cwd, staffFile, staffSchema), today);
  return sealClient(id, {}, recipients);
}

async function loadConfig<S extends Parameters<typeof requireConfig>[2]>(cwd: string, file: string, schema: S) {
  return requireConfig(file, await readFile(join(cwd, file), 'utf8').catch(() => undefined), schema);
}
