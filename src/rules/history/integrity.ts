import { groupBy } from '../../group-by.ts';
import { roleLabel, stageLabel } from '../../i18n/terms.ts';
import { approvedFiles, approvedRecord, configFiles } from '../../ledger/approval-scope.ts';
import { dayOf, indexBySha } from '../../ledger/commit.ts';
import type { Approval, ChangeRoute, Ledger } from '../../ledger/ledger.ts';
import { staffIdOf } from '../../ledger/identity.ts';
import { stageDefinitions, stageOrder, type Stage } from '../../ledger/stages.ts';
import { postOf, type ArchiveRecord } from '../../records/archive-record.ts';
import { locationFromPath } from '../../records/record-path.ts';
import { kindByDir, type RecordKind } from '../../schemas/index.ts';
import type { ArchiveConfig } from '../../schemas/archive-config.ts';
import type { Roster } from '../../schemas/staff.ts';
import type { Finding } from '../finding.ts';
import { mayAct } from '../roster.ts';
import { clockMessage, judgedDay, MainlineClock, unapprovedClockSkews, type ClockSkew } from './clock.ts';
import { historyFinding, shortSha, type HistoryContext } from './context.ts';
import { RosterAuthority, type ApprovedAt } from './roster-authority.ts';
import { signatureViolations } from './signatures.ts';

export interface Violation {
  rule: string;
  message: string;
}

export interface IntegrityResult {
  findings: Finding[];
  /** Approvals that broke a rule: they approve nothing. */
  invalid: Set<string>;
  /** The roster that authorises an approval made now: the last approved state of staff.yaml on main. */
  approvedRoster: Roster | null;
  /** Likewise the last approved archive.yaml. */
  approvedConfig: ArchiveConfig | null;
  /** The commits the two were read at (see RosterAuthority): what a kept result names them by. */
  approvedAt: ApprovedAt;
  /** Who made the approval at `place` in the ledger's approvals: the merge's author through the roster that authorised it (null when it names no one). */
  approverAt(place: number): string | null;
  /** Where the walk along main ended, for a pass over a longer main to resume from; absent from a result kept whole. */
  walk?: IntegrityWalk;
}

/** A violation found on the walk, with the approval that broke it (`index`: its place in the ledger's approvals). */
export interface Pending {
  approval: Approval;
  index: number;
  at: number;
  record: string | null;
  violation: Violation;
}

/**
 * Where the walk along main's first-parent history stood: everything checkIntegrity carries from
 * one commit to the next. What a pass made at an earlier tip, over the same work tree, goes on
 * from here over the commits main has gained since: the first `commits` of main and the first
 * `approvals` of the ledger are those it walked, and nothing it judged them by has changed.
 */
export interface IntegrityWalk {
  commits: number;
  approvals: number;
  /** The latest-dated commit so far (A-CLOCK). */
  latest: { sha: string; time: string } | undefined;
  skews: Map<string, ClockSkew>;
  approvedAt: ApprovedAt;
  invalid: Set<string>;
  /** Each approval walked, in the ledger's order: its place on main. */
  places: number[];
  approved: ApprovedStages;
  pending: Pending[];
  /** Where each unapproved change sits on main (what a remedy must come after). */
  changeAt: Map<string, number>;
  /** Who made each approval walked, in the ledger's order (see IntegrityResult.approverAt). */
  approvers: (string | null)[];
}

/** The walk before its first step, at the adoption point. */
export const walkFromAdoption = (ledger: Ledger): IntegrityWalk => ({
  commits: 0,
  approvals: 0,
  latest: undefined,
  skews: new Map(),
  approvedAt: { roster: ledger.adoption?.sha ?? null, config: ledger.adoption?.sha ?? null },
  invalid: new Set(),
  places: [],
  approved: new ApprovedStages(),
  pending: [],
  changeAt: new Map(),
  approvers: [],
});

