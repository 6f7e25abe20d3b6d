// npm run bench [-- --sizes 1000,10000,50000]: generates synthetic archives with histories (one
// approval merge per record) and measures swa check, the ledger read alone, the full swa build and
// a plain Astro + Pagefind build of the same Markdown, each as wall time and peak RSS of its own
// process. Prints a table and writes BENCHMARKS.md. Figures, not assertions: no test runs this.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateSynthetic } from '../src/demo/synthetic.ts';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const sizesArg = process.argv.find((a, i) => process.argv[i - 1] === '--sizes');
const sizes = (sizesArg ?? '1000,10000').split(',').map(Number);
const steps = ['check', 'ledger', 'build', 'baseline'] as const;
// This machine's timings wander (the same check has ranged 3.1-4.0 s within an hour): the quick
// steps run several times, each in a fresh process with no cache, and the median counts.
const repeatArg = process.argv.find((a, i) => process.argv[i - 1] === '--repeat');
const repeat = Number(repeatArg ?? 3);
const repeated = new Set<string>(['check', 'ledger']);

interface Measure {
  step: string;
  ms: number;
  maxRssMb: number;
  /** Every run's time, when the step ran more than once. */
  runs?: number[];
}

function measure(step: string, archive: string, out: string): Measure {
  const output = execFileSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', join(packageRoot, 'scripts/bench-step.ts'), step, archive, out], {
    cwd: packageRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = output.trim().split('\n').at(-1) as string;
  return JSON.parse(last) as Measure;
}

const rows: { size: number; generateMs: number; measures: Record<string, Measure> }[] = [];
for (const size of sizes) {
  const dir = await mkdtemp(join(tmpdir(), `swa-bench-${size}-`));
  const archive = join(dir, 'archive');
  const start = performance.now();
  await generateSynthetic({ source: packageRoot, out: archive, records: size, seed: 'bench' });
  const generateMs = Math.round(performance.now() - start);
  const measures: Record<string, Measure> = {};
  for (const step of steps) {
    const runs = Array.from({ length: repeated.has(step) ? repeat : 1 }, () => {
      rmSync(join(archive, '.git', 'swa'), { recursive: true, force: true });
      return measure(step, archive, join(dir, `out-${step}`));
    });
    const median = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)] as Measure;
    measures[step] = runs.length > 1 ? { ...median, runs: runs.map((r) => r.ms) } : median;
    console.log(`${size} ${step}: ${runs.map((r) => `${r.ms} ms`).join(', ')}; ${median.maxRssMb} MB`);
  }
  rows.push({ size, generateMs, measures });
  await rm(dir, { recursive: true, force: true });
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const table = [
  '| records | generate (s) | swa check (s / MB) | ledger alone (s / MB) | swa build (s / MB) | plain Astro + Pagefind (s / MB) | build ÷ baseline |',
  '|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(({ size, generateMs, measures: m }) =>
    `| ${size.toLocaleString('en')} | ${seconds(generateMs)} | ${seconds(m.check!.ms)} / ${m.check!.maxRssMb} | ${seconds(m.ledger!.ms)} / ${m.ledger!.maxRssMb} | ${seconds(m.build!.ms)} / ${m.build!.maxRssMb} | ${seconds(m.baseline!.ms)} / ${m.baseline!.maxRssMb} | ${(m.build!.ms / m.baseline!.ms).toFixed(2)} |`,
  ),
].join('\n');
console.log(`\n${table}`);

const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
await writeFile(
  join(packageRoot, 'BENCHMARKS.md'),
  `# Benchmarks

Measured by \`npm run bench -- --sizes ${sizes.join(',')}\` on ${new Date().toISOString().slice(0, 10)}, ${machine}.

Each archive is synthetic (\`swa demo --records N\`): N fictional cases in folders of 500, each
submitted on a branch and approved by one \`--no-ff\` merge with its trailers, written through one
\`git fast-import\`; each case's personal data is an age-encrypted block to the roster's two
recipients, as \`swa new\` writes it (generation includes those encryptions; check and build need
no key and never decrypt). Each step runs in a process of its own (\`scripts/bench-step.ts\`); times are the
step's own wall time, after Node and tsx have started; memory is the process's peak RSS. Every
run starts without the history cache (\`.git/swa\`), as a fresh clone does. \`swa check\` and the
ledger run ${repeat} times each and the table gives the median run (this machine's timings wander);
the builds run once.

- **swa check**: every record parsed and checked, plus the ledger and every history rule.
- **ledger alone**: one \`git log\` pass and the rosters, built into the ledger.
- **swa build**: check + view model + Astro build of the de-identified site + Pagefind.
- **plain Astro + Pagefind**: the same Markdown through a glob collection with no schema and a
  trivial page per record (\`scripts/plain-astro.ts\`), indexed by Pagefind: the baseline.

${table}

Targets (issue 7): \`swa check\` of 10,000 records ≤ 3 s; the full build ≤ 1.3 × the baseline;
50,000 records within an 8 GB heap.
${verdicts()}
`,
);

/** Each target against this run's figures, for the sizes the run measured. */
function verdicts(): string {
  const at = (size: number) => rows.find((r) => r.size === size)?.measures;
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  const lines: string[] = [];
  const ten = at(10000);
  if (ten) {
    const runs = ten.check!.runs;
    const spread = runs ? ` (median of ${runs.length} runs: ${runs.map(seconds).join(', ')} s)` : '';
    lines.push(`- check of 10,000: ${seconds(ten.check!.ms)} s${spread}, ${met(ten.check!.ms <= 3000)}`);
    lines.push(`- build of 10,000: ${(ten.build!.ms / ten.baseline!.ms).toFixed(2)} × the baseline, ${met(ten.build!.ms <= 1.3 * ten.baseline!.ms)}`);
  }
  const fifty = at(50000);
  if (fifty) lines.push(`- build of 50,000: completed with a peak of ${(fifty.build!.maxRssMb / 1024).toFixed(1)} GB under an 8 GB heap limit, met`);
  return lines.length > 0 ? `\nIn this run:\n\n${lines.join('\n')}` : '';
}
