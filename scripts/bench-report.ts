// BENCHMARKS.md from one run of scripts/bench.ts: the archives, the floors, every step with its
// ratio to its floor, the growth of check from 10,000 to 20,000 records, and each target's verdict.
import { cpus, totalmem } from 'node:os';
import { benchSteps, floorLabels, type BenchStep, type FloorId } from './bench-steps.ts';

export interface Measure {
  ms: number;
  maxRssMb?: number;
  errors?: number;
  warnings?: number;
  /** Every run's time, when the step ran more than once. */
  runs?: number[];
}

export interface ArchiveRun {
  shape: 'realistic' | 'synthetic';
  records: number;
  today: string;
  generateMs: number;
  commits: number;
  merges: number;
  pending: number;
  floors: Partial<Record<FloorId, number>>;
  steps: Record<string, Measure>;
}

const time = (ms: number) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(2)} s`);
const count = (n: number) => n.toLocaleString('en');
const name = (run: ArchiveRun) => `${run.shape} ${count(run.records)}`;
const met = (ok: boolean) => (ok ? 'met' : '**not met**');
/** Growth of check from 10,000 to 20,000 realistic records (issue 12: linear everywhere). */
const growthLimit = 2.2;

/** A step's figure on one archive, with its ratio to its floor, or to the step its target compares it with. */
function cell(run: ArchiveRun, step: BenchStep): string {
  const m = run.steps[step.id];
  if (!m) return '–';
  const floor = step.floor && run.floors[step.floor];
  const other = step.target?.ratioTo && run.steps[step.target.ratioTo.step];
  const ratio = floor ? ` · ${(m.ms / floor).toFixed(1)}×` : other ? ` · ${(m.ms / other.ms).toFixed(2)}× ${step.target?.ratioTo?.step}` : '';
  return `${time(m.ms)}${m.maxRssMb ? ` / ${m.maxRssMb} MB` : ''}${ratio}`;
}

function verdicts(runs: readonly ArchiveRun[]): string[] {
  const at = (records: number) => runs.find((r) => r.shape === 'realistic' && r.records === records);
  const ten = at(10000);
  const lines: string[] = [];
  for (const step of benchSteps) {
    const target = step.target;
    const m = ten?.steps[step.id];
    if (!target) continue;
    if (!m) {
      lines.push(`- ${step.label}: not measured at realistic 10,000 in this run`);
      continue;
    }
    if (target.ms !== undefined) lines.push(`- ${step.label} ≤ ${time(target.ms)}: ${time(m.ms)}, ${met(m.ms <= target.ms)}`);
    if (target.rssMb !== undefined && m.maxRssMb !== undefined) lines.push(`- ${step.label}, peak memory ≤ ${target.rssMb} MB: ${m.maxRssMb} MB, ${met(m.maxRssMb <= target.rssMb)}`);
    const other = target.ratioTo && ten?.steps[target.ratioTo.step];
    if (target.ratioTo && other) {
      const ratio = m.ms / other.ms;
      lines.push(`- ${step.label} ≤ ${target.ratioTo.max}× ${target.ratioTo.step}: ${ratio.toFixed(2)}×, ${met(ratio <= target.ratioTo.max)}`);
    }
  }
  const [c10, c20] = [at(10000)?.steps['check-cold'], at(20000)?.steps['check-cold']];
  lines.push(c10 && c20 ? `- check(20k) ÷ check(10k) ≤ ${growthLimit}: ${(c20.ms / c10.ms).toFixed(2)}, ${met(c20.ms / c10.ms <= growthLimit)}` : '- check(20k) ÷ check(10k): not measured in this run');
  return lines;
}

export function benchReport(runs: readonly ArchiveRun[], argv: readonly string[], options: { repeat: number; buildMax: number }): string {
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const header = (first: string) => `| ${first} | ${runs.map(name).join(' | ')} |\n|---|${runs.map(() => '---:').join('|')}|`;
  const archives = [
    header('archive'),
    `| generated in | ${runs.map((r) => time(r.generateMs)).join(' | ')} |`,
    `| commits / approval merges | ${runs.map((r) => `${count(r.commits)} / ${count(r.merges)}`).join(' | ')} |`,
    `| pending submit/* branches | ${runs.map((r) => count(r.pending)).join(' | ')} |`,
    `| \`swa check --today <last day>\` errors / warnings | ${runs.map((r) => `${r.steps['check-cold']?.errors ?? '–'} / ${r.steps['check-cold']?.warnings ?? '–'}`).join(' | ')} |`,
  ];
  const floors = (Object.keys(floorLabels) as FloorId[]).map((id) => `| ${floorLabels[id]} | ${runs.map((r) => (r.floors[id] === undefined ? '–' : time(r.floors[id]))).join(' | ')} |`);
  const steps = benchSteps.map((s) => `| ${s.label}${s.floor ? ` (÷ ${s.floor})` : ''} | ${runs.map((r) => cell(r, s)).join(' | ')} |`);
  return `# Benchmarks

Measured by \`npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}\` on ${new Date().toISOString().slice(0, 10)}, ${machine}.

**Archives.** *realistic* is \`swa demo --records N\` (src/demo/realistic.ts, fictional): 55% cases
with 5–20 reviewed sessions, referrals, closing and archiving; 25% consultations, most of them
hotline calls; 12% groups and 8% community activities with their plan, org and funding sign-offs,
sessions, three-level report review and archiving; quarterly handovers; every dated entry
submitted on its own and every stage approved by its own \`--no-ff\` merge, a few rejections and
the last two days' approvals still pending. *synthetic* is \`swa demo --records N --shape
synthetic\`: one intake approval merge per case, the archive of the earlier benchmark. Each
archive is checked with \`--today\` its last day.

**Method.** Each \`swa\` step is a whole process of the compiled CLI (\`node bin/swa.mjs …\`, as a
user runs it), timed from outside with Node's start-up; the build and the baseline run in a fresh
process (scripts/bench-step.ts) and are timed once Node and tsx have started. Memory is the
process's peak RSS. Steps marked as such in scripts/bench-steps.ts (and the floors) run ${options.repeat} times and the
median counts. Builds run up to ${count(options.buildMax)} records. The floors are measured on
the same archive in the same run; each step's figure is followed by its ratio to the floor named
in its row. The first cold check runs behind a recording \`git\` on PATH, and its own \`git log\`
is replayed as the git floor, as one process over the whole history (the check reads a large
history in two halves side by side).

${archives.join('\n')}

## Floors

${header('floor')}
${floors.join('\n')}

## Steps (time / peak RSS · ratio to the floor)

${header('step')}
${steps.join('\n')}

## Targets (issue 12, on the realistic 10,000-record archive)

${verdicts(runs).join('\n')}
`;
}
