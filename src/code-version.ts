import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calendarDataFile } from './archive/official-calendar.ts';

let code: string | undefined;

/**
 * The data files of packages that the rules read at run time, not bundled into the code: the
 * State Council's holiday calendar (see official-calendar.ts), which an update of the package
 * changes without changing a line of ours.
 */
const runtimeData = [calendarDataFile];

/**
 * The running code itself, hashed (the compiled lib/, or src/ under tsx), with the data it reads
 * at run time (runtimeData): what the caches in .git/swa hold is decided by code all over the
 * tool (record paths, schemas, archive numbers, trailers, working days), and what other code kept
 * is not this code's.
 */
export function codeVersion(): string {
  if (code !== undefined) return code;
  const root = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const name of (readdirSync(root, { recursive: true }) as string[]).filter((n) => /\.(?:js|ts)$/.test(n)).sort()) {
    hash.update(name).update('\0').update(readFileSync(join(root, name))).update('\0');
  }
  const require = createRequire(import.meta.url);
  for (const data of runtimeData) hash.update(data).update('\0').update(readFileSync(require.resolve(data))).update('\0');
  return (code = hash.digest('hex'));
}
