import { approve } from '../../commands/approve.ts';
import { stageLabel } from '../../i18n/terms.ts';
import { identityOf, rootOf, single, text, todayOf, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  const result = await approve({
    cwd: rootOf(call),
    today: todayOf(call),
    branch: single(call),
    stage: text(call, 'stage'),
    head: text(call, 'head'),
    sign: call.values.sign === true,
    identityFile: identityOf(call),
  });
  if (!result.approved) {
    call.io.err(['不能审批：', ...result.reasons.map((r) => `  ${r}`)].join('\n'));
    return 1;
  }
  for (const warning of result.warnings) call.io.err(`警告：${warning}`);
  call.io.out(`已批准 ${result.record} 的「${stageLabel(result.stage)}」：合并提交 ${result.sha.slice(0, 8)}`);
  return 0;
}
