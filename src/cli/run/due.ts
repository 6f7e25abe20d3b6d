import { formatDue } from '../../archive/due.ts';
import { due } from '../../commands/due.ts';
import { rootOf, text, todayOf, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  const { obligations, names, historyRead } = await due({ cwd: rootOf(call), today: todayOf(call), worker: text(call, 'worker') });
  const json = obligations.map((o) => ({ ...o, who: o.who.map((id) => ({ id, name: names.get(id) ?? id })) }));
  call.io.out(call.values.json ? JSON.stringify(json, null, 2) : formatDue(obligations, names));
  if (!historyRead) call.io.err('（未读取审批历史：待审批、转介回复、热线补办审批与归档期限未列出）');
  return 0;
}
