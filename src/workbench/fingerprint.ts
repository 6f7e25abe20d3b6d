import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gitAt } from '../git.ts';

/**
 * What the workbench's state is read from, in one string that changes when any of it does: HEAD
 * and every ref (main, the submit branches, tags, the remote's branches), and every file under
 * content/ by path, size and modification time. Reading it costs a listing and a stat per file,
 * not a check.
 */
export async function readFingerprint(cwd: string): Promise<string> {
  const git = gitAt(cwd);
  const refs = Promise.all([
    git.raw(['rev-parse', 'HEAD', '--symbolic-full-name', 'HEAD']).catch(() => 'no HEAD'),
    git.raw(['for-each-ref', '--format=%(refname) %(objectname)']).catch(() => 'no refs'),
  ]);
  const files = contentFiles(join(cwd, 'content'));
  const [head, refList] = await refs;
  return `${head}\n${refList}\n${files}`;
}

/** Synchronous stats in one loop: ten thousand of them through the thread pool took several times longer. */
function contentFiles(dir: string): string {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true }) as string[];
  } catch {
    return 'no content';
  }
  return names
    .sort()
    .map((name) => {
      const stat = lstatSync(join(dir, name), { throwIfNoEntry: false });
      return stat ? `${name} ${stat.size} ${stat.mtimeMs} ${stat.mode}` : `${name} gone`;
    })
    .join('\n');
}
