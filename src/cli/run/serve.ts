import { serve } from '../../commands/serve.ts';
import { UsageError } from '../../errors.ts';
import { text, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  const port = Number(text(call, 'port') ?? '4321');
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port 应为 1 到 65535 的端口号，收到 ${String(call.values.port)}`);
  const { server, dir } = await serve({ cwd: call.io.cwd, dir: text(call, 'dir'), port });
  call.io.out(`档案网站：http://localhost:${port}/  （${dir}，Ctrl-C 停止）`);
  await new Promise<void>((done) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close(() => done()));
  });
  return 0;
}
