#!/usr/bin/env node
// The only place that exits the process: everything else returns an exit code.
// Runs the CLI compiled into lib/bundle/ (`npm run compile`, also run by npm install and npm test);
// runs src/ through tsx instead when lib/ is missing or a source file is newer than the compiled CLI.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Why lib/ cannot stand for src/ (missing, or a TypeScript file of src/ newer than it), or
 * undefined. The bundle is one build of every file: any newer source may be in it (a file only
 * the site uses costs a run through tsx until the next compile, never a stale run).
 */
function staleReason() {
  const built = statSync(`${packageRoot}lib/bundle/main.js`, { throwIfNoEntry: false });
  if (!built) return 'lib/ 中没有编译好的命令';
  for (const file of readdirSync(`${packageRoot}src`, { recursive: true })) {
    if (file.endsWith('.ts') && statSync(`${packageRoot}src/${file}`).mtimeMs > built.mtimeMs) return `src/${file} 比编译结果新`;
  }
  return undefined;
}

const stale = staleReason();
let main;
if (stale === undefined) {
  main = await import('../lib/bundle/main.js');
} else {
  console.error(`swa：${stale}，本次经 tsx 直接运行源代码（较慢）；运行 npm run compile 恢复快速启动`);
  const { register } = await import('tsx/esm/api');
  register();
  main = await import('../src/cli/main.ts');
}
const io = { out: (text) => console.log(text), err: (text) => console.error(text), cwd: process.cwd() };
process.exitCode = await main.runCli(process.argv.slice(2), io);
