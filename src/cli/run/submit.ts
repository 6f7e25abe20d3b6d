import { submit } from '../../commands/submit.ts';
import { stageLabel } from '../../i18n/terms.ts';
import { identityOf, rootOf, single, text, todayOf, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  const result = await submit({ cwd: rootOf(call), today: todayOf(call), record: single(call, true), stage: text(call, 'stage'), identityFile: identityOf(call) });
  for (const warning of result.warnings) call.io.err(`警告：${warning}`);
  call.io.out(`已提交 ${result.record} 的「${stageLabel(result.stage)}」：分支 ${result.branch}（${result.sha.slice(0, 8)}）`);
  return 0;
}