/** The kind of a record id, by its directory (`cases/2026-0001`: case). */
function kindOf(record: string): RecordKind | undefined {
  const slash = record.indexOf('/');
  return kindByDir.get(slash < 0 ? record : record.slice(0, slash));
}

/** What an approval is judged against: the approved roster and configuration before it, the latest date on main before it, the stages approved before it. */
interface Judgement {
  roster: Roster | null;
  /** Who made the approval, as that roster names its author (null when it names no one, or cannot be read). */
  approver: string | null;
  /** The post of the record approved, which decides who may approve it. */
  post: string | undefined;
  config: ArchiveConfig | null;
  latestTime: string | undefined;
  skew: ClockSkew | undefined;
  earlier: ApprovedStages;
}

/**
 * A-UNAUTHORISED, A-SELF-APPROVAL, A-STALE-HEAD, A-ORDER, A-SIGNATURE, A-CLOCK over every approval,
 * in first-parent order, and A-UNAPPROVED-CHANGE over every change that reached main without one.
 * A violation stays an error until a valid approval of the same record and stage that comes
 * after it in first-parent order (never merely a later date) supersedes it. Given `from`, the walk
 * of an earlier pass over a prefix of this main, the pass takes it over and goes on from there.
 */
export function checkIntegrity(ctx: HistoryContext, from?: IntegrityWalk): IntegrityResult {
  const { ledger } = ctx;
  const walk = from ?? walkFromAdoption(ledger);
  // The rest of main holds only the approvals after those walked.
  const approvalAt = indexBySha(ledger.approvals.slice(walk.approvals));
  const changeShas = new Set(ledger.unapproved.map((change) => change.sha));
  const clock = new MainlineClock(walk.latest);
  const authority = new RosterAuthority(ctx.rosterAt, ctx.configAt, walk.approvedAt);
  const { invalid, approved, pending, approvers, skews, changeAt, places } = walk;

  // Along main in first-parent order: each commit's date is judged by the archive.yaml approved before it.
  const { mainline } = ledger;
  for (let at = walk.commits; at < mainline.length; at++) {
    const commit = mainline[at] as Ledger['mainline'][number];
    if (changeShas.has(commit.sha)) changeAt.set(commit.sha, at);
    const latestTime = clock.latest?.time;
    const skew = clock.next(commit, authority.config);
    if (skew) skews.set(commit.sha, skew);
    const approval = approvalAt.get(commit.sha);
    if (!approval) continue;
    // The ledger lists its approvals in first-parent order, main's alone: `places` and the kept
    // walk pair each with its place by that order.
    const index = places.length;
    if (ledger.approvals[index] !== approval) throw new Error(`审批列表与 main 的顺序不一致：${approval.sha}`);
    places.push(at);
    const record = approvedRecord(approval);
    const roster = authority.roster;
    const approver = roster && staffIdOf(roster, approval.author);
    const judgement = { roster, approver, post: postOf(record === null ? undefined : ctx.byId.get(record)), config: authority.config, latestTime, skew, earlier: approved };
    approvers.push(approver);
    const violations = violationsOf(ctx, approval, record, judgement);
    if (violations.length > 0) {
      invalid.add(approval.sha);
      for (const violation of violations) pending.push({ approval, index, at, record, violation });
    } else {
      approved.add(approval);
      authority.accept(approval);
    }
  }
  walk.commits = mainline.length;
  walk.approvals = places.length;
  walk.latest = clock.latest;
  walk.approvedAt = authority.approvedAt;

  const remedies = new Remedies(() => {
    const valid: Placed[] = [];
    for (let i = 0; i < places.length; i++) {
      const approval = ledger.approvals[i] as Approval;
      if (!invalid.has(approval.sha)) valid.push({ approval, at: places[i] as number });
    }
    return valid;
  });
  const findings = pending.map(({ approval, at, record, violation }) => {
    const later = remedies.firstAfter(`${approval.stage}\u0000${record}`, at);
    const suffix = later ? `；已由 ${shortSha(later.sha)} 重新审批` : '；此次合并不算审批，请由有权限的人重新审批';
    return historyFinding(ctx, record, violation.rule, later ? 'warning' : 'error', `合并 ${shortSha(approval.sha)}（${dayOf(approval.time)}）：${violation.message}${suffix}`, configFiles[0]);
  });
  findings.push(...unapprovedChanges(ctx, remedies, changeAt), ...unapprovedClockSkews(ctx, skews));
  return { findings, invalid, approvedRoster: authority.roster, approvedConfig: authority.config, approvedAt: authority.approvedAt, approverAt: approverAtOf(approvers), walk };
}

