// The floors of the benchmark, measured on the same archive in the same run: what any tool that
// reads this archive must spend at least. Each is plain Node, js-yaml or git, nothing of swa's.
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { load } from 'js-yaml';

/** Every file under content/, read as text, a batch at a time (all at once would run out of file descriptors). */
export async function floorRead(archive: string): Promise<string[]> {
  const entries = await readdir(join(archive, 'content'), { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const texts: string[] = [];
  for (let start = 0; start < files.length; start += 256) texts.push(...(await Promise.all(files.slice(start, start + 256).map((f) => readFile(f, 'utf8')))));
  return texts;
}

/** js-yaml over the frontmatter of every record (the text between the first two `---` lines). */
export function floorYaml(texts: readonly string[]): void {
  for (const text of texts) {
    const end = text.indexOf('\n---', 4);
    if (text.startsWith('---\n') && end > 0) load(text.slice(4, end));
  }
}

/** Wall time of one process, in milliseconds. */
export function timeProcess(command: string, args: readonly string[], cwd: string, input?: string): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd, input, stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.slice(0, 4).join(' ')} failed: ${result.stderr?.toString().slice(0, 500)}`);
  return ms;
}

/** Options of git log that walk history or name refs; everything else (the diff and its format) diff-tree takes alike. */
const walkOnly = /^--(topo-order|date-order|diff-merges=.*|decorate=.*|branches=.*|tags=.*|no-walk.*|first-parent|reverse|not|merges)$/;

/** The project's diff-tree call for these diff options (those of its log of the merges): that log's options without the walk. */
export function diffTreeLike(logArgs: readonly string[]): string[] {
  const command = logArgs.indexOf('log');
  return [...logArgs.slice(0, command), 'diff-tree', '--stdin', ...logArgs.slice(command + 1).filter((a) => a.startsWith('-') && !walkOnly.test(a))];
}

/** `git diff-tree --stdin` with the project's options over every merge on main against its first parent. */
export function floorDiffTree(archive: string, diffArgs: readonly string[]): number {
  const merges = spawnSync('git', ['rev-list', '--merges', '--parents', 'main'], { cwd: archive, encoding: 'utf8', maxBuffer: 1 << 30 }).stdout;
  const input = merges
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' ').slice(0, 2).join(' '))
    .join('\n');
  return timeProcess('git', diffArgs, archive, `${input}\n`);
}
