import { newRecord } from '../../commands/new.ts';
import { rootOf, single, text, todayOf, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  const result = await newRecord({ cwd: rootOf(call), kind: single(call), today: todayOf(call), category: text(call, 'category'), worker: text(call, 'worker'), supervisor: text(call, 'supervisor') });
  call.io.out(`已新建 ${result.id}：${result.path}`);
  const filled = result.filledIn;
  if (filled?.fromIdentity) {
    const [label, option] = filled.role === 'worker' ? ['负责社工', '--worker'] : ['督导', '--supervisor'];
    call.io.out(`${label}填为 ${filled.id}（你的 git 身份在名册中对应的${filled.role === 'worker' ? '社工' : '督导'}；另选请用 ${option}）`);
  }
  call.io.out('填写后运行 swa check 检查。');
  return 0;
}
