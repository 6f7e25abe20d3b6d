import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CommandError, UsageError } from './errors.ts';
import { optionLines } from './option-help.ts';
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
/** The age private key file; $SWA_IDENTITY when absent. */
const identityOption = { identity: { type: 'string' } } as const;

const commands: Record<string, Command> = {
  check: {
    usage: 'swa check [RECORD] [--root DIR] [--json] [--today YYYY-MM-DD] [--identity FILE]',
    summary: '检查所有记录（或写明编号的一条记录及其审批历史）是否符合承诺服务制度；有密钥时也核对加密的个人资料；有错误时退出码为 1',
    options: { ...rootOption, ...todayOption, ...identityOption, json: { type: 'boolean' } },
    async run(values, positionals, io) {
      const { check, checkJson, checkText, hasErrors } = await import('./commands/check.ts');
      const record = single(positionals, 'check', true);
      const result = await check({ cwd: rootOf(values, io), today: todayOf(values), identityFile: identityOf(values, io), record });
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
      const result = await newRecord({
        cwd: rootOf(values, io),
        kind: single(positionals, 'new') as string,
        today: todayOf(values),
        category: values.category as string | undefined,
        worker: values.worker as string | undefined,
      });
      io.out(`已新建 ${result.id}：${result.path}\n填写后运行 swa check 检查。`);
      return 0;
    },
  },
  submit: {
    usage: 'swa submit [RECORD] [--stage STAGE] [--identity FILE] [--root DIR] [--today YYYY-MM-DD]',
    summary: '把记录提交到 submit/<编号> 分支等待审批（不写编号时取工作区唯一改动的记录）；有密钥时核对案主的个人资料没有写在加密块之外',
    options: { ...rootOption, ...todayOption, ...identityOption, stage: { type: 'string' } },
    async run(values, positionals, io) {
      const { submit } = await import('../approvals/submit.ts');
      const { stageLabel } = await import('../i18n/terms.ts');
      const result = await submit({
        cwd: rootOf(values, io),
        today: todayOf(values),
        record: single(positionals, 'submit', true),
        stage: values.stage as string | undefined,
        identityFile: identityOf(values, io),
      });
      for (const warning of result.warnings) io.err(`警告：${warning}`);
      io.out(`已提交 ${result.record} 的「${stageLabel(result.stage)}」：分支 ${result.branch}（${result.sha.slice(0, 8)}）`);
      return 0;
    },
  },
  approve: {
    usage: 'swa approve <BRANCH> [--stage STAGE] [--head SHA] [--sign] [--identity FILE] [--root DIR] [--today YYYY-MM-DD]',
    summary: '审批：以 --no-ff 合并待审批分支并写入审批信息；违反规则时拒绝并说明原因；有密钥时核对案主的个人资料没有写在加密块之外',
    options: { ...rootOption, ...todayOption, ...identityOption, stage: { type: 'string' }, head: { type: 'string' }, sign: { type: 'boolean' } },
    async run(values, positionals, io) {
      const { approve } = await import('../approvals/approve.ts');
      const { stageLabel } = await import('../i18n/terms.ts');
      const result = await approve({
        cwd: rootOf(values, io),
        today: todayOf(values),
        branch: single(positionals, 'approve') as string,
        stage: values.stage as string | undefined,
        head: values.head as string | undefined,
        sign: values.sign === true,
        identityFile: identityOf(values, io),
      });
      if (!result.approved) {
        io.err(['不能审批：', ...result.reasons.map((r) => `  ${r}`)].join('\n'));
        return 1;
      }
      for (const warning of result.warnings) io.err(`警告：${warning}`);
      io.out(`已批准 ${result.record} 的「${stageLabel(result.stage)}」：合并提交 ${result.sha.slice(0, 8)}`);
      return 0;
    },
  },
  reject: {
    usage: 'swa reject <BRANCH> --reason "…" [--root DIR] [--today YYYY-MM-DD]',
    summary: '退回：在待审批分支上留下退回理由，理由保留在历史中并显示在时间线上',
    options: { ...rootOption, ...todayOption, reason: { type: 'string' } },
    async run(values, positionals, io) {
      const { reject } = await import('../approvals/reject.ts');
      const { stageLabel } = await import('../i18n/terms.ts');
      const result = await reject({ cwd: rootOf(values, io), today: todayOf(values), branch: single(positionals, 'reject') as string, reason: (values.reason as string | undefined) ?? '' });
      io.out(`已退回 ${result.record} 的「${stageLabel(result.stage)}」（${result.sha.slice(0, 8)}）`);
      return 0;
    },
  },
  status: {
    usage: 'swa status [RECORD] [--json] [--root DIR] [--today YYYY-MM-DD]',
    summary: '每份记录已批准的环节、等待谁审批、下一步做什么（含未合并的 submit/* 分支）',
    options: { ...rootOption, ...todayOption, json: { type: 'boolean' } },
    async run(values, positionals, io) {
      const { openRepository, findRecord } = await import('../approvals/open-repository.ts');
      const { statusOf, formatStatus, branchOnlyRecords, branchOnlyStatus } = await import('../approvals/status.ts');
      const id = single(positionals, 'status', true);
      const repo = await openRepository(rootOf(values, io), todayOf(values), id);
      const onBranches = branchOnlyRecords(repo.history);
      const statuses = id
        ? [onBranches.includes(id) ? branchOnlyStatus(repo.history, id) : statusOf(repo.history, findRecord(repo, id))]
        : [
            ...repo.history.records.filter((r) => r.kind !== 'audit' && r.kind !== 'handover').map((r) => statusOf(repo.history, r)),
            ...onBranches.map((branchOnly) => branchOnlyStatus(repo.history, branchOnly)),
          ];
      io.out(values.json ? JSON.stringify(statuses, null, 2) : formatStatus(statuses));
      return 0;
    },
  },
  log: {
    usage: 'swa log <RECORD> [--json] [--root DIR] [--today YYYY-MM-DD]',
    summary: '一份记录的审批时间线（来自 git 历史）',
    options: { ...rootOption, ...todayOption, json: { type: 'boolean' } },
    async run(values, positionals, io) {
      const { openRepository } = await import('../approvals/open-repository.ts');
      const { timelineOf, formatTimeline } = await import('../approvals/timeline.ts');
      const id = single(positionals, 'log') as string;
      const repo = await openRepository(rootOf(values, io), todayOf(values), id);
      const entries = timelineOf(repo.history, id, repo.findings);
      io.out(values.json ? JSON.stringify(entries, null, 2) : formatTimeline(id, entries));
      return 0;
    },
  },
  archive: {
    usage: 'swa archive <RECORD|list> [--renumber] [--json] [--root DIR] [--today YYYY-MM-DD]',
    summary: '为已完成并获批的记录分配档案编号并提交存档审批；list 列出编号登记册（含空号说明）',
    options: { ...rootOption, ...todayOption, renumber: { type: 'boolean' }, json: { type: 'boolean' } },
    async run(values, positionals, io) {
      const { archiveRecord, archiveList, formatRegister } = await import('../archive/archive-command.ts');
      const target = single(positionals, 'archive') as string;
      if (target === 'list') {
        const register = await archiveList(rootOf(values, io), todayOf(values));
        io.out(values.json ? JSON.stringify(register.entries, null, 2) : formatRegister(register.entries));
        if (!register.historyRead) io.err('（未读取审批历史：只列出工作区记录中的编号，已从档案移除的编号和待审批分支上分配的编号未列出）');
        return 0;
      }
      const result = await archiveRecord({ cwd: rootOf(values, io), today: todayOf(values), record: target, renumber: values.renumber === true });
      io.out(`已为 ${target} 分配档案编号 ${result.archiveNo}，并提交存档审批（${result.branch}）`);
      return 0;
    },
  },
  due: {
    usage: 'swa due [--worker ID] [--json] [--root DIR] [--today YYYY-MM-DD]',
    summary: '待办清单：每项义务的期限和须办理的人，逾期的排在前面（工作日跳过节假日、计入调休）',
    options: { ...rootOption, ...todayOption, worker: { type: 'string' }, json: { type: 'boolean' } },
    async run(values, _positionals, io) {
      const { checkRepository } = await import('../check/check-repository.ts');
      const { dueList, formatDue } = await import('../archive/due.ts');
      const { readBranchRecords } = await import('../approvals/branch-records.ts');
      const root = rootOf(values, io);
      const repo = await checkRepository(root, todayOf(values));
      if (!repo.context) throw new CommandError('名册 staff.yaml 或代码表 archive.yaml 无法读取；请先运行 swa check 并修正');
      const worker = values.worker as string | undefined;
      const branchRecords = repo.history ? await readBranchRecords(root, repo.history) : [];
      const items = dueList(repo.context, repo.history, branchRecords).filter((o) => worker === undefined || o.who.includes(worker));
      const names = new Map(repo.context.roster.people.map((p) => [p.id, p.name]));
      const json = items.map((o) => ({ ...o, who: o.who.map((id) => ({ id, name: names.get(id) ?? id })) }));
      io.out(values.json ? JSON.stringify(json, null, 2) : formatDue(items, names));
      if (!repo.history) io.err('（未读取审批历史：待审批、转介回复、热线补办审批与归档期限未列出）');
      return 0;
    },
  },
  handover: {
    usage: 'swa handover --quarter 2026Q4 [--post P] [--root DIR] [--today YYYY-MM-DD]',
    summary: '季度移交：列出不能保管档案的岗位在该季度结案、原件待交机构的个案，并写成移交记录',
    options: { ...rootOption, ...todayOption, quarter: { type: 'string' }, post: { type: 'string' } },
    async run(values, _positionals, io) {
      const { handover } = await import('../archive/handover-command.ts');
      if (values.quarter === undefined) throw new UsageError(`请用 --quarter 指定季度\n用法：${commands.handover?.usage}`);
      const result = await handover({ cwd: rootOf(values, io), today: todayOf(values), quarter: values.quarter as string, post: values.post as string | undefined });
      if (result.written.length === 0) io.out(`${String(values.quarter)} 没有待移交的个案`);
      for (const w of result.written) io.out(`已写入 ${w.path}：岗位 ${w.post}，社工 ${w.worker}，${w.cases.length} 份个案（${w.cases.join('、')}）；用 swa submit ${w.id} 提交审批`);
      return 0;
    },
  },
  audit: {
    usage: 'swa audit sample --n 5 [--seed S] | swa audit report --half 2026H2 [--json]  [--root DIR] [--today YYYY-MM-DD]',
    summary: '抽查：按可复现的随机样本抽取已存档的小组/社区活动并写出抽查记录；report 按社工汇总半年或全年评分',
    options: { ...rootOption, ...todayOption, n: { type: 'string' }, seed: { type: 'string' }, half: { type: 'string' }, json: { type: 'boolean' } },
    async run(values, positionals, io) {
      const { auditSample, auditSummary } = await import('../archive/audit-command.ts');
      const action = single(positionals, 'audit');
      if (action === 'sample') {
        const result = await auditSample({ cwd: rootOf(values, io), today: todayOf(values), n: Number(values.n ?? '5'), seed: values.seed as string | undefined });
        io.out(`抽样种子：${result.seed}`);
        for (const w of result.written) io.out(`${w.target} → ${w.path}（请填写规范性、专业性评分）`);
        return 0;
      }
      if (action === 'report') {
        if (values.half === undefined) throw new UsageError(`请用 --half 指定半年，例如 2026H2\n用法：${commands.audit?.usage}`);
        const rows = await auditSummary({ cwd: rootOf(values, io), today: todayOf(values), period: values.half as string });
        io.out(values.json ? JSON.stringify(rows, null, 2) : rows.map((r) => `${r.worker}  抽查 ${r.audits} 次  完整性 ${r.completeness}  规范性 ${r.standardization}  专业性 ${r.professionalism}`).join('\n') || '该期间没有抽查记录');
        return 0;
      }
      throw new UsageError(`用法：${commands.audit?.usage}`);
    },
  },
  edit: {
    usage: 'swa edit <RECORD> [--identity FILE] [--root DIR] [--today YYYY-MM-DD]',
    summary: '解密一份记录的服务对象个人资料，用 $EDITOR 编辑，改动后重新加密（临时文件随即删除）',
    options: { ...rootOption, ...todayOption, ...identityOption },
    async run(values, positionals, io) {
      const { editClient } = await import('../privacy/edit-command.ts');
      const editor = process.env.VISUAL || process.env.EDITOR || 'vi';
      const result = await editClient({ cwd: rootOf(values, io), today: todayOf(values), record: single(positionals, 'edit') as string, identityFile: identityOf(values, io), editor });
      io.out(result.changed ? `已重新加密 ${result.path} 的个人资料` : '个人资料未改动，记录保持原样');
      return 0;
    },
  },
  keys: {
    usage: 'swa keys <seal | add STAFF AGE-PUBLIC-KEY | remove STAFF | rotate [--escrow AGE-PUBLIC-KEY --kept-by 保管人]> [--identity FILE] [--root DIR] [--today YYYY-MM-DD]',
    summary: '加密明文的个人资料；增删工作人员的加密公钥或更换托管密钥，并把所有加密块重新加密给当前的接收者',
    options: { ...rootOption, ...todayOption, ...identityOption, escrow: { type: 'string' }, 'kept-by': { type: 'string' } },
    async run(values, positionals, io) {
      const keys = await import('../privacy/keys-command.ts');
      const [action, ...args] = positionals;
      const options = { cwd: rootOf(values, io), today: todayOf(values), identityFile: identityOf(values, io) };
      const [first = '', second = ''] = args;
      const actions: Record<string, { arity: number; run: () => ReturnType<typeof keys.sealPlaintext> }> = {
        seal: { arity: 0, run: () => keys.sealPlaintext(options) },
        add: { arity: 2, run: () => keys.addKey({ ...options, staffId: first, recipient: second }) },
        remove: { arity: 1, run: () => keys.removeKey({ ...options, staffId: first }) },
        rotate: { arity: 0, run: () => keys.rotateKeys({ ...options, escrow: values.escrow as string | undefined, keptBy: values['kept-by'] as string | undefined }) },
      };
      const chosen = action === undefined ? undefined : actions[action];
      if (!chosen || args.length !== chosen.arity) throw new UsageError(`swa keys 的子命令不完整或未知：${positionals.join(' ') || '（未给出）'}`);
      const result = await chosen.run();
      io.out(
        [
          `已加密 ${result.records.length} 份记录的个人资料，接收者：${result.holders.join('、') || '（无工作人员）'}及托管密钥${result.rosterChanged ? '；staff.yaml 已更新' : ''}`,
          '请检查改动后提交，名册与记录的改动须经机构负责人审批合并。',
          ...(action === 'seal' ? [] : [keys.historyWarning]),
        ].join('\n'),
      );
      return 0;
    },
  },
  textconv: {
    usage: 'swa textconv <FILE> [--identity FILE]',
    summary: 'git diff 的 textconv 驱动：持有私钥者看到解密后的个人资料差异（配置方法见 README）',
    options: { ...identityOption },
    async run(values, positionals, io) {
      const { textconv } = await import('../privacy/textconv.ts');
      io.out(await textconv(resolve(io.cwd, single(positionals, 'textconv') as string), identityOf(values, io)));
      return 0;
    },
  },
  'leak-scan': {
    usage: 'swa leak-scan <DIR> [--canaries FILE] [--json]',
    summary: '扫描已生成的网站（含解压后的 Pagefind 索引）中的个人信息与标记值；发现时退出码为 1',
    options: { canaries: { type: 'string' }, json: { type: 'boolean' } },
    async run(values, positionals, io) {
      const { formatLeakJson, formatLeakText, leakScan, readCanaries } = await import('../privacy/leak-scan.ts');
      const dir = single(positionals, 'leak-scan') as string;
      const canaries = values.canaries === undefined ? [] : await readCanaries(resolve(io.cwd, values.canaries as string));
      const result = await leakScan({ dir: resolve(io.cwd, dir), canaries });
      io.out(values.json ? formatLeakJson(result) : formatLeakText(result, dir));
      return result.hits.length > 0 ? 1 : 0;
    },
  },
  build: {
    usage: 'swa build [--internal [--identity FILE]] [--out DIR] [--root DIR] [--today YYYY-MM-DD]',
    summary: '生成档案网站（默认去标识、不需要密钥；--internal 用私钥解密个人资料，仅供本机查看）与中文搜索索引',
    options: { ...rootOption, ...todayOption, ...identityOption, internal: { type: 'boolean' }, out: { type: 'string' } },
    async run(values, _positionals, io) {
      const { buildSite } = await import('../site/build-site.ts');
      const result = await buildSite({
        cwd: rootOf(values, io),
        today: todayOf(values),
        internal: values.internal === true,
        identityFile: values.internal === true ? identityOf(values, io) : undefined,
        out: values.out as string | undefined,
        progress: (message) => io.out(message),
      });
      io.out(`网站已生成：${result.out}（${result.pages} 份记录，${result.indexed} 个页面已建立搜索索引）`);
      return 0;
    },
  },
  demo: {
    usage: 'swa demo [--out DIR] [--today YYYY-MM-DD] [--records N --seed S [--shape realistic|synthetic]]',
    summary:
      '用自带的示例档案生成带审批历史的演示仓库（虚构人员、固定日期）；--records 生成 N 份合成记录：默认为真实形态（个案、咨询、小组、社区，每个环节一次审批合并），--shape synthetic 为每份个案一次审批合并',
    options: { ...todayOption, out: { type: 'string' }, records: { type: 'string' }, seed: { type: 'string' }, shape: { type: 'string' } },
    async run(values, _positionals, io) {
      const { fileURLToPath } = await import('node:url');
      const out = resolve(io.cwd, (values.out as string | undefined) ?? '.demo');
      const source = fileURLToPath(new URL('../..', import.meta.url));
      if (values.records !== undefined) {
        const records = Number(values.records);
        if (!Number.isInteger(records) || records < 1) throw new UsageError(`--records 应为正整数；收到 ${String(values.records)}`);
        const shape = (values.shape as string | undefined) ?? 'realistic';
        const seed = (values.seed as string | undefined) ?? 'swa';
        if (shape === 'synthetic') {
          const { generateSynthetic } = await import('../demo/synthetic.ts');
          await generateSynthetic({ source, out, records, seed });
          io.out(`合成演示仓库：${out}（${records} 份个案，每份一次接案审批合并）`);
          return 0;
        }
        if (shape !== 'realistic') throw new UsageError(`--shape 应为 realistic 或 synthetic；收到 ${shape}`);
        const { generateRealistic } = await import('../demo/realistic.ts');
        const result = await generateRealistic({ source, out, records, seed });
        const { kinds } = result;
        io.out(
          `合成演示仓库：${out}（${records} 份记录：个案 ${kinds.case}、咨询 ${kinds.consultation}、小组 ${kinds.group}、社区 ${kinds.community}，另有季度移交 ${kinds.handover} 份；` +
            `${result.approvals} 次审批，${result.rejections} 次退回，${result.pending} 份等待审批）`,
        );
        io.out(`历史截至 ${result.today}：检查请用 swa check --root ${out} --today ${result.today}`);
        return 0;
      }
      if (values.shape !== undefined) throw new UsageError('--shape 只与 --records 一起使用');
      const { generateDemo } = await import('../demo/generate-demo.ts');
      const today = values.today === undefined ? '2026-11-29' : todayOf(values);
      const result = await generateDemo({ source, out, today });
      io.out(`演示仓库：${out}（${result.records} 份记录，${result.approvals} 次审批，${result.pending} 份等待审批）`);
      return 0;
    },
  },
  serve: {
    usage: 'swa serve [--dir DIR] [--port 4321]',
    summary: '在本机 http://localhost:4321 提供已生成的网站（Ctrl-C 停止）',
    options: { dir: { type: 'string' }, port: { type: 'string' } },
    async run(values, _positionals, io) {
      const { serveStatic } = await import('../site/static-server.ts');
      const port = Number((values.port as string | undefined) ?? '4321');
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port 应为 1 到 65535 的端口号，收到 ${String(values.port)}`);
      const dir = resolve(io.cwd, (values.dir as string | undefined) ?? 'dist');
      const server = await serveStatic(dir, port);
      io.out(`档案网站：http://localhost:${port}/  （${dir}，Ctrl-C 停止）`);
      await new Promise<void>((done) => {
        for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close(() => done()));
      });
      return 0;
    },
  },
};

