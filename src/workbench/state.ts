import { readBranchRecords } from '../approvals/branch-records.ts';
import { dueList, type Obligation } from '../archive/due.ts';
import { checkRepository, type RepositoryCheck } from '../check/check-repository.ts';
import type { ArchiveRecord } from '../records/archive-record.ts';
import type { HistoryContext } from '../rules/history/context.ts';
import { namerOf, type Namer } from '../site/value-parts.ts';
import { remoteSubmissions } from './remote-submissions.ts';
import { whoAmI, type Me } from './who.ts';
import type { Waiting } from './work-list.ts';

export interface State {
  repo: RepositoryCheck;
  history: HistoryContext | null;
  me: Me;
  /** Staff and posts by name (the site's namer): S05 → 陈一禾, P01 → 东湖街道岗位. */
  names: Namer;
  due: Obligation[];
  remote: Waiting[];
  /** Records that exist only on their submit branch, as its tip holds them. */
  branchRecords: ArchiveRecord[];
}

/** What a page needs, read afresh for each request: the work tree, main's history, the submit branches. */
export async function readState(cwd: string, today: string): Promise<State> {
  const repo = await checkRepository(cwd, today);
  const roster = repo.history?.approvedRoster ?? repo.context?.roster ?? null;
  const me = await whoAmI(cwd, roster, today);
  const names: Namer = roster ? namerOf(roster, new Set()) : (value) => ({ text: value });
  const history = repo.history;
  const branchRecords = history ? await readBranchRecords(cwd, history) : [];
  const due = repo.context ? dueList(repo.context, history, branchRecords) : [];
  const remote = history ? await remoteSubmissions(cwd, history) : [];
  return { repo, history, me, names, due, remote, branchRecords };
}
