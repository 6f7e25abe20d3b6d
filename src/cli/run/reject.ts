import { reject } from '../../commands/reject.ts';
import { stageLabel } from '../../i18n/terms.ts';
import { rootOf, single, text, todayOf, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  const result = await reject({ cwd: rootOf(call), today: todayOf(call), branch: single(call), reason: text(call, 'reason') ?? '' });
  call.io.out(`已退回 ${result.record} 的「${stageLabel(result.stage)}」（${result.sha.slice(0, 8)}）`);
  return 0;
}