/**
 * Who made the approval at a place in the ledger's approvals, from a list in the ledger's order
 * (see IntegrityWalk.approvers); `places`: where each approval of a ledger of a few records stands
 * in that list. A look-up by place, not a map by sha: swa status asks about a hundred thousand approvals.
 */
export function approverAtOf(approvers: readonly (string | null)[], places?: readonly number[]): (place: number) => string | null {
  return places ? (place) => approvers[places[place] as number] ?? null : (place) => approvers[place] ?? null;
}

type Placed = { approval: Approval; at: number };

/**
 * Valid approvals by what they approve (a record's stage, a file), each list in first-parent
 * order: the first one after a commit remedies what that commit broke. Looked up once per
 * finding instead of scanning every approval for each, and indexed only once a finding asks
 * (a history without violations never does).
 */
class Remedies {
  private byKey: Map<string, Placed[]> | undefined;

  /** `valid`: the valid approvals with their positions on main, in first-parent order. */
  constructor(private readonly valid: () => readonly Placed[]) {}

  /** The first valid approval under `key` after position `at` on main. */
  firstAfter(key: string, at: number): Approval | undefined {
    this.byKey ??= groupBy(this.valid(), ({ approval }) => [`${approval.stage}\u0000${approvedRecord(approval)}`, ...approvedFiles(approval)]);
    return this.byKey.get(key)?.find((entry) => entry.at > at)?.approval;
  }
}

/**
 * Why `approval` would not count, judged as if it were merged now after every valid approval so
 * far; `merged` is the record as the merge would bring it (a new record is only on its branch).
 */
export function prospectiveViolations(ctx: HistoryContext, approval: Approval, merged: ArchiveRecord | undefined): Violation[] {
  const approved = new ApprovedStages();
  for (const a of ctx.ledger.approvals) if (!ctx.invalid.has(a.sha)) approved.add(a);
  let latestTime: string | undefined;
  let latestMs = Number.NaN;
  for (const c of ctx.ledger.mainline) {
    const ms = Date.parse(c.time);
    if (latestTime === undefined || ms > latestMs) [latestTime, latestMs] = [c.time, ms];
  }
  const record = approvedRecord(approval);
  const post = postOf(merged ?? (record === null ? undefined : ctx.byId.get(record)));
  const approver = ctx.approvedRoster && staffIdOf(ctx.approvedRoster, approval.author);
  return violationsOf(ctx, approval, record, { roster: ctx.approvedRoster, approver, post, config: ctx.approvedConfig, latestTime, skew: undefined, earlier: approved });
}

/** The stages validly approved so far, per record: what A-ORDER looks up for every approval. */
export class ApprovedStages {
  /** `stages`: as `entries` gave them. */
  constructor(private readonly stages = new Map<string, Set<string>>()) {}

  static of(entries: readonly [string, string[]][]): ApprovedStages {
    return new ApprovedStages(new Map(entries.map(([record, stages]) => [record, new Set(stages)])));
  }

  entries(): [string, string[]][] {
    return [...this.stages].map(([record, stages]) => [record, [...stages]]);
  }

