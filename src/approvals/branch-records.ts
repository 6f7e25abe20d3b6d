import { readBlobs } from '../ledger/read-blobs.ts';
import type { ArchiveRecord } from '../records/archive-record.ts';
import { parseRecord } from '../records/parse-record.ts';
import { fileOfRecord } from '../records/record-path.ts';
import type { HistoryContext } from '../rules/history/context.ts';
import { branchOnlyRecords } from './status.ts';

/**
 * Records as the tips of their submit/* branches hold them, read in one `git cat-file --batch`: by
 * default those that exist only on their branch. A file that does not parse is left out: `swa
 * check` on the branch names it.
 */
export async function readBranchRecords(cwd: string, ctx: HistoryContext, ids: readonly string[] = branchOnlyRecords(ctx)): Promise<ArchiveRecord[]> {
  const wanted = ids.flatMap((id) => {
    const file = fileOfRecord(id);
    return file ? [{ file, spec: `refs/heads/submit/${id}:${file}` }] : [];
  });
  const blobs = await readBlobs(cwd, wanted.map((w) => w.spec));
  return wanted.flatMap(({ file, spec }) => {
    const text = blobs.get(spec);
    const record = text == null ? null : parseRecord(file, text).record;
    return record ? [record] : [];
  });
}
