import { formatRegister } from '../../archive/allocate-number.ts';
import { archiveList, archiveRecord } from '../../commands/archive.ts';
import { rootOf, single, todayOf, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  const target = single(call);
  if (target === 'list') {
    const register = await archiveList({ cwd: rootOf(call), today: todayOf(call) });
    call.io.out(call.values.json ? JSON.stringify(register.entries, null, 2) : formatRegister(register.entries));
    if (!register.historyRead) call.io.err('（未读取审批历史：只列出工作区记录中的编号，已从档案移除的编号和待审批分支上分配的编号未列出）');
    return 0;
  }
  const result = await archiveRecord({ cwd: rootOf(call), today: todayOf(call), record: target, renumber: call.values.renumber === true });
  call.io.out(`已为 ${target} 分配档案编号 ${result.archiveNo}，并提交存档审批（${result.branch}）`);
  return 0;
}
