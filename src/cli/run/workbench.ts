import { workbench } from '../../commands/workbench.ts';
import { UsageError } from '../../errors.ts';
import { identityOf, rootOf, text, todayOf, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  const port = Number(text(call, 'port') ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port 应为 0 到 65535 的端口号，收到 ${String(call.values.port)}`);
  const today = call.values.today === undefined ? undefined : todayOf(call);
  const { url, server } = await workbench({ cwd: rootOf(call), port, identityFile: identityOf(call), today, log: (line) => call.io.err(line) });
  call.io.out(`工作台已启动，请在浏览器中打开：\n${url}\n（只在本机可用；Ctrl-C 停止）`);
  await new Promise<void>((done) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close(() => done()));
  });
  return 0;
}
