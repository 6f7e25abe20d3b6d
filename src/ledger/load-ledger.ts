import { parseConfig } from '../records/parse-config.ts';
import { staffSchema, type Roster } from '../schemas/staff.ts';
import { blobsAt, type BlobAt } from './blob-at.ts';
import { readHistory, type History } from './git-log.ts';
import { buildLedger, type Ledger } from './ledger.ts';
import type { Commit } from './commit.ts';
import { readBlobs } from './read-blobs.ts';
import { isShallow, shallowMessage } from './shallow.ts';

export type LedgerResult =
  | { ledger: Ledger; rosterAt(sha: string): Roster | null; blobAt: BlobAt }
  | { skipped: string; broken?: boolean };

const staffPath = 'content/staff.yaml';

/**
 * The edge that feeds the pure ledger: one `git log` for the history and one `git cat-file
 * --batch` for the roster as it stood on main before each merge and at the tip. A caller that
 * has other work to do meanwhile starts `readHistory` itself and passes its promise in.
 */
export async function loadLedger(cwd: string, adoptionRef: string | undefined, historyRead: Promise<History | null> = readHistory(cwd)): Promise<LedgerResult> {
  const history = await historyRead;
  if (!history) return { skipped: '档案目录不是 git 仓库的根目录' };
  // Before anything the cut-off history seems to lack: the adoption point, main, the commits of a merged branch.
  if (await isShallow(cwd)) return { skipped: shallowMessage, broken: true };
  if (!history.mainTip) return { skipped: '仓库没有 main 分支' };
  if (!adoptionRef) return { skipped: 'archive.yaml 没有设定启用审批的起点（adoption）' };

  // The roster on main changes only where a first-parent commit touched staff.yaml: read those
  // versions alone (a handful, even for thousands of approvals) and parse each once.
  const { bySha } = history;
  const versionAt = rosterVersions(bySha, history.mainTip);
  const blobs = await readBlobs(cwd, [...new Set(versionAt.values())].map((sha) => `${sha}:${staffPath}`));
  const rosters = new Map<string, Roster | null>();
  const rosterAt = (sha: string): Roster | null => {
    const version = versionAt.get(sha);
    if (version === undefined) return null;
    if (!rosters.has(version)) rosters.set(version, parseConfig(staffPath, blobs.get(`${version}:${staffPath}`) ?? undefined, staffSchema).value);
    return rosters.get(version) ?? null;
  };
  const ledger = buildLedger({ commits: history.commits, bySha, mainTip: history.mainTip, adoptionRef, rosterAt });
  if (!ledger.adoption) return { skipped: `在 main 的历史中找不到 archive.yaml 设定的起点 ${adoptionRef}（标签名或提交哈希）`, broken: true };
  return { ledger, rosterAt, blobAt: blobsAt(bySha, history.mainTip) };
}

/** For every commit on main's first-parent history, the commit whose staff.yaml it carries. */
function rosterVersions(bySha: ReadonlyMap<string, Commit>, mainTip: string): Map<string, string> {
  const chain: Commit[] = [];
  for (let c = bySha.get(mainTip); c; c = c.parents[0] ? bySha.get(c.parents[0]) : undefined) chain.push(c);
  const versions = new Map<string, string>();
  let current: string | undefined;
  for (const commit of chain.reverse()) {
    if (current === undefined || commit.changes.some((change) => change.path === staffPath)) current = commit.sha;
    versions.set(commit.sha, current);
  }
  return versions;
}
