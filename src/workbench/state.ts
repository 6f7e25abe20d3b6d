import { readBranchRecords } from '../approvals/branch-records.ts';
import { dueList, type Obligation } from '../archive/due.ts';
import { checkRepository, type RepositoryCheck } from '../check/check-repository.ts';
import type { ArchiveRecord } from '../records/archive-record.ts';
import type { HistoryContext } from '../rules/history/context.ts';
import { namerOf, type Namer } from '../site/value-parts.ts';
import { readFingerprint } from './fingerprint.ts';
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

/**
 * What a page needs: the work tree, main's history, the submit branches, and who the user is.
 * All but the user are kept while nothing they were read from has changed (see readFingerprint):
 * every page reads the state, and on a large archive the check behind it takes seconds.
 */
export function stateReader(cwd: string): (today: string) => Promise<State> {
  let kept: { fingerprint: string; state: Promise<Omit<State, 'me'>> } | undefined;
  return async (today) => {
    const fingerprint = `${today}\n${await readFingerprint(cwd)}`;
    if (kept?.fingerprint !== fingerprint) {
      const state = readRepositoryState(cwd, today);
      kept = { fingerprint, state };
      // A read that failed is not kept: the next page tries again.
      state.catch(() => {
        if (kept?.state === state) kept = undefined;
      });
    }
    const state = await kept.state;
    const roster = state.repo.history?.approvedRoster ?? state.repo.context?.roster ?? null;
    return { ...state, me: await whoAmI(cwd, roster, today) };
  };
}

async function readRepositoryState(cwd: string, today: string): Promise<Omit<State, 'me'>> {
  const repo = await checkRepository(cwd, today);
  const roster = repo.history?.approvedRoster ?? repo.context?.roster ?? null;
  const names: Namer = roster ? namerOf(roster, new Set()) : (value) => ({ text: value });
  const history = repo.history;
  const branchRecords = history ? await readBranchRecords(cwd, history) : [];
  const due = repo.context ? dueList(repo.context, history, branchRecords) : [];
  const remote = history ? await remoteSubmissions(cwd, history) : [];
  return { repo, history, names, due, remote, branchRecords };
}
