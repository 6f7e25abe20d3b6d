// One measured step of the benchmark that is a function, not a `swa` process (the build, the
// baseline, the read and js-yaml floors), in a process of its own so that its peak RSS is its own.
// Usage: node --import tsx scripts/bench-step.ts <step id | floor:read | floor:yaml> <archive> <out dir> <today>
// Prints one JSON line: { ms, maxRssMb }.
import { performance } from 'node:perf_hooks';
import { build } from '../src/commands/build.ts';
import { floorRead, floorYaml } from './bench-floors.ts';
import { benchSteps } from './bench-steps.ts';
import { plainAstroBuild } from './plain-astro.ts';

const [id, dir, out, today] = process.argv.slice(2) as [string, string, string, string];

async function run(): Promise<void> {
  if (id === 'floor:read') return void (await floorRead(dir));
  const step = benchSteps.find((s) => s.id === id);
  if (!step) throw new Error(`unknown step ${id}`);
  if (!('fn' in step.run)) throw new Error(`${id} is timed as a whole swa process, not here`);
  await (step.run.fn === 'build' ? build({ cwd: dir, today, internal: false, out }) : plainAstroBuild(dir, out));
}

// js-yaml's floor is the parse alone: the files are read before its clock starts.
const ms = id === 'floor:yaml' ? await timedYaml() : await timed(run);
console.log(JSON.stringify({ ms: Math.round(ms), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));

async function timed(work: () => Promise<void> | void): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function timedYaml(): Promise<number> {
  const files = await floorRead(dir);
  return timed(() => floorYaml(files));
}
