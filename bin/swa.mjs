#!/usr/bin/env node
// The only place that exits the process: everything else returns an exit code.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
const io = { out: (text) => console.log(text), err: (text) => console.error(text), cwd: process.cwd() };
process.exitCode = await runCli(process.argv.slice(2), io);
