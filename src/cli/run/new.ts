import { newRecord } from '../../commands/new.ts';
import { rootOf, single, text, todayOf, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  const result = await newRecord({ cwd: rootOf(call), kind: single(call), today: todayOf(call), category: text(call, 'category'), worker: text(call, 'worker') });
  call.io.out(`已新建 ${result.id}：${result.path}`);
  if (result.worker?.fromIdentity) call.io.out(`负责社工填为 ${result.worker.id}（你的 git 身份在名册中对应的社工；另选请用 --worker）`);
  call.io.out('填写后运行 swa check 检查。');
  return 0;
}
