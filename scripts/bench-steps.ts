// The measured steps of `npm run bench`, one entry each: adding a step is one more entry here. Placeholders in `swa` arguments:
// {root} the archive, {today} its last day, {record} a case with a long history.

/** The history cache a step starts from: none, the current tips', or the tips' before one new approval merge. */
export type CacheState = 'cold' | 'warm' | 'after-merge';
export type FloorId = 'node' | 'read' | 'yaml' | 'gitLog' | 'diffTree';

export interface BenchStep {
  id: string;
  label: string;
  /**
   * `swa`: a whole `swa` process (bin/swa.mjs, the compiled CLI) on the archive, timed from outside,
   * start-up included; `process`: the same without the archive's `--root` and `--today`; `fn`: a
   * bench function in a fresh process (scripts/bench-step.ts), timed once Node and tsx have started.
   */
  run: { swa: string[] } | { fn: 'build' | 'baseline' } | { process: string[] };
  /** The history cache it starts from; absent for a step that never reads history. */
  cache?: CacheState;
  /** The floor the figure is divided by. */
  floor?: FloorId;
  /** Runs --repeat times; the median counts. */
  repeat?: boolean;
  /** Whether it runs on an archive of this many records (every size when absent). */
  when?: (records: number, options: { buildMax: number }) => boolean;
  /** The target, judged on the realistic 10,000-record archive. */
  target?: { ms?: number; rssMb?: number; ratioTo?: { step: string; max: number } };
}

const built = (records: number, { buildMax }: { buildMax: number }) => records <= buildMax;

export const benchSteps: BenchStep[] = [
  { id: 'check-cold', label: '`swa check`, cold (no `.git/swa`)', run: { swa: ['check', '--json'] }, cache: 'cold', floor: 'diffTree', repeat: true, target: { ms: 6000, rssMb: 600 } },
  { id: 'check-after-merge', label: '`swa check`, cache present, after one new approval merge', run: { swa: ['check', '--json'] }, cache: 'after-merge', floor: 'yaml', repeat: true, target: { ms: 1500 } },
  { id: 'due', label: '`swa due`, cache present', run: { swa: ['due', '--json'] }, cache: 'warm', floor: 'yaml', target: { ms: 1500 } },
  { id: 'status', label: '`swa status`, cache present', run: { swa: ['status', '--json'] }, cache: 'warm', floor: 'yaml', target: { ms: 1500 } },
  { id: 'log', label: '`swa log RECORD`, cache present', run: { swa: ['log', '{record}', '--json'] }, cache: 'warm', floor: 'yaml', target: { ms: 1500 } },
  { id: 'check-one', label: '`swa check RECORD`, cache present', run: { swa: ['check', '{record}', '--json'] }, cache: 'warm', floor: 'yaml', target: { ms: 300 } },
  { id: 'build', label: '`swa build` (check, view model, Astro, Pagefind)', run: { fn: 'build' }, cache: 'cold', when: built, target: { rssMb: 1200, ratioTo: { step: 'baseline', max: 0.9 } } },
  { id: 'baseline', label: 'plain Astro + Pagefind, same files', run: { fn: 'baseline' }, when: built },
  { id: 'help', label: '`swa --help`, whole process', run: { process: ['--help'] }, floor: 'node', repeat: true, target: { ms: 150 } },
];

export const floorLabels: Record<FloorId, string> = {
  node: "Node start (`node -e ''`)",
  read: 'reading every file under content/',
  yaml: 'js-yaml alone over every frontmatter',
  gitLog: 'the project’s `git log`, as swa runs it',
  diffTree: '`git diff-tree --stdin`, every merge against its first parent, by the files it changed (what swa reads of merges)',
};
