import { startHistory } from '../ledger/git-log.ts';
import { loadLedger } from '../ledger/load-ledger.ts';
import { verifySignatures } from '../ledger/verify-signatures.ts';
import { readArchiveFiles } from '../records/read-archive.ts';
import { compareFindings, type Finding } from '../rules/finding.ts';
import type { HistoryContext, SignatureCheck } from '../rules/history/context.ts';
import type { Roster } from '../schemas/staff.ts';
import { runHistoryRules } from '../rules/history/index.ts';
import { archiveConfigFile, checkArchive, type CheckResult } from './check-archive.ts';

export interface RepositoryCheck extends CheckResult {
  /** The rules' view of content and history, when history was read. */
  history: HistoryContext | null;
}

/**
 * `swa check` in full: the content of the work tree, then every rule that needs main's history.
 * Outside a repository, without main, or before an adoption point is set, the content rules
 * still run and one warning says the history rules were skipped.
 */
export async function checkRepository(cwd: string, today: string): Promise<RepositoryCheck> {
  // git log runs in a process of its own, writing into its cache file, while the records are read
  // and checked here: on two cores the history costs little more than its parse.
  const historyRead = (await startHistory(cwd)).result;
  historyRead.catch(() => undefined);
  const content = checkArchive(await readArchiveFiles(cwd), today);
  if (!content.context) return { ...content, history: null };
  const loaded = await loadLedger(cwd, content.context.config.adoption, historyRead);
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
  const { ledger, rosterAt } = loaded;
  // Each approval is verified against the keys of the roster it was made under (a key rotated or
  // removed later does not void it): one batched git call per distinct roster.
  const byRoster = new Map<Roster, string[]>();
  for (const approval of ledger.approvals) {
    const roster = rosterAt(approval.firstParent);
    const approver = approval.approver && roster?.people.find((p) => p.id === approval.approver);
    if (!roster || !approver || approver.signingKeys.length === 0) continue;
    const shas = byRoster.get(roster);
    if (shas) shas.push(approval.sha);
    else byRoster.set(roster, [approval.sha]);
  }
  const signatures = new Map<string, SignatureCheck>();
  for (const [roster, shas] of byRoster) for (const [sha, check] of await verifySignatures(cwd, shas, roster)) signatures.set(sha, check);
  const history = runHistoryRules({ ...content.context, ledger, rosterAt, signatures });
  return { ...content, findings: [...content.findings, ...history.findings].sort(compareFindings), history: history.context };
}
