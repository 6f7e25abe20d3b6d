// One measured step of the benchmark, in a process of its own so that its peak RSS is its own.
// Usage: node --import tsx scripts/bench-step.ts <step id | floor:read | floor:yaml> <archive> <out dir> <today> <record>
// Prints one JSON line: { ms, maxRssMb, errors?, warnings? }.
import { performance } from 'node:perf_hooks';
import { runCli } from '../src/cli/main.ts';
import { build } from '../src/commands/build.ts';
import { floorRead, floorYaml } from './bench-floors.ts';
import { benchSteps } from './bench-steps.ts';
import { plainAstroBuild } from './plain-astro.ts';

const [id, dir, out, today, record] = process.argv.slice(2) as [string, string, string, string, string];
let output = '';
const io = { out: (text: string) => void (output += text), err: () => undefined, cwd: dir };

async function run(): Promise<void> {
  if (id === 'floor:read') return void (await floorRead(dir));
  const step = benchSteps.find((s) => s.id === id);
  if (!step) throw new Error(`unknown step ${id}`);
  if ('swa' in step.run) {
    const fill = (arg: string) => arg.replace('{root}', dir).replace('{today}', today).replace('{record}', record);
    await runCli([...step.run.swa.map(fill), '--root', dir, '--today', today], io);
  } else if ('fn' in step.run) {
    await (step.run.fn === 'build' ? build({ cwd: dir, today, internal: false, out }) : plainAstroBuild(dir, out));
  } else {
    throw new Error(`${id} is timed as a whole process, not here`);
  }
}

// js-yaml's floor is the parse alone: the files are read before its clock starts.
const ms = id === 'floor:yaml' ? await timedYaml() : await timed(run);
// swa check --json prints { records, findings }: its counts go in the report.
const parsed = output.trimStart().startsWith('{') ? (JSON.parse(output) as { findings?: { severity: string }[] }) : undefined;
const findings = parsed?.findings;
console.log(
  JSON.stringify({
    ms: Math.round(ms),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    ...(findings ? { errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length } : {}),
  }),
);

async function timed(work: () => Promise<void> | void): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function timedYaml(): Promise<number> {
  const files = await floorRead(dir);
  return timed(() => floorYaml(files));
}
