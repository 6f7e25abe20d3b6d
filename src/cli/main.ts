import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CommandError, UsageError } from './errors.ts';
import { resolveToday } from './today.ts';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | undefined>;

export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

interface Command {
  usage: string;
  summary: string;
  options: Options;
  run(values: Values, positionals: string[], io: Io): Promise<number>;
}

const rootOption = { root: { type: 'string' } } as const;
const todayOption = { today: { type: 'string' } } as const;

const commands: Record<string, Command> = {
  check: {
    usage: 'swa check [--root DIR] [--json] [--today YYYY-MM-DD]',
    summary: '检查所有记录是否符合承诺服务制度；有错误时退出码为 1',
    options: { ...rootOption, ...todayOption, json: { type: 'boolean' } },
    async run(values, _positionals, io) {
      const { check, checkJson, checkText, hasErrors } = await import('./commands/check.ts');
      const result = await check({ cwd: rootOf(values, io), today: resolveToday(values.today as string | undefined) });
      io.out(values.json ? checkJson(result) : checkText(result));
      return hasErrors(result.findings) ? 1 : 0;
    },
  },
  new: {
    usage: 'swa new <case|consultation|group|community> [--category CODE] [--worker ID] [--root DIR] [--today YYYY-MM-DD]',
    summary: '按下一个可用编号新建一份空白记录（中文表格模板）',
    options: { ...rootOption, ...todayOption, category: { type: 'string' }, worker: { type: 'string' } },
    async run(values, positionals, io) {
      const { newRecord } = await import('./commands/new.ts');
      const [kind, ...extra] = positionals;
      if (kind === undefined || extra.length > 0) throw new UsageError(`用法：${commands.new?.usage}`);
      const result = await newRecord({
        cwd: rootOf(values, io),
        kind,
        today: resolveToday(values.today as string | undefined),
        category: values.category as string | undefined,
        worker: values.worker as string | undefined,
      });
      io.out(`已新建 ${result.id}：${result.path}\n填写后运行 swa check 检查。`);
      return 0;
    },
  },
};

const rootOf = (values: Values, io: Io) => resolve(io.cwd, (values.root as string | undefined) ?? '.');

function help(): string {
  const lines = Object.values(commands).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return ['swa：社工服务档案工具', '', '用法：', ...lines].join('\n');
}

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
  try {
    const { values, positionals } = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
    return await command.run(values as Values, positionals, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\n用法：${command.usage}`);
      return 2;
    }
    if (error instanceof CommandError) {
      io.err((error as Error).message);
      return 1;
    }
    throw error;
  }
}
