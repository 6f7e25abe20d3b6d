import { startHistory, type HistoryRead } from '../ledger/git-log.ts';
import { loadLedger } from '../ledger/load-ledger.ts';
import { configsAt } from '../ledger/read-configs.ts';
import { verifySignatures } from '../ledger/verify-signatures.ts';
import { ParseCache } from '../records/parse-cache.ts';
import { IntegrityCache } from './integrity-cache.ts';
import { KeptFindings } from './kept-findings.ts';
import { readArchiveFiles } from '../records/read-archive.ts';
import { compareFindings, type Finding } from '../rules/finding.ts';
import type { HistoryContext, SignatureCheck } from '../rules/history/context.ts';
import { runHistoryRules } from '../rules/history/index.ts';
import { archiveConfigFile, checkArchive, type CheckResult, type SourceFile } from './check-archive.ts';

export interface CheckOptions {
  /** The files checked: all of content/ unless a caller such as checkRecord reads fewer. */
  read?: (cwd: string) => Promise<SourceFile[]>;
  /** Whether the history rules are asked only about the records read (checkRecord): the ledger then holds their history alone. */
  recordsReadOnly?: boolean;
  /** The files of the only records whose per-record content rules run (checkRecord: the record asked about); the archive-wide rules see every record read. */
  judged?: ReadonlySet<string>;
  /**
   * Whether only what the rules see is wanted (swa due, swa status): the records, the ledger and
   * which approvals count. The rules that only report findings do not run; the findings are those
   * of parsing and of approval integrity.
   */
  stateOnly?: boolean;
}

export interface RepositoryCheck extends CheckResult {
  /** The rules' view of content and history, when history was read. */
  history: HistoryContext | null;
}

/**
 * `swa check` in full: the content of the work tree, then every rule that needs main's history.
 * Outside a repository, without main, or before an adoption point is set, the content rules
 * still run and one warning says the history rules were skipped. History is read whole, or from
 * the ledger snapshot, with only the parts of the records read when `recordsReadOnly`.
 */
export async function checkRepository(cwd: string, today: string, { read = readArchiveFiles, recordsReadOnly = false, stateOnly = false, judged }: CheckOptions = {}): Promise<RepositoryCheck> {
  // git log runs in a process of its own, writing into its cache file, while the records are read
  // and checked here: on two cores the history costs little more than its parse.
  let started: HistoryRead | undefined = await startHistory(cwd);
  started.result.catch(() => undefined);
  const { cacheDir } = started;
  // A check of a few records parses them: reading every record's kept parse would cost more.
  const parses = cacheDir === undefined || recordsReadOnly ? undefined : ParseCache.load(cacheDir);
  // What the rules found in each record is kept by a whole check only: a check of a few would drop the rest.
  const memoised = cacheDir !== undefined && !recordsReadOnly && !stateOnly;
  const contentMemo = memoised ? KeptFindings.load(cacheDir, 'content-findings.json') : undefined;
  const content = checkArchive(await read(cwd), today, parses, { contentRules: !stateOnly, memo: contentMemo, judged });
  parses?.save();
  contentMemo?.save();
  if (!content.context) return { ...content, history: null };
  const records = recordsReadOnly ? [...content.context.byId.keys(), ...content.context.unparsed] : undefined;
  // Handed over, not kept: every commit read would stay alive as long as a function holds the read.
  const loading = loadLedger(cwd, content.context.config.adoption, started.result, records, true);
  started = undefined;
  const loaded = await loading;
  if ('skipped' in loaded) {
    const finding: Finding = {
      rule: 'PARSE',
      severity: loaded.broken ? 'error' : 'warning',
      record: null,
      file: archiveConfigFile,
      line: 1,
      message: `未检查审批历史：${loaded.skipped}；依赖 git 历史的规则（A-*、C-INTAKE-APPROVAL、GR-PLAN-LEAD 等）已跳过，只检查了内容`,
    };
    return { ...content, findings: [...content.findings, finding].sort(compareFindings), history: null };
  }
  const { ledger, rosterAt, rostersSinceAdoption, rewritten } = loaded;
  // archive.yaml counts as it was last approved (signedApprovals applies from the roster approval
  // that turned it on): read at the adoption point and at the roster approvals that changed it.
  // And where archive.yaml changed up to the adoption point: had one set an adoption point already (adoption.ts)?
  const configShas = [ledger.adoption!.sha, ...ledger.configsBeforeAdoption, ...ledger.approvals.filter((a) => a.stage === 'roster' && a.files.includes(archiveConfigFile)).map((a) => a.sha)];
  const configs = await configsAt(cwd, configShas);
  const configAt = (sha: string) => configs.get(sha) ?? null;
  // Which key had to sign an approval depends on the roster that authorised it, known only inside
  // the integrity pass: every approval is verified at once against the keys of every roster on main.
  const rosters = new Set(rostersSinceAdoption);
  const signing = [...configs.values()].some((c) => c?.signedApprovals === 'required') || [...rosters].some((r) => r.people.some((p) => p.signingKeys.length > 0));
  const signatures = signing ? await verifySignatures(cwd, ledger.approvals.map((a) => a.sha), rosters) : new Map<string, SignatureCheck>();
  const ctx = { ...content.context, ledger, rosterAt, configAt, rewritten, signatures };
  // The whole pass's result, kept from an earlier run, serves a check of a few records too (see IntegrityCache.read); only a whole pass is kept.
  const verdicts = cacheDir !== undefined && loaded.id !== undefined ? new IntegrityCache(cacheDir, loaded.id) : undefined;
  const kept = verdicts?.read(ledger, ctx, recordsReadOnly ? { approvalPlaces: loaded.approvalPlaces } : undefined) ?? undefined;
  // Without a snapshot's part digests the memo is not consulted, and not saved: what it kept stays for the next check.
  const historyMemo = memoised && loaded.partDigests ? { memo: KeptFindings.load(cacheDir, 'history-findings.json'), partOf: loaded.partDigests } : undefined;
  // A whole pass not kept for this ledger may go on from the walk kept at an earlier tip.
  const resume = verdicts && !kept && !recordsReadOnly ? verdicts.walkToResume(ledger, ctx) : undefined;
  const history = runHistoryRules(ctx, { recordRules: !stateOnly, kept, resume, memo: historyMemo });
  if (verdicts && !kept && !recordsReadOnly) verdicts.write(ledger, ctx, history.integrity);
  historyMemo?.memo.save();
  return { ...content, findings: [...content.findings, ...history.findings].sort(compareFindings), history: history.context };
}
