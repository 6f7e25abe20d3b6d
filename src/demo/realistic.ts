/**
 * `swa demo --records N --seed S`: an archive shaped like an organisation's real use, for the
 * benchmark and for trying the tools at size. Every person, place and service in it is fictional.
 *
 * The mix (percent of the records; see realistic-layout.ts):
 * - 55% cases (个案): intake, assessment and plan, 5–20 sessions each reviewed, a referral for a
 *   quarter of them (60% internal with the receiver's reply, 40% to an agency), closing report and
 *   evaluation, closing form with the attachment list, a follow-up, and the archive number;
 * - 25% consultations (咨询): 60% hotline calls (12355, 12351) approved afterwards
 *   (hotline-review), the rest visits, calls and outreach; 80% of them archived;
 * - 12% groups (小组): plan with budget and schedule, org-business and org-head sign-off, funding
 *   for the 40% paid by the organisation, recruitment and registration, 4–8 weekly sessions,
 *   feedback and the supervisor's comment, report and financial report reviewed by
 *   report-supervisor, report-business and report-head, then archived;
 * - 8% community activities (社区): the same chain with the needs assessment and the employer's
 *   consent before the plan, publicity and preparation, and 1–3 activities;
 * - and, besides the N, a quarterly handover (移交) per post that cannot store files, listing the
 *   cases it closed that quarter (C-QUARTERLY-HANDOVER).
 *
 * Each dated entry is submitted on its own (`swa submit`'s message and trailers) on the record's
 * `submit/<id>` branch the day after it happened, and each stage is approved by its own `--no-ff`
 * merge into main by the holder of the stage's role (`swa approve`'s message and trailers,
 * Approved-head included). About one case, group or activity in seventy has its first submission
 * rejected (`swa reject`'s empty commit) and submitted again; approvals of the last two days have not happened yet, so a
 * few `submit/*` branches are still pending at the end. Personal data is sealed (age) to the
 * roster's recipients. Records spread over years, each year folder under 500 files; every date
 * keeps the rulebook, so `swa check --today <the returned day>` finds no error. The same seed
 * always makes the same archive. Written through ONE `git fast-import`, as synthetic.ts is.
 */
import { cp, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CommandError } from '../errors.ts';
import { addDays } from '../dates.ts';
import { gitProcess, gitEnvironment } from '../git.ts';
import { stageDefinitions } from '../ledger/stages.ts';
import { formatTrailers } from '../ledger/trailers.ts';
import { recipientsOn } from '../privacy/recipients.ts';
import { clientEntry } from '../privacy/write-block.ts';
import { requireConfig } from '../records/parse-config.ts';
import { archiveConfigSchema, type ArchiveConfig } from '../schemas/archive-config.ts';
import { staffSchema, type Roster } from '../schemas/staff.ts';
import { data, FastImport } from './fast-import.ts';
import { frontmatterLines } from './frontmatter.ts';
import { planHandovers } from './plan-handover.ts';
import { firstYear, layOut, type LaidOutKind, type Layout } from './realistic-layout.ts';
import { sealClients } from './seal-batch.ts';
import { Dice } from './seeded.ts';
import { sealedClient, Staffing, type RecordPlan, type Step } from './timeline.ts';

export interface RealisticOptions {
  /** Folder holding content/staff.yaml and content/archive.yaml to start from. */
  source: string;
  out: string;
  records: number;
  seed: string;
}

export interface RealisticResult {
  /** The last day of the history: check the archive with `--today` this day. */
  today: string;
  kinds: Record<LaidOutKind, number>;
  commits: number;
  approvals: number;
  rejections: number;
  /** submit/* branches still waiting for their approval. */
  pending: number;
}

export const realisticAdoptionTag = 'realistic-adoption';
/** Approvals of the last days before the end have not been made yet. */
const pendingDays = 2;
const scratchRef = 'refs/swa-demo/branch';
const header = '# 虚构合成数据（swa demo 生成）：人物、机构与服务经过均为虚构，不对应任何真实的人。';

