#!/usr/bin/env node
// The only place that exits the process: everything else returns an exit code.
// Runs the CLI compiled into lib/ (`npm run compile`, also run by npm install and npm test); runs
// src/ through tsx instead when lib/ is missing or a source file is newer than its compiled output.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** Why lib/ cannot stand for src/ (missing, or a source file newer than its output), or undefined. */
function staleReason() {
  const stat = (path) => statSync(packageRoot + path, { throwIfNoEntry: false });
  if (!stat('lib/cli/main.js')) return 'lib/ 中没有编译好的命令';
  for (const file of readdirSync(packageRoot + 'src', { recursive: true })) {
    const compiled = stat(`lib/${file.replace(/\.ts$/, '.js')}`);
    if (compiled?.isFile() && stat(`src/${file}`).mtimeMs > compiled.mtimeMs) return `src/${file} 比编译结果新`;
  }
  return undefined;
}

const stale = staleReason();
let main;
if (stale === undefined) {
  main = await import('../lib/cli/main.js');
} else {
  console.error(`swa：${stale}，本次经 tsx 直接运行源代码（较慢）；运行 npm run compile 恢复快速启动`);
  const { register } = await import('tsx/esm/api');
  register();
  main = await import('../src/cli/main.ts');
}
const io = { out: (text) => console.log(text), err: (text) => console.error(text), cwd: process.cwd() };
process.exitCode = await main.runCli(process.argv.slice(2), io);
