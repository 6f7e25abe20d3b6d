import { dayOf } from '../../ledger/commit.ts';
import { configFiles, type Approval, type ChangeRoute } from '../../ledger/ledger.ts';
import { staffIdOf } from '../../ledger/identity.ts';
import { stageDefinitions, stageOrder, type Stage } from '../../ledger/stages.ts';
import { locationFromPath } from '../../records/record-path.ts';
import { kindByDir, type RecordKind } from '../../schemas/index.ts';
import type { Roster } from '../../schemas/staff.ts';
import type { Finding } from '../finding.ts';
import { actsAsSupervisor, holdsRole } from '../roster.ts';
import { historyFinding, recordsOf, shortSha, type HistoryContext } from './context.ts';

export interface Violation {
  rule: string;
  message: string;
}

export interface IntegrityResult {
  findings: Finding[];
  /** Approvals that broke a rule: they approve nothing. */
  invalid: Set<string>;
}

const kindOf = (record: string): RecordKind | undefined => kindByDir.get(record.split('/')[0] ?? '');

/**
 * A-UNAUTHORISED, A-SELF-APPROVAL, A-STALE-HEAD, A-ORDER, A-SIGNATURE over every approval, and
 * A-UNAPPROVED-CHANGE over every change that reached main without one. A violation stays an
 * error until a later, valid approval of the same record and stage supersedes it.
 */
export function checkIntegrity(ctx: HistoryContext): IntegrityResult {
  const invalid = new Set<string>();
  const valid: Approval[] = [];
  const approved = new ApprovedStages();
  const pending: { approval: Approval; record: string | null; violation: Violation }[] = [];

  for (const approval of ctx.ledger.approvals) {
    const records = recordsOf(approval);
    const targets: (string | null)[] = records.length > 0 ? records : [null];
    const violations = targets.flatMap((record) => violationsOf(ctx, approval, record, approved).map((violation) => ({ approval, record, violation })));
    if (violations.length > 0) {
      invalid.add(approval.sha);
      pending.push(...violations);
    } else {
      valid.push(approval);
      approved.add(approval);
    }
  }

  const supersededBy = (approval: Approval, record: string | null) =>
    valid.find((later) => Date.parse(later.time) > Date.parse(approval.time) && later.stage === approval.stage && (record === null || recordsOf(later).includes(record)));
  const findings = pending.map(({ approval, record, violation }) => {
    const later = supersededBy(approval, record);
    const suffix = later ? `；已由 ${shortSha(later.sha)} 重新审批` : '；此次合并不算审批，请由有权限的人重新审批';
    return historyFinding(ctx, record, violation.rule, later ? 'warning' : 'error', `合并 ${shortSha(approval.sha)}（${dayOf(approval.time)}）：${violation.message}${suffix}`, configFiles[0]);
  });
  findings.push(...unapprovedChanges(ctx, valid));
  return { findings, invalid };
}

/** Why `approval` would not count, judged as if it were merged now after every valid approval so far. */
export function prospectiveViolations(ctx: HistoryContext, approval: Approval): Violation[] {
  const approved = new ApprovedStages();
  for (const a of ctx.ledger.approvals) if (!ctx.invalid.has(a.sha)) approved.add(a);
  const records = recordsOf(approval);
  return (records.length > 0 ? records : [null]).flatMap((record) => violationsOf(ctx, approval, record, approved));
}

/** The stages validly approved so far, per record: what A-ORDER looks up for every approval. */
class ApprovedStages {
  private readonly stages = new Map<string, Set<string>>();

  add(approval: Approval): void {
    if (approval.stage === null) return;
    for (const record of recordsOf(approval)) {
      const stages = this.stages.get(record) ?? new Set();
      stages.add(approval.stage);
      this.stages.set(record, stages);
    }
  }

  has(record: string, stage: Stage): boolean {
    return this.stages.get(record)?.has(stage) ?? false;
  }
}

function violationsOf(ctx: HistoryContext, approval: Approval, record: string | null, earlier: ApprovedStages): Violation[] {
  const roster = ctx.rosterAt(approval.firstParent);
  const stage = approval.stage;
  if (stage === null) {
    return [{ rule: 'A-UNAUTHORISED', message: `合并没有写明已知的审批环节（Stage: ${approval.stageText ?? '无'}）` }];
  }
  if (!roster) return [{ rule: 'A-UNAUTHORISED', message: '合并前 main 上的名册 staff.yaml 无法读取，无法确认审批人' }];
  const approver = approval.approver;
  if (approver === null) {
    return [{ rule: 'A-UNAUTHORISED', message: `合并者 ${approval.author.name} <${approval.author.email}> 不在合并前 main 上的名册中` }];
  }
  const violations: Violation[] = [];
  if (approval.claimedApprover !== null && approval.claimedApprover !== approver) {
    violations.push({ rule: 'A-UNAUTHORISED', message: `Approved-by 写的是 ${approval.claimedApprover}，但合并者是 ${approver}` });
  }
  const role = stageDefinitions[stage].role;
  if (approval.claimedRole !== null && approval.claimedRole !== role) {
    violations.push({ rule: 'A-UNAUTHORISED', message: `Role 写的是 ${approval.claimedRole}，但「${stageDefinitions[stage].label}」所需的角色是 ${role}` });
  }
  const day = dayOf(approval.time);
  if (!holdsStageRole(ctx, roster, approver, stage, record, day)) {
    violations.push({
      rule: 'A-UNAUTHORISED',
      message: `${approver} 在 ${day} 不担任「${stageDefinitions[stage].label}」所需的角色 ${role}（以合并前 main 上的名册为准）`,
    });
  }
  const authors = branchAuthors(roster, approval);
  if (authors.has(approver)) {
    violations.push({ rule: 'A-SELF-APPROVAL', message: `审批人 ${approver} 是被合并分支的提交者或作者，不能审批自己的工作` });
  }
  if (approval.approvedHead !== null && (!/^[0-9a-f]{7,40}$/.test(approval.approvedHead) || !approval.mergedHead.startsWith(approval.approvedHead))) {
    violations.push({
      rule: 'A-STALE-HEAD',
      message: `审批的是 ${shortSha(approval.approvedHead)}，实际合并的是 ${shortSha(approval.mergedHead)}：合并的内容不是审阅过的内容`,
    });
  }
  if (record !== null) violations.push(...orderViolations(ctx, approval, stage, record, earlier));
  if (stage !== 'roster' && approval.files.some((f) => configFiles.includes(f))) {
    violations.push({ rule: 'A-UNAUTHORISED', message: '合并同时修改了名册或配置（staff.yaml / archive.yaml）；此类变更须单独以 roster 环节由机构负责人审批' });
  }
  violations.push(...signatureViolations(ctx, roster, approval, approver));
  return violations;
}

