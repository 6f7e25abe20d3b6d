import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CommandError } from '../cli/errors.ts';
import { recordKinds, type RecordKind } from '../schemas/index.ts';
import { pathForId } from './record-path.ts';

/** The next free id of a kind in a year (after the highest file present, never filling a gap). */
export async function nextRecordId(cwd: string, kind: RecordKind, year: number, reserved = 0): Promise<{ id: string; path: string }> {
  const dir = recordKinds[kind].dir;
  const names = await readdir(join(cwd, 'content', dir, String(year))).catch(() => [] as string[]);
  const highest = names.reduce((max, name) => {
    const match = /^(\d{4})\.mdx?$/.exec(name);
    return match ? Math.max(max, Number(match[1])) : max;
  }, 0);
  const seq = highest + 1 + reserved;
  if (seq > 9999) throw new CommandError(`${dir}/${year} 的编号已用完（最多 9999）`);
  return pathForId(kind, year, seq);
}