  add(approval: Approval): void {
    const record = approvedRecord(approval);
    if (approval.stage === null || record === null) return;
    const stages = this.stages.get(record) ?? new Set();
    stages.add(approval.stage);
    this.stages.set(record, stages);
  }

  has(record: string, stage: Stage): boolean {
    return this.stages.get(record)?.has(stage) ?? false;
  }
}

function violationsOf(ctx: HistoryContext, approval: Approval, record: string | null, { roster, approver, post, config, latestTime, skew, earlier }: Judgement): Violation[] {
  const stage = approval.stage;
  if (stage === null) {
    return [{ rule: 'A-UNAUTHORISED', message: `合并没有写明已知的审批环节（Stage: ${approval.stageText ?? '无'}）` }];
  }
  if (!roster) return [{ rule: 'A-UNAUTHORISED', message: '合并前 main 上已批准的名册 staff.yaml 无法读取，无法确认审批人' }];
  // Who merged is read through the approved roster too: an e-mail added without approval names nobody.
  if (approver === null) {
    return [{ rule: 'A-UNAUTHORISED', message: `合并者 ${approval.author.name} <${approval.author.email}> 不在合并前 main 上已批准的名册中` }];
  }
  const violations: Violation[] = [];
  if (skew) violations.push({ rule: 'A-CLOCK', message: clockMessage(skew) });
  if (approval.claimedApprover !== null && approval.claimedApprover !== approver) {
    violations.push({ rule: 'A-UNAUTHORISED', message: `Approved-by 写的是 ${approval.claimedApprover}，但合并者是 ${approver}` });
  }
  const role = stageDefinitions[stage].role;
  if (approval.claimedRole !== null && approval.claimedRole !== role) {
    violations.push({ rule: 'A-UNAUTHORISED', message: `Role 写的是 ${approval.claimedRole}（${roleLabel(approval.claimedRole)}），但「${stageDefinitions[stage].label}」所需的角色是「${roleLabel(role)}」` });
  }
  const day = judgedDay(approval.time, latestTime);
  if (!mayAct(roster, approver, role, post, day)) {
    violations.push({
      rule: 'A-UNAUTHORISED',
      message: `${approver} 在 ${day} 不担任「${stageDefinitions[stage].label}」所需的角色「${roleLabel(role)}」（以合并前 main 上已批准的名册为准）`,
    });
  }
  const authors = branchAuthors(roster, approval);
  // Who recorded the merge, too: a worker who merges under the supervisor's e-mail stays its committer.
  const merger = staffIdOf(roster, approval.committer);
  if (authors.has(approver)) {
    violations.push({ rule: 'A-SELF-APPROVAL', message: `审批人 ${approver} 是被合并分支的提交者或作者，不能审批自己的工作` });
  } else if (merger !== null && authors.has(merger)) {
    violations.push({ rule: 'A-SELF-APPROVAL', message: `合并的提交者（committer）${merger} 是被合并分支的作者，却把合并写成 ${approver} 的审批：不能审批自己的工作` });
  }
  // The full id: a commit made to match a few leading digits would pass for the one reviewed.
  if (approval.approvedHead !== null && approval.approvedHead !== approval.mergedHead) {
    violations.push({
      rule: 'A-STALE-HEAD',
      message: approval.mergedHead.startsWith(approval.approvedHead)
        ? `Approved-head 应写完整的提交哈希，${approval.approvedHead} 只是开头几位，另造一个开头相同的提交也能对上`
        : `审批的是 ${shortSha(approval.approvedHead)}，实际合并的是 ${shortSha(approval.mergedHead)}：合并的内容不是审阅过的内容`,
    });
  }
  if (ctx.rewritten.has(approval.sha)) {
    violations.push({
      rule: 'A-STALE-HEAD',
      message: `合并提交本身改动了 ${approvedFiles(approval).join('、')}：合并后的内容与审阅的分支头 ${shortSha(approval.mergedHead)} 不同，合并时另加的改动没有经过审阅`,
    });
  }
  if (record !== null) violations.push(...orderViolations(ctx, stage, record, earlier));
  violations.push(...signatureViolations(ctx.signatures.get(approval.sha), roster, approver, config?.signedApprovals === 'required'));
  return violations;
}

