import type { RepositoryCheck } from '../check/check-repository.ts';
import { CommandError } from '../errors.ts';
import type { ArchiveRecord } from '../records/archive-record.ts';
import { checkWithKey } from '../privacy/sealed-findings.ts';
import { siteModelInParts, wholeModel, type SiteModel } from './site-model.ts';

/**
 * The view model of `swa build` and `swa print`: de-identified, or internal with the client blocks
 * the identity file opens. Only an internal model ever decrypts: a de-identified one has no key to leak from.
 */
export async function keyedSiteModel(...args: Parameters<typeof keyedSiteModelInParts>): Promise<SiteModel> {
  return wholeModel(await keyedSiteModelInParts(...args));
}

/** The same model in parts, a record at a time (see siteModelInParts): how `swa build` writes it. */
export async function keyedSiteModelInParts(
  repo: RepositoryCheck,
  internal: boolean,
  identityFile: string | undefined,
  /** The records only on their submit/* branch, for the dashboard (see readBranchRecords). */
  branchRecords: readonly ArchiveRecord[] = [],
): Promise<ReturnType<typeof siteModelInParts>> {
  if (!repo.context) throw new CommandError('名册 staff.yaml 或代码表 archive.yaml 无法读取；请先运行 swa check 并修正');
  const keyed = internal && identityFile ? await checkWithKey({ ...repo, context: repo.context }, identityFile) : { findings: repo.findings, clients: new Map() };
  return siteModelInParts(repo.context, repo.history, keyed.findings, internal, keyed.clients, branchRecords);
}