const todayOf = (values: Values) => resolveToday(values.today as string | undefined);

/** The one positional argument a command takes. */
function single(positionals: string[], command: string, optional = false): string | undefined {
  if (positionals.length > 1 || (!optional && positionals.length === 0)) throw new UsageError(`用法：${commands[command]?.usage}`);
  return positionals[0];
}

const rootOf = (values: Values, io: Io) => resolve(io.cwd, (values.root as string | undefined) ?? '.');

/** The age identity (private key) file named by --identity or $SWA_IDENTITY, relative to where swa was run. */
function identityOf(values: Values, io: Io): string | undefined {
  const file = (values.identity as string | undefined) ?? process.env.SWA_IDENTITY;
  return file ? resolve(io.cwd, file) : undefined;
}

function help(): string {
  const lines = Object.values(commands).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return ['swa：社工服务档案工具', '', '用法：', ...lines, '', '每个命令的选项：swa <命令> --help'].join('\n');
}

/** One command's help, from its declaration: usage, what it does, and each option it accepts. */
function commandHelp(command: Command): string {
  const options = Object.keys(command.options);
  return [`用法：${command.usage}`, '', command.summary, ...(options.length > 0 ? ['', '选项：', ...optionLines(options)] : [])].join('\n');
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
  if (asksForHelp(rest)) {
    io.out(commandHelp(command));
    return 0;
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
