import { gitProcess } from '../git.ts';
import { mainBranch, submitPrefix } from '../ledger/git-log.ts';
import { isStage, stageDefinitions } from '../ledger/stages.ts';
import { parseTrailers, trailer } from '../ledger/trailers.ts';
import type { HistoryContext } from '../rules/history/context.ts';
import { whoMayAct } from '../rules/roster.ts';
import type { Waiting } from './work-list.ts';

const format = '%(refname)%00%(committerdate:short)%00%(contents)%01';

/**
 * Submissions pushed to a remote (refs/remotes/<remote>/submit/…) that have no local branch yet
 * and are not merged into main: what a supervisor's clone knows from its last fetch. Rejected
 * ones (a tip with Rejected-by) wait for their worker.
 */
export async function remoteSubmissions(cwd: string, ctx: HistoryContext): Promise<Waiting[]> {
  const out = (await gitProcess(cwd, ['for-each-ref', `--format=${format}`, `--no-merged=${mainBranch}`, 'refs/remotes/']).catch(() => Buffer.from(''))).toString();
  const local = new Set(ctx.ledger.pendingBranches.map((p) => p.branch));
  return out.split('\x01').flatMap((entry) => {
    const [ref = '', since = '', message = ''] = entry.replace(/^\n/, '').split('\0');
    const match = /^refs\/remotes\/([^/]+)\/(submit\/.+)$/.exec(ref);
    const trailers = parseTrailers(message);
    const stage = trailer(trailers, 'Stage') ?? '';
    if (!match || local.has(match[2] as string) || trailer(trailers, 'Rejected-by') || !isStage(stage)) return [];
    const by = trailer(trailers, 'Submitted-by') ?? '';
    const record = (match[2] as string).slice(submitPrefix.length);
    const data = ctx.byId.get(record)?.data;
    const post = data && 'post' in data ? (data.post as string) : undefined;
    const role = stageDefinitions[stage].role;
    return [{ record, branch: match[2] as string, stage, since, submittedBy: by || null, candidates: ctx.approvedRoster ? whoMayAct(ctx.approvedRoster, role, post, ctx.today) : [], remote: match[1] as string }];
  });
}
