import { execFileSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { checkArchive } from '../check/check-archive.ts';
import { addDays } from '../dates.ts';
import { CommandError } from '../errors.ts';
import { actingAs } from '../git.ts';
import { roleLabel } from '../i18n/terms.ts';
import { stageDefinitions, type Stage } from '../ledger/stages.ts';
import type { ArchiveRecord } from '../records/archive-record.ts';
import { readArchiveFiles } from '../records/read-archive.ts';
import { actsAsSupervisor, holdsRole } from '../rules/roster.ts';
import type { Roster } from '../schemas/staff.ts';
import { demoSigningKey, withSigningKey } from './signing-key.ts';
import { stagesOf } from './stage-plan.ts';

export interface DemoOptions {
  /** The archive to replay: a folder holding content/. */
  source: string;
  /** A new folder for the demo repository. */
  out: string;
  /** Stages of the last few days before this one stay submitted but unapproved, so some work waits for someone. */
  today: string;
}

interface Event {
  record: ArchiveRecord;
  stage: Stage;
  date: string;
  first: boolean;
  order: number;
}

export const adoptionTag = 'demo-adoption';
/** Submissions of the last days before `today` are still waiting for their approver. */
const pendingDays = 5;
/** How late the planted late report is filed, past its due day. */
const lateDays = 6;

/** The frontmatter without the given top-level keys and their nested lines. */
function withoutTopLevelKeys(text: string, keys: readonly string[]): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  let dropping = false;
  lines.forEach((line, i) => {
    const topLevel = i > 0 && /^[A-Za-z#-]/.test(line);
    if (topLevel) dropping = keys.some((key) => line.startsWith(`${key}:`));
    if (!dropping) kept.push(line);
  });
  return kept.join('\n');
}

/**
 * A git repository that holds the archive with a history of approvals made by the fictional
 * staff on fixed dates: each record is submitted by its worker on a submit/ branch and every stage
 * its content implies is approved by the holder of the stage's role, in date order. One case is
 * rejected and resubmitted before its approval; the finance lead's signing key is registered by a
 * roster approval and her approvals are signed; submissions of the last days still wait; and two
 * violations are planted for the dashboard and `swa due` to show: a group report filed six days
 * late (GR-REPORT-3D) and a correction pushed straight to main (A-UNAPPROVED-CHANGE).
 */
export async function generateDemo({ source, out, today }: DemoOptions): Promise<{ records: number; approvals: number; pending: number }> {
  const { parsed, context } = checkArchive(await readArchiveFiles(source), today);
  if (!context) throw new CommandError('示例档案的名册或代码表无法读取');
  if ((await readdir(out).catch(() => [])).length > 0) throw new CommandError(`${out} 已存在且不为空；请换一个目录或先删除它`);
  await mkdir(join(out, 'content'), { recursive: true });

  const git = (who: Person, when: string, ...args: string[]) =>
    execFileSync('git', args, { cwd: out, env: actingAs(who, when), encoding: 'utf8' }).trim();
  const roster = context.roster;
  const orgHead = personWith(roster, 'orgHead', '2025-01-02');

  for (const file of ['staff.yaml', 'README.md']) await cp(join(source, 'content', file), join(out, 'content', file)).catch(() => undefined);
  const archiveYaml = await readFile(join(source, 'content', 'archive.yaml'), 'utf8');
  await writeFile(join(out, 'content', 'archive.yaml'), `${archiveYaml.replace(/\nadoption:.*\n?/, '\n')}\nadoption: ${adoptionTag}\n`);
  const start = '2025-01-02T09:00:00+08:00';
  git(orgHead, start, 'init', '-q', '-b', 'main');
  git(orgHead, start, 'add', 'content');
  git(orgHead, start, 'commit', '-q', '-m', 'Adopt the archive: roster and code tables');
  git(orgHead, start, 'tag', adoptionTag);
  let approvals = 0;

  // The finance lead's signing key is registered by a roster approval; every approval of hers after it is signed (A-SIGNATURE).
  const signer = personWith(roster, 'financeLead', '2025-01-02');
  const signingKey = await demoSigningKey(out, signer.id);
  const businessLead = personWith(roster, 'businessLead', '2025-01-02');
  git(businessLead, at('2025-01-02', '10:00'), 'switch', '-q', '-c', 'submit/roster');
  await writeFile(join(out, 'content', 'staff.yaml'), withSigningKey(await readFile(join(out, 'content', 'staff.yaml'), 'utf8'), signer.id, signingKey.publicKey));
  git(businessLead, at('2025-01-02', '10:00'), 'commit', '-q', '-am', `Register the signing key of ${signer.id}`);
  const rosterTip = git(businessLead, at('2025-01-02', '10:00'), 'rev-parse', 'HEAD');
  git(orgHead, at('2025-01-02', '11:00'), 'switch', '-q', 'main');
  git(orgHead, at('2025-01-02', '11:00'), 'merge', '--no-ff', '-q', '-m', `Approve roster change: signing key of ${signer.id}\n\nStage: roster\nApproved-by: ${orgHead.id}\nRole: orgHead\nApproved-head: ${rosterTip}`, 'submit/roster');
  git(orgHead, at('2025-01-02', '11:00'), 'branch', '-q', '-D', 'submit/roster');
  approvals++;
  const signing = (person: Person) => (person.id === signer.id ? ['-c', 'gpg.format=ssh', '-c', `user.signingkey=${signingKey.privateKey}`] : []);

  // Planted: one group files its report six days late (GR-REPORT-3D).
  const lateReport = parsed.find((r) => r.kind === 'group' && r.data.report !== undefined && r.data.archiveNo === undefined);
  const reportStages = new Set<Stage>(['report-supervisor', 'report-business', 'report-head', 'archive']);
  const events: Event[] = parsed.flatMap((record) =>
    stagesOf(record).map((s, i) => ({
      record,
      stage: s.stage,
      date: record === lateReport && reportStages.has(s.stage) ? addDays(s.date, lateDays) : s.date,
      first: i === 0,
      order: i,
    })),
  );
  events.sort((a, b) => a.date.localeCompare(b.date) || a.record.id.localeCompare(b.record.id) || a.order - b.order);

  const waitFrom = addDays(today, -pendingDays);
  const stopped = new Set<string>();
  const rejectOnce = parsed.find((r) => r.kind === 'case')?.id;
  for (const event of events) {
    const { record, stage, date } = event;
    if (stopped.has(record.id)) continue;
    const worker = submitterOf(record, roster, date);
    const branch = `submit/${record.id}`;
    git(worker, at(date, '10:00'), 'switch', '-q', '-c', branch, 'main');
    if (event.first) {
      await mkdir(dirname(join(out, record.file)), { recursive: true });
      const text = await readFile(join(source, record.file), 'utf8');
      await writeFile(join(out, record.file), record === lateReport ? withoutTopLevelKeys(text, ['report', 'financialReport']) : text);
    } else if (record === lateReport && stage === 'report-supervisor') {
      await cp(join(source, record.file), join(out, record.file));
    }
    git(worker, at(date, '10:00'), 'add', '--', 'content');
    git(worker, at(date, '10:00'), 'commit', '-q', '--allow-empty', '-m', `Submit ${record.id} for ${stage}\n\nRecord: ${record.id}\nStage: ${stage}\nSubmitted-by: ${worker.id}`);
    const head = git(worker, at(date, '10:00'), 'rev-parse', 'HEAD');
    git(worker, at(date, '10:00'), 'switch', '-q', 'main');
    if (date >= waitFrom) {
      stopped.add(record.id);
      continue;
    }
    const approver = approverOf(record, stage, roster, date);
    if (record.id === rejectOnce && stage === 'intake') {
      const note = git(approver, at(date, '12:00'), 'commit-tree', `${head}^{tree}`, '-p', head, '-m', `Reject ${record.id}: intake\n\n请补充初步评估的依据后重新提交。\n\nRecord: ${record.id}\nStage: intake\nRejected-by: ${approver.id}`);
      const again = git(worker, at(date, '14:00'), 'commit-tree', `${head}^{tree}`, '-p', note, '-m', `Submit ${record.id} for intake\n\n已补充初步评估的依据。\n\nRecord: ${record.id}\nStage: intake\nSubmitted-by: ${worker.id}`);
      git(approver, at(date, '14:00'), 'update-ref', `refs/heads/${branch}`, again, head);
    }
    const tip = git(approver, at(date, '16:00'), 'rev-parse', branch);
    const role = stageDefinitions[stage].role;
    const sign = signing(approver);
    git(approver, at(date, '16:00'), ...sign, 'merge', '--no-ff', '-q', ...(sign.length > 0 ? ['-S'] : []), '-m', `Approve ${record.id}: ${stage}\n\nRecord: ${record.id}\nStage: ${stage}\nApproved-by: ${approver.id}\nRole: ${role}\nApproved-head: ${tip}`, branch);
    git(approver, at(date, '16:00'), 'branch', '-q', '-D', branch);
    approvals++;
  }
  // Planted: a worker pushes a correction straight to main (A-UNAPPROVED-CHANGE).
  const pushed = parsed.find((r) => r.kind === 'case' && !stopped.has(r.id));
  if (pushed) {
    const worker = submitterOf(pushed, roster, today);
    const text = await readFile(join(out, pushed.file), 'utf8');
    await writeFile(join(out, pushed.file), `${text.trimEnd()}\n\n（补记：家访时间调整，虚构示例）\n`);
    git(worker, at(addDays(today, -1), '18:00'), 'commit', '-q', '-am', `Note a change of home-visit time in ${pushed.id}`);
  }
  return { records: parsed.length, approvals, pending: stopped.size };
}

interface Person {
  id: string;
  name: string;
  email: string;
}

const at = (day: string, time: string) => `${day}T${time}:00+08:00`;


function asPerson(roster: Roster, id: string): Person {
  const person = roster.people.find((p) => p.id === id);
  if (!person) throw new CommandError(`名册中没有 ${id}`);
  return { id, name: person.name, email: person.git.emails[0] ?? `${id.toLowerCase()}@demo.invalid` };
}

function personWith(roster: Roster, role: Parameters<typeof holdsRole>[2], date: string): Person {
  const person = roster.people.find((p) => holdsRole(roster, p.id, role, date));
  if (!person) throw new CommandError(`名册中在 ${date} 没有人担任${roleLabel(role)}`);
  return asPerson(roster, person.id);
}

function submitterOf(record: ArchiveRecord, roster: Roster, date: string): Person {
  if (record.kind === 'audit') return asPerson(roster, record.data.auditor);
  if (record.kind === 'handover') return asPerson(roster, record.data.worker);
  if (record.kind === 'supervision') return asPerson(roster, record.data.supervisor);
  return record.data.worker ? asPerson(roster, record.data.worker) : personWith(roster, 'worker', date);
}

function approverOf(record: ArchiveRecord, stage: Stage, roster: Roster, date: string): Person {
  const role = stageDefinitions[stage].role;
  const post = 'post' in record.data ? (record.data.post as string) : undefined;
  if (role === 'supervisor' && post) {
    const person = roster.people.find((p) => actsAsSupervisor(roster, p.id, post, date));
    if (person) return asPerson(roster, person.id);
  }
  return personWith(roster, role, date);
}