export async function generateRealistic({ source, out, records, seed }: RealisticOptions): Promise<RealisticResult> {
  if ((await readdir(out).catch(() => [])).length > 0) throw new CommandError(`${out} 已存在且不为空；请换一个目录或先删除它`);
  await mkdir(join(out, 'content'), { recursive: true });
  for (const file of ['staff.yaml', 'archive.yaml']) await cp(join(source, 'content', file), join(out, 'content', file));
  await gitProcess(out, ['init', '-q', '-b', 'main'], { env: gitEnvironment() });
  const staffYaml = await readFile(join(out, 'content/staff.yaml'), 'utf8');
  const archiveYaml = `${(await readFile(join(out, 'content/archive.yaml'), 'utf8')).replace(/\nadoption:.*\n?/, '\n')}\nadoption: ${realisticAdoptionTag}\n`;
  const roster = requireConfig('content/staff.yaml', staffYaml, staffSchema);
  const config = requireConfig('content/archive.yaml', archiveYaml, archiveConfigSchema);

  const staffing = new Staffing(roster);
  const dice = new Dice(seed);
  const layout = layOut(records, dice, staffing, config);
  stopAtTheEnd(layout);
  const cases = layout.plans.filter(({ kind }) => kind === 'case').map(({ plan }) => plan);
  for (const plan of planHandovers(cases, staffing, dice, layout.today)) layout.plans.push({ kind: 'handover', plan });
  stopAtTheEnd(layout);
  numberArchives(layout, config);
  const sealed = await sealClients(
    layout.plans.flatMap(({ plan }) => (plan.client ? [{ record: plan.id, client: plan.client }] : [])),
    recipientsOn(roster, `${firstYear}-01-02`).recipients,
  );
  const blocks = new Map(layout.plans.filter(({ plan }) => plan.client).map(({ plan }, i) => [plan.id, sealed[i] as string]));

  const stream = new FastImport(out);
  const adoption = stream.mark();
  const orgHead = identity(roster, staffing.approver('roster', 'P01', `${firstYear}-01-02`), Date.parse(`${firstYear}-01-02T09:00:00+08:00`) / 1000);
  stream.write(
    `commit refs/heads/main\nmark :${adoption}\nauthor ${orgHead}\ncommitter ${orgHead}\n${data('Adopt the archive: roster and code tables')}` +
      `M 100644 inline content/staff.yaml\n${data(staffYaml)}M 100644 inline content/archive.yaml\n${data(archiveYaml)}\n` +
      `reset refs/tags/${realisticAdoptionTag}\nfrom :${adoption}\n\n`,
  );
  const blobs = await writeBlobs(stream, layout, blocks);
  const counts = await writeHistory(stream, layout, blobs, roster, adoption);
  await stream.close();
  await gitProcess(out, ['update-ref', '-d', scratchRef], { env: gitEnvironment() });
  await gitProcess(out, ['reset', '-q', '--hard', 'main'], { env: gitEnvironment() });

  const kinds = { case: 0, consultation: 0, group: 0, community: 0, handover: 0 };
  for (const { kind } of layout.plans) kinds[kind]++;
  return { today: layout.today, kinds, ...counts };
}

/** Drops what would happen after the end, and approvals of its last days with everything after them. */
function stopAtTheEnd({ today, plans }: Layout): void {
  const lastApproval = addDays(today, -pendingDays);
  for (const { plan } of plans) {
    const steps = plan.timeline.steps;
    const stop = steps.findIndex((s) => s.day > today || (s.what === 'approve' && s.day > lastApproval));
    if (stop >= 0) steps.splice(stop);
  }
}

/** G-ARCHIVE-NO: numbers in the order the archiving submissions were made, per category, nature and year of the archive month. */
function numberArchives({ plans }: Layout, config: ArchiveConfig): void {
  const archiving = plans.flatMap(({ kind, plan }) =>
    kind === 'handover' ? [] : plan.timeline.steps.filter((s) => s.what === 'submit' && s.stage === 'archive').map((step) => ({ kind, plan, step })),
  );
  archiving.sort((a, b) => a.step.at - b.step.at);
  const taken = new Map<string, number>();
  for (const { kind, plan, step } of archiving) {
    const series = `${plan.category}-${config.kindNatures[kind]}`;
    const key = `${series}-${step.day.slice(0, 4)}`;
    const seq = (taken.get(key) ?? 0) + 1;
    taken.set(key, seq);
    plan.archiveNo = `${series}-${String(seq).padStart(config.sequenceWidth, '0')}-${step.day.slice(0, 4)}${step.day.slice(5, 7)}`;
  }
}

