import { parseArgs } from 'node:util';
import * as approve from '../commands/approve.ts';
import * as archive from '../commands/archive.ts';
import * as audit from '../commands/audit.ts';
import * as build from '../commands/build.ts';
import * as check from '../commands/check.ts';
import type { Declaration } from '../commands/declaration.ts';
import * as demo from '../commands/demo.ts';
import * as due from '../commands/due.ts';
import * as edit from '../commands/edit.ts';
import * as handover from '../commands/handover.ts';
import * as keys from '../commands/keys.ts';
import * as leakScan from '../commands/leak-scan.ts';
import * as log from '../commands/log.ts';
import * as newCommand from '../commands/new.ts';
import * as print from '../commands/print.ts';
import * as reject from '../commands/reject.ts';
import * as serve from '../commands/serve.ts';
import * as stats from '../commands/stats.ts';
import * as status from '../commands/status.ts';
import * as submit from '../commands/submit.ts';
import * as textconv from '../commands/textconv.ts';
import * as workbench from '../commands/workbench.ts';
import { CommandError, UsageError } from '../errors.ts';
import type { Invocation, Io } from './invocation.ts';
import { optionLines } from './option-help.ts';

type Runner = () => Promise<{ run(call: Invocation): Promise<number> }>;

/** Every command, in the order `swa --help` lists them; what runs it (parse, call, print) is imported only when it runs. */
const commands: Record<string, { declaration: Declaration; runner: Runner }> = {
  check: { declaration: check.declaration, runner: () => import('./run/check.ts') },
  new: { declaration: newCommand.declaration, runner: () => import('./run/new.ts') },
  submit: { declaration: submit.declaration, runner: () => import('./run/submit.ts') },
  approve: { declaration: approve.declaration, runner: () => import('./run/approve.ts') },
  reject: { declaration: reject.declaration, runner: () => import('./run/reject.ts') },
  status: { declaration: status.declaration, runner: () => import('./run/status.ts') },
  log: { declaration: log.declaration, runner: () => import('./run/log.ts') },
  archive: { declaration: archive.declaration, runner: () => import('./run/archive.ts') },
  due: { declaration: due.declaration, runner: () => import('./run/due.ts') },
  handover: { declaration: handover.declaration, runner: () => import('./run/handover.ts') },
  audit: { declaration: audit.declaration, runner: () => import('./run/audit.ts') },
  stats: { declaration: stats.declaration, runner: () => import('./run/stats.ts') },
  edit: { declaration: edit.declaration, runner: () => import('./run/edit.ts') },
  keys: { declaration: keys.declaration, runner: () => import('./run/keys.ts') },
  textconv: { declaration: textconv.declaration, runner: () => import('./run/textconv.ts') },
  'leak-scan': { declaration: leakScan.declaration, runner: () => import('./run/leak-scan.ts') },
  build: { declaration: build.declaration, runner: () => import('./run/build.ts') },
  print: { declaration: print.declaration, runner: () => import('./run/print.ts') },
  demo: { declaration: demo.declaration, runner: () => import('./run/demo.ts') },
  workbench: { declaration: workbench.declaration, runner: () => import('./run/workbench.ts') },
  serve: { declaration: serve.declaration, runner: () => import('./run/serve.ts') },
};

function help(): string {
  const lines = Object.values(commands).map(({ declaration: d }) => `  ${d.usage}\n      ${d.summary}`);
  return ['swa：社工服务档案工具', '', '用法：', ...lines, '', '每个命令的选项：swa <命令> --help'].join('\n');
}

/** One command's help, from its declaration: usage, what it does, and each option it accepts. */
function commandHelp(declaration: Declaration): string {
  const options = Object.keys(declaration.options);
  return [`用法：${declaration.usage}`, '', declaration.summary, ...(options.length > 0 ? ['', '选项：', ...optionLines(options)] : [])].join('\n');
}

const asksForHelp = (args: readonly string[]) => args.includes('--help') || args.includes('-h');

/** Runs one `swa` invocation and returns its exit code. Never exits the process itself. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(help());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    io.err(`未知命令 ${name}\n\n${help()}`);
    return 2;
  }
  const { declaration } = command;
  if (asksForHelp(rest)) {
    io.out(commandHelp(declaration));
    return 0;
  }
  try {
    const { values, positionals } = parseArgs({ args: [...rest], options: declaration.options, allowPositionals: true, strict: true });
    return await (await command.runner()).run({ declaration, values: values as Invocation['values'], positionals, io });
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\n用法：${declaration.usage}`);
      return 2;
    }
    if (error instanceof CommandError) {
      io.err((error as Error).message);
      return 1;
    }
    throw error;
  }
}
