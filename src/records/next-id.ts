import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CommandError } from '../errors.ts';
import { gitAt } from '../git.ts';
import { recordKinds, type RecordKind } from '../schemas/index.ts';
import { pathForId } from './record-path.ts';

/**
 * The next free id of a kind in a year: after the highest file present and the highest id waiting
 * on a submit/ branch (a submitted new record is no longer in the work tree). Never fills a gap.
 */
export async function nextRecordId(cwd: string, kind: RecordKind, year: number): Promise<{ id: string; path: string }> {
  const dir = recordKinds[kind].dir;
  const names = await readdir(join(cwd, 'content', dir, String(year))).catch(() => [] as string[]);
  const branches = await gitAt(cwd)
    .raw(['for-each-ref', '--format=%(refname:short)', `refs/heads/submit/${dir}/`])
    .catch(() => '');
  const onDisk = names.map((name) => /^(\d{4})\.mdx?$/.exec(name)?.[1]);
  const waiting = branches.split('\n').map((ref) => new RegExp(`^submit/${dir}/${year}-(\\d{4})$`).exec(ref.trim())?.[1]);
  const highest = Math.max(0, ...[...onDisk, ...waiting].filter((seq): seq is string => seq !== undefined).map(Number));
  const seq = highest + 1;
  if (seq > 9999) throw new CommandError(`${dir}/${year} 的编号已用完（最多 9999）`);
  return pathForId(kind, year, seq);
}
