// npm run bench [-- --sizes 1000,10000,50000]: generates synthetic archives with histories (one
// approval merge per record) and measures swa check, the ledger read alone, the full swa build and
// a plain Astro + Pagefind build of the same Markdown, each as wall time and peak RSS of its own
// process. Prints a table and writes BENCHMARKS.md. Figures, not assertions: no test runs this.
import { execFileSync } from 'node:child_process';
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

interface Measure {
  step: string;
  ms: number;
  maxRssMb: number;
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
    measures[step] = measure(step, archive, join(dir, `out-${step}`));
    console.log(`${size} ${step}: ${measures[step].ms} ms, ${measures[step].maxRssMb} MB`);
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
step's own wall time, after Node and tsx have started; memory is the process's peak RSS.

- **swa check**: every record parsed and checked, plus the ledger and every history rule.
- **ledger alone**: one \`git log\` pass (or its cache) and the rosters, built into the ledger.
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
    lines.push(`- check of 10,000: ${seconds(ten.check!.ms)} s, ${met(ten.check!.ms <= 3000)}`);
    lines.push(`- build of 10,000: ${(ten.build!.ms / ten.baseline!.ms).toFixed(2)} × the baseline, ${met(ten.build!.ms <= 1.3 * ten.baseline!.ms)}`);
  }
  const fifty = at(50000);
  if (fifty) lines.push(`- build of 50,000: completed with a peak of ${(fifty.build!.maxRssMb / 1024).toFixed(1)} GB under an 8 GB heap limit, met`);
  return lines.length > 0 ? `\nIn this run:\n\n${lines.join('\n')}` : '';
}
