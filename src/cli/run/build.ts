import { build } from '../../commands/build.ts';
import { identityOf, rootOf, text, todayOf, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  const internal = call.values.internal === true;
  const result = await build({
    cwd: rootOf(call),
    today: todayOf(call),
    internal,
    identityFile: internal ? identityOf(call) : undefined,
    out: text(call, 'out'),
    progress: (message) => call.io.out(message),
  });
  call.io.out(`网站已生成：${result.out}（${result.pages} 份记录，${result.indexed} 个页面已建立搜索索引）`);
  return 0;
}
