import { loadLedger } from '../ledger/load-ledger.ts';
import { verifySignatures } from '../ledger/verify-signatures.ts';
import { readArchiveFiles } from '../records/read-archive.ts';
import { compareFindings, type Finding } from '../rules/finding.ts';
import type { HistoryContext } from '../rules/history/context.ts';
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
  const content = checkArchive(await readArchiveFiles(cwd), today);
  if (!content.context) return { ...content, history: null };
  const loaded = await loadLedger(cwd, content.context.config.adoption);
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
  const toVerify = ledger.approvals.filter((a) => {
    const approver = a.approver && rosterAt(a.firstParent)?.people.find((p) => p.id === a.approver);
    return approver && approver.signingKeys.length > 0;
  });
  const tipRoster = rosterAt(ledger.mainTip) ?? content.context.roster;
  const signatures = await verifySignatures(cwd, toVerify.map((a) => a.sha), tipRoster);
  const history = runHistoryRules({ ...content.context, ledger, rosterAt, signatures });
  return { ...content, findings: [...content.findings, ...history.findings].sort(compareFindings), history: history.context };
}
