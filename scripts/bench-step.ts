// One measured step of the benchmark, in a process of its own so that its peak RSS is its own.
// Usage: node --import tsx scripts/bench-step.ts <check|ledger|build|baseline> <archive dir> <out dir>
import { performance } from 'node:perf_hooks';
import { checkRepository } from '../src/check/check-repository.ts';
import { loadLedger } from '../src/ledger/load-ledger.ts';
import { buildSite } from '../src/site/build-site.ts';
import { plainAstroBuild } from './plain-astro.ts';

const [step, dir, out] = process.argv.slice(2) as [string, string, string];
const today = '2046-12-31';
const steps: Record<string, () => Promise<unknown>> = {
  check: () => checkRepository(dir, today),
  ledger: () => loadLedger(dir, 'synthetic-adoption'),
  build: () => buildSite({ cwd: dir, today, internal: false, out }),
  baseline: () => plainAstroBuild(dir, out),
};
const run = steps[step];
if (!run) throw new Error(`unknown step ${step}`);
const start = performance.now();
const result = (await run()) as { findings?: unknown[] } | undefined;
const ms = performance.now() - start;
console.log(JSON.stringify({ step, ms: Math.round(ms), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), findings: result?.findings?.length }));
