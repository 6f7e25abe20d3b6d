import { formatStatus } from '../../approvals/status.ts';
import { status } from '../../commands/status.ts';
import { rootOf, single, todayOf, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  const statuses = await status({ cwd: rootOf(call), today: todayOf(call), record: single(call, true) });
  call.io.out(call.values.json ? JSON.stringify(statuses, null, 2) : formatStatus(statuses));
  return 0;
}
