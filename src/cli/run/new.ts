import { newRecord } from '../../commands/new.ts';
import { rootOf, single, text, todayOf, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  const result = await newRecord({ cwd: rootOf(call), kind: single(call), today: todayOf(call), category: text(call, 'category'), worker: text(call, 'worker') });
  call.io.out(`已新建 ${result.id}：${result.path}\n填写后运行 swa check 检查。`);
  return 0;
}