function branchAuthors(roster: Roster, approval: Approval): Set<string> {
  const authors = new Set<string>();
  for (const commit of approval.branchAuthorship) {
    if (commit.rejectionNote) continue;
    // The committer as well as the author: setting a worker as author does not hide who wrote it
    // (the roster reads an identity by its e-mail alone, so a committer with the author's is the author).
    const author = staffIdOf(roster, commit.author);
    if (author) authors.add(author);
    const committer = commit.committer.email === commit.author.email ? null : staffIdOf(roster, commit.committer);
    if (committer) authors.add(committer);
    if (commit.submittedBy) authors.add(commit.submittedBy);
  }
  return authors;
}

function orderViolations(ctx: HistoryContext, stage: Stage, record: string, earlier: ApprovedStages): Violation[] {
  const kind = kindOf(record);
  if (!kind) return [];
  const order = stageOrder[kind];
  const dependencies = order[stage];
  if (dependencies === undefined) {
    return [{ rule: 'A-ORDER', message: `${record} 这类记录没有「${stageDefinitions[stage].label}」环节；可用：${Object.keys(order).map((s) => `「${stageLabel(s)}」`).join('、')}` }];
  }
  if (ctx.ledger.imported.has(record)) return [];
  return dependencies
    .filter((dependency) => !earlier.has(record, dependency))
    .map((dependency) => ({
      rule: 'A-ORDER',
      message: `「${stageDefinitions[stage].label}」早于它所依赖的「${stageDefinitions[dependency].label}」`,
    }));
}

const routeLabels: Record<Exclude<ChangeRoute, 'carried'>, string> = {
  squash: '压缩合并（squash），审批所依据的合并提交已不存在',
  rebase: '变基合并（rebase），提交被改写且没有审批合并',
  'fast-forward': '快进合并（fast-forward），没有审批合并提交',
  'direct-push': '直接推送到 main，没有经过审批',
  'merge-without-approval': '合并提交没有写明记录与审批环节（Record/Stage）',
};

function unapprovedChanges(ctx: HistoryContext, remedies: Remedies, changeAt: ReadonlyMap<string, number>): Finding[] {
  const carried = new Set(ctx.ledger.unapproved.filter((change) => change.how === 'carried').map((change) => change.sha));
  const carrierAt = carried.size === 0 ? new Map<string, Approval>() : indexBySha(ctx.ledger.approvals.filter((a) => carried.has(a.sha)));
  return ctx.ledger.unapproved.flatMap((change) =>
    change.files.map((file) => {
      const record = locationFromPath(file)?.id ?? null;
      const later = remedies.firstAfter(file, changeAt.get(change.sha) ?? Infinity);
      const what = record ?? file;
      const carrier = carrierAt.get(change.sha);
      const how = change.how === 'carried' ? `${carrier ? carrierLabel(carrier) : ''}的审批合并顺带带入（一次审批只批准它写明的那一份）` : routeLabels[change.how];
      const message = `${what} 在 ${dayOf(change.time)} 经由${how}（提交 ${shortSha(change.sha)}，作者 ${change.author.name}）${
        later ? `；之后已由 ${shortSha(later.sha)} 审批` : '；这次改动不算已审批'
      }`;
      return historyFinding(ctx, record, 'A-UNAPPROVED-CHANGE', later ? 'warning' : 'error', message, file);
    }),
  );
}

function carrierLabel(approval: Approval): string {
  const record = approvedRecord(approval);
  return record !== null ? `${record} ` : approval.stage === 'roster' ? '名册与配置变更' : '未写明记录';
}