/** Every version of every record as a blob, one record's versions after another (fast-import deltas each against the one before). */
async function writeBlobs(stream: FastImport, { plans }: Layout, blocks: ReadonlyMap<string, string>): Promise<Map<Step, number>> {
  const marks = new Map<Step, number>();
  for (const { plan } of plans) {
    for (const step of plan.timeline.steps) {
      if (step.what !== 'submit' || !step.change) continue;
      step.change(plan.fields);
      const mark = stream.mark();
      stream.write(`blob\nmark :${mark}\n${data(render(plan, blocks.get(plan.id)))}`);
      marks.set(step, mark);
      await stream.flushIfFull();
    }
  }
  return marks;
}

function render(plan: RecordPlan, block: string | undefined): string {
  const raw: Record<string, string[]> = block !== undefined && plan.fields.client === sealedClient ? { client: clientEntry(block) } : {};
  return `---\n${header}\n${frontmatterLines(plan.fields, raw).join('\n')}\n---\n\n${plan.body}`;
}

function identity(roster: Roster, id: string, at: number): string {
  const person = roster.people.find((p) => p.id === id);
  const email = person?.git.emails[0];
  if (!person || !email) throw new Error(`${id} has no git identity in the roster`);
  return `${person.name} <${email}> ${at} +0800`;
}

/**
 * Every submission, rejection and approval of every record in time order: submissions and
 * rejections on the record's branch (first from main as it stands), approvals as merges into main
 * naming the branch head they reviewed. Branches still open at the end become `submit/<id>`.
 */
async function writeHistory(stream: FastImport, { plans }: Layout, blobs: ReadonlyMap<Step, number>, roster: Roster, adoption: number) {
  const events = plans.flatMap(({ plan }, p) => plan.timeline.steps.map((step, s) => ({ p, s, step })));
  events.sort((a, b) => a.step.at - b.step.at || a.p - b.p || a.s - b.s);
  const branches = plans.map(() => ({ tip: 0, blob: 0 }));
  let main = adoption;
  let commits = 0;
  let approvals = 0;
  let rejections = 0;
  for (const { p, step } of events) {
    const { plan } = plans[p] as Layout['plans'][number];
    const branch = branches[p] as { tip: number; blob: number };
    const who = identity(roster, step.by, step.at);
    const mark = stream.mark();
    commits++;
    if (step.what === 'approve') {
      const head = await stream.sha(branch.tip);
      const message = `Approve ${plan.id}: ${step.stage}\n\n${formatTrailers([
        ['Record', plan.id],
        ['Stage', step.stage],
        ['Approved-by', step.by],
        ['Role', stageDefinitions[step.stage].role],
        ['Approved-head', head],
      ])}\n`;
      // fast-import does not merge trees: the merge names the record's file as its branch left it.
      const file = branch.blob ? `M 100644 :${branch.blob} ${plan.path}\n` : '';
      stream.write(`commit refs/heads/main\nmark :${mark}\nauthor ${who}\ncommitter ${who}\n${data(message)}from :${main}\nmerge :${branch.tip}\n${file}\n`);
      main = mark;
      branch.tip = 0;
      branch.blob = 0;
      approvals++;
    } else {
      const message =
        step.what === 'submit'
          ? `Submit ${plan.id} for ${step.stage}\n\n${formatTrailers([['Record', plan.id], ['Stage', step.stage], ['Submitted-by', step.by]])}\n`
          : `Reject ${plan.id}: ${step.stage}\n\n${step.reason ?? ''}\n\n${formatTrailers([['Record', plan.id], ['Stage', step.stage], ['Rejected-by', step.by]])}\n`;
      const blob = blobs.get(step);
      stream.write(`commit ${scratchRef}\nmark :${mark}\nauthor ${who}\ncommitter ${who}\n${data(message)}from :${branch.tip || main}\n${blob ? `M 100644 :${blob} ${plan.path}\n` : ''}\n`);
      stream.ask(mark);
      branch.tip = mark;
      if (blob) branch.blob = blob;
      if (step.what === 'reject') rejections++;
    }
    await stream.flushIfFull();
  }
  let pending = 0;
  plans.forEach(({ plan }, p) => {
    const tip = branches[p]?.tip;
    if (!tip) return;
    stream.write(`reset refs/heads/submit/${plan.id}\nfrom :${tip}\n\n`);
    pending++;
  });
  return { commits, approvals, rejections, pending };
}
