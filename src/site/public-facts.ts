import type { TimelineEntry } from '../approvals/timeline.ts';
import { isStage, stageDefinitions } from '../ledger/stages.ts';
import { firstOnMainLabel, roleLabel } from '../i18n/terms.ts';
import type { Finding } from '../rules/finding.ts';
import { ruleGuide } from './rule-guide.ts';

/*
 * The de-identified site never shows text a person typed into git (commit messages, trailer
 * values, branch names, rejection reasons, author names): anyone can type a client's name there.
 * What it shows of history is built here from structured facts only: the rule ID, a stage from the
 * known list, a staff member from the roster, a commit hash and a date.
 */

const meaning = new Map(ruleGuide.map((r) => [r.id, r.meaning]));
const stageLabel = (stage: string | null) => (stage && isStage(stage) ? `「${stageDefinitions[stage].label}」` : '（未写明已知的环节）');

/** Commit hashes and dates in a message: hex digits and numbers, which cannot carry a name. */
function factsOf(message: string): string[] {
  const shas = message.match(/(?<![0-9a-z])[0-9a-f]{8}(?![0-9a-z])/g) ?? [];
  const dates = message.match(/(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/g) ?? [];
  return [...new Set([...shas.map((s) => `提交 ${s}`), ...dates])];
}

/** Whether a finding's message is made from git history (A-*: who merged, what a trailer said). */
export const isHistoryFinding = (finding: Pick<Finding, 'rule'>) => finding.rule.startsWith('A-');

/**
 * A finding's message for the de-identified site: content findings as they are (made from the
 * published record), history findings rebuilt from the rule's meaning, commit hashes and dates.
 */
export function publicFindingMessage(finding: Finding): string {
  if (!isHistoryFinding(finding)) return finding.message;
  const facts = factsOf(finding.message);
  return `${meaning.get(finding.rule) ?? finding.rule}${facts.length > 0 ? `（${facts.join('，')}）` : ''}；详情见内部版本或 swa log`;
}

/**
 * A timeline entry's note for the de-identified site; `rules` are the IDs of the findings about
 * its commit, `signed` whether git verified a signature by a key the roster lists.
 */
export function publicTimelineNote(entry: TimelineEntry, rules: readonly string[], signed = false): string {
  switch (entry.kind) {
    case 'import':
      return '导入（启用审批前已在档案中）';
    case 'first-on-main':
      return firstOnMainLabel;
    case 'submitted':
      return `提交${stageLabel(entry.stage)}`;
    case 'rejected':
      return `退回${stageLabel(entry.stage)}`;
    case 'approved':
      return `批准${stageLabel(entry.stage)}${entry.stage && isStage(entry.stage) ? `（${roleLabel(stageDefinitions[entry.stage].role)}${signed ? '，有名册登记密钥的签名' : ''}）` : ''}`;
    case 'invalid-approval':
      return `无效的审批${stageLabel(entry.stage)}${rules.length > 0 ? `：${[...new Set(rules)].join('、')}` : ''}`;
    case 'unapproved-change':
      return '未经审批的改动';
  }
}