function holdsStageRole(ctx: HistoryContext, roster: Roster, approver: string, stage: Stage, record: string | null, day: string): boolean {
  const role = stageDefinitions[stage].role;
  const parsed = record ? ctx.byId.get(record) : undefined;
  const post = parsed && 'post' in parsed.data ? (parsed.data.post as string) : undefined;
  if (role === 'supervisor') {
    return post !== undefined ? actsAsSupervisor(roster, approver, post, day) : holdsRole(roster, approver, 'supervisor', day);
  }
  return holdsRole(roster, approver, role, day, role === 'employer' ? post : undefined);
}

function branchAuthors(roster: Roster, approval: Approval): Set<string> {
  const authors = new Set<string>();
  for (const commit of approval.branchCommits) {
    // A reviewer's rejection note on the branch changes nothing: it does not make them an author.
    if (commit.changes.length === 0 && /^Rejected-by:/im.test(commit.message)) continue;
    const id = staffIdOf(roster, commit.author);
    if (id) authors.add(id);
    const submitted = /^Submitted-by: *(\S+)$/im.exec(commit.message)?.[1];
    if (submitted) authors.add(submitted);
  }
  return authors;
}

function orderViolations(ctx: HistoryContext, approval: Approval, stage: Stage, record: string, earlier: ApprovedStages): Violation[] {
  const kind = kindOf(record);
  if (!kind) return [];
  const order = stageOrder[kind];
  const dependencies = order[stage];
  if (dependencies === undefined) {
    return [{ rule: 'A-ORDER', message: `${record} 这类记录没有「${stageDefinitions[stage].label}」（${stage}）环节；可用：${Object.keys(order).join('、')}` }];
  }
  if (ctx.ledger.imported.has(record)) return [];
  return dependencies
    .filter((dependency) => !earlier.has(record, dependency))
    .map((dependency) => ({
      rule: 'A-ORDER',
      message: `「${stageDefinitions[stage].label}」早于它所依赖的「${stageDefinitions[dependency].label}」（${dependency}）`,
    }));
}

function signatureViolations(ctx: HistoryContext, roster: Roster, approval: Approval, approver: string): Violation[] {
  const person = roster.people.find((p) => p.id === approver);
  if (!person || person.signingKeys.length === 0) return [];
  const check = ctx.signatures.get(approval.sha);
  if (check && (check.status === 'G' || check.status === 'U') && check.signer === approver) return [];
  const seen = check ? `签名状态 ${check.status}${check.signer ? `，签名人 ${check.signer}` : ''}` : '没有签名';
  return [{ rule: 'A-SIGNATURE', message: `名册为 ${approver} 登记了签名公钥，此次审批须有其有效签名（${seen}）` }];
}

const routeLabels: Record<ChangeRoute, string> = {
  squash: '压缩合并（squash），审批所依据的合并提交已不存在',
  rebase: '变基合并（rebase），提交被改写且没有审批合并',
  'fast-forward': '快进合并（fast-forward），没有审批合并提交',
  'direct-push': '直接推送到 main，没有经过审批',
  'merge-without-approval': '合并提交没有写明记录与审批环节（Record/Stage）',
};

function unapprovedChanges(ctx: HistoryContext, valid: readonly Approval[]): Finding[] {
  return ctx.ledger.unapproved.flatMap((change) =>
    change.files.map((file) => {
      const record = locationFromPath(file)?.id ?? null;
      const later = valid.find(
        (a) => Date.parse(a.time) > Date.parse(change.time) && (record ? recordsOf(a).includes(record) : a.stage === 'roster'),
      );
      const what = record ?? file;
      const message = `${what} 在 ${dayOf(change.time)} 经由${routeLabels[change.how]}（提交 ${shortSha(change.sha)}，作者 ${change.author.name}）${
        later ? `；之后已由 ${shortSha(later.sha)} 审批` : '；这次改动不算已审批'
      }`;
      return historyFinding(ctx, record, 'A-UNAPPROVED-CHANGE', later ? 'warning' : 'error', message, file);
    }),
  );
}
