// `npm run compile` (also run by npm install and npm test): the CLI in src/ as JavaScript in
// lib/bundle/, bundled with esbuild (the bundler Astro's toolchain ships). One module per command
// and a few shared chunks load faster than the two hundred files tsc would emit, one by one, at
// every start (`swa check RECORD` started about 60 ms sooner). Types are checked by
// `npm run typecheck`, not here.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

rmSync(`${packageRoot}lib`, { recursive: true, force: true });
await build({
  absWorkingDir: packageRoot,
  entryPoints: ['src/cli/main.ts'],
  // Two levels below the package root, as each file is in src/: code that finds the package from
  // its own place (`new URL('../..', import.meta.url)`) finds it here too.
  outdir: 'lib/bundle',
  bundle: true,
  // Each command's code stays in modules of its own, imported when the command runs.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Packages are imported from node_modules as they are, not copied in.
  packages: 'external',
  charset: 'utf8',
  logLevel: 'warning',
});
