import { formatTimeline } from '../../approvals/timeline.ts';
import { log } from '../../commands/log.ts';
import { rootOf, single, todayOf, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  const record = single(call);
  const entries = await log({ cwd: rootOf(call), today: todayOf(call), record });
  call.io.out(call.values.json ? JSON.stringify(entries, null, 2) : formatTimeline(record, entries));
  return 0;
}
