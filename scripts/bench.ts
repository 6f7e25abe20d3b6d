// npm run bench [-- --sizes 1000,10000,20000] [--synthetic 10000] [--build-max 10000] [--repeat 3] [--out BENCHMARKS.md]
// Generates realistic archives (swa demo --records N) and the one-merge synthetic one, measures
// the floors and every step of scripts/bench-steps.ts on each, each step in a fresh process, and
// writes the report (scripts/bench-report.ts). Figures, not assertions: no test runs this.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateRealistic } from '../src/demo/realistic.ts';
import { generateSynthetic } from '../src/demo/synthetic.ts';
import { addApproval } from './bench-approval.ts';
import { diffTreeLike, floorDiffTree, timeProcess } from './bench-floors.ts';
import { benchReport, type ArchiveRun, type Measure } from './bench-report.ts';
import { benchSteps, type BenchStep, type FloorId } from './bench-steps.ts';
import { gitSpy } from './git-spy.ts';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const option = (name: string) => process.argv.find((_, i) => process.argv[i - 1] === `--${name}`);
const list = (text: string) => text.split(',').filter(Boolean).map(Number);
const options = {
  sizes: list(option('sizes') ?? '1000,10000,20000'),
  synthetic: list(option('synthetic') ?? '10000'),
  buildMax: Number(option('build-max') ?? 10000),
  repeat: Number(option('repeat') ?? 3),
  out: option('out') ?? join(packageRoot, 'BENCHMARKS.md'),
};
/** A case every archive has, with a long history. */
const record = 'cases/2025-0001';

const median = <T>(runs: T[], by: (run: T) => number): T => [...runs].sort((a, b) => by(a) - by(b))[Math.floor(runs.length / 2)] as T;

