import { parseConfig } from '../records/parse-config.ts';
import { staffSchema, type Roster } from '../schemas/staff.ts';
import { readHistory } from './git-log.ts';
import { buildLedger, type Ledger } from './ledger.ts';
import { readBlobs } from './read-blobs.ts';

export type LedgerResult =
  | { ledger: Ledger; rosterAt(sha: string): Roster | null }
  | { skipped: string; broken?: boolean };

const staffPath = 'content/staff.yaml';

/**
 * The edge that feeds the pure ledger: one `git log` for the history and one `git cat-file
 * --batch` for the roster as it stood on main before each merge and at the tip.
 */
export async function loadLedger(cwd: string, adoptionRef: string | undefined): Promise<LedgerResult> {
  const history = await readHistory(cwd);
  if (!history) return { skipped: '档案目录不是 git 仓库的根目录' };
  if (!history.mainTip) return { skipped: '仓库没有 main 分支' };
  if (!adoptionRef) return { skipped: 'archive.yaml 没有设定启用审批的起点（adoption）' };

  const revisions = [history.mainTip, ...history.commits.filter((c) => c.parents.length > 1).map((c) => c.parents[0] as string)];
  const blobs = await readBlobs(cwd, revisions.map((sha) => `${sha}:${staffPath}`));
  // Parsed once per distinct text: thousands of merges usually share a handful of roster versions.
  const rosters = new Map<string | null, Roster | null>();
  const rosterAt = (sha: string): Roster | null => {
    const text = blobs.get(`${sha}:${staffPath}`) ?? null;
    if (!rosters.has(text)) rosters.set(text, parseConfig(staffPath, text ?? undefined, staffSchema).value);
    return rosters.get(text) ?? null;
  };
  const ledger = buildLedger({ commits: history.commits, mainTip: history.mainTip, adoptionRef, rosterAt });
  if (!ledger.adoption) return { skipped: `在 main 的历史中找不到 archive.yaml 设定的起点 ${adoptionRef}（标签名或提交哈希）`, broken: true };
  return { ledger, rosterAt };
}