function inProcess(id: string, archive: string, today: string): Measure {
  const output = execFileSync(
    process.execPath,
    ['--max-old-space-size=8192', '--import', 'tsx', join(packageRoot, 'scripts/bench-step.ts'), id, archive, join(archive, '..', `out-${id}`), today],
    { cwd: packageRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(output.trim().split('\n').at(-1) as string) as Measure;
}

/**
 * One whole `swa` process (bin/swa.mjs, the compiled CLI, as a user runs it), timed from outside
 * with its start-up, and its peak RSS. Exit code 1 is a check that found errors: its counts are kept.
 */
function swaProcess(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Measure {
  const rssFile = join(tmpdir(), `swa-bench-rss-${process.pid}.json`);
  rmSync(rssFile, { force: true });
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', join(packageRoot, 'scripts/bench-rss.mjs'), join(packageRoot, 'bin/swa.mjs'), ...args], {
    cwd: packageRoot,
    env: { ...env, SWA_BENCH_RSS: rssFile },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Math.round(performance.now() - start);
  if (result.status !== 0 && result.status !== 1) throw new Error(`swa ${args.slice(0, 3).join(' ')} failed (${result.status}): ${result.stderr.slice(0, 500)}`);
  const { maxRssMb } = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssMb: number };
  rmSync(rssFile, { force: true });
  // swa check --json prints { records, findings }: its counts go in the report.
  const findings = result.stdout.trimStart().startsWith('{') ? (JSON.parse(result.stdout) as { findings?: { severity: string }[] }).findings : undefined;
  return { ms, maxRssMb, ...(findings ? { errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length } : {}) };
}

/** A step's `swa` arguments, its placeholders filled, on `archive` as of `today`. */
const swaArgs = (args: readonly string[], archive: string, today: string): string[] => [
  ...args.map((arg) => arg.replace('{root}', archive).replace('{today}', today).replace('{record}', record)),
  '--root',
  archive,
  '--today',
  today,
];

async function prepare(step: BenchStep, archive: string, today: string): Promise<void> {
  const cache = join(archive, '.git', 'swa');
  if (step.cache === 'cold') rmSync(cache, { recursive: true, force: true });
  if (step.cache === 'warm' || step.cache === 'after-merge') if (!existsSync(cache)) swaProcess(swaArgs(['check', '--json'], archive, today));
  if (step.cache === 'after-merge') await addApproval(archive, today, record);
}

async function measureArchive(shape: ArchiveRun['shape'], records: number): Promise<ArchiveRun> {
  const dir = await mkdtemp(join(tmpdir(), `swa-bench-${shape}-${records}-`));
  const archive = join(dir, 'archive');
  const start = performance.now();
  let today = `${2025 + Math.ceil(records / 500)}-12-31`;
  let pending = 0;
  if (shape === 'realistic') ({ today, pending } = await generateRealistic({ source: packageRoot, out: archive, records, seed: 'bench' }));
  else await generateSynthetic({ source: packageRoot, out: archive, records, seed: 'bench' });
  const generateMs = Math.round(performance.now() - start);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: archive, encoding: 'utf8', maxBuffer: 1 << 30 }).trim();
  const run: ArchiveRun = { shape, records, today, generateMs, commits: Number(git('rev-list', '--count', '--all')), merges: Number(git('rev-list', '--count', '--merges', 'main')), pending, floors: {}, steps: {} };
  console.log(`${shape} ${records}: generated in ${generateMs} ms, ${run.commits} commits, ${run.merges} merges (today ${today})`);

  const floor = (id: FloorId, measure: () => number) => {
    run.floors[id] = Math.round(median(Array.from({ length: options.repeat }, measure), (ms) => ms));
    console.log(`  floor ${id}: ${run.floors[id]} ms`);
  };
  floor('node', () => timeProcess(process.execPath, ['-e', ''], packageRoot));
  floor('read', () => inProcess('floor:read', archive, today).ms);
  floor('yaml', () => inProcess('floor:yaml', archive, today).ms);

  for (const step of benchSteps) {
    if (step.when && !step.when(records, options)) continue;
    const runs: Measure[] = [];
    for (let i = 0; i < (step.repeat ? options.repeat : 1); i++) {
      await prepare(step, archive, today);
      if ('process' in step.run) {
        runs.push(swaProcess(step.run.process));
      } else if ('swa' in step.run && step.id === 'check-cold' && i === 0) {
        // The first cold check runs behind a recording git: its own git log is the floor replayed below.
        const spy = await gitSpy();
        runs.push(swaProcess(swaArgs(step.run.swa, archive, today), spy.env));
        const calls = await spy.calls();
        const sub = (call: string[]) => call.find((arg, k) => !arg.startsWith('-') && call[k - 1] !== '-c');
        // The logs start together: the commits with their patches, and the merges with the files they changed.
        const logs = calls.filter((c) => sub(c) === 'log' && !c.some((a) => a.startsWith('--no-walk')));
        // In two halves, the newer one names the cut after --not: its arguments up to there are the whole log (the halves start in either order).
        const patches = logs.filter((c) => !c.includes('--merges'));
        const log = patches.find((c) => c.includes('--not')) ?? patches[0];
        const mergesLog = logs.find((c) => c.includes('--merges'));
        if (!log || !mergesLog) throw new Error('swa check ran not both of its git logs');
        const diff = diffTreeLike(mergesLog);
        // A large history is read in two halves side by side (<tips> --not <cut>, and <cut>): the floor is one log of it all.
        const whole = log.includes('--not') ? log.slice(0, log.indexOf('--not')) : log;
        floor('gitLog', () => timeProcess('git', whole, archive));
        floor('diffTree', () => floorDiffTree(archive, diff));
      } else if ('swa' in step.run) {
        runs.push(swaProcess(swaArgs(step.run.swa, archive, today)));
      } else {
        runs.push(inProcess(step.id, archive, today));
      }
    }
    const chosen = median(runs, (m) => m.ms);
    run.steps[step.id] = runs.length > 1 ? { ...chosen, runs: runs.map((m) => m.ms) } : chosen;
    console.log(`  ${step.id}: ${runs.map((m) => `${m.ms} ms`).join(', ')}${chosen.maxRssMb ? `; ${chosen.maxRssMb} MB` : ''}${chosen.errors !== undefined ? `; ${chosen.errors} errors, ${chosen.warnings} warnings` : ''}`);
  }
  await rm(dir, { recursive: true, force: true });
  return run;
}

const runs: ArchiveRun[] = [];
for (const size of options.sizes) runs.push(await measureArchive('realistic', size));
for (const size of options.synthetic) runs.push(await measureArchive('synthetic', size));
await writeFile(options.out, benchReport(runs, process.argv.slice(2), options));
console.log(`\nwritten: ${options.out}`);
