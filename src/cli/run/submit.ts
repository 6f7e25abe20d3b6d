import { submit } from '../../commands/submit.ts';
import { stageLabel } from '../../i18n/terms.ts';
import { identityOf, rootOf, single, text, todayOf, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  const result = await submit({ cwd: rootOf(call), today: todayOf(call), record: single(call, true), stage: text(call, 'stage'), identityFile: identityOf(call) });
  for (const warning of result.warnings) call.io.err(`警告：${warning}`);
  call.io.out(
    [
      `已提交 ${result.record} 的「${stageLabel(result.stage)}」：分支 ${result.branch}（${result.sha.slice(0, 8)}）`,
      `提交的内容已从工作区移到这个分支等待审批，工作区中的 ${result.file} ${result.onMain ? '恢复为 main 上已批准的版本' : '已移除（这份新记录还不在 main 上）'}。`,
      `要取回提交的版本继续修改：git restore --source ${result.branch} -- ${result.file}，改完再运行 swa submit ${result.record}`,
    ].join('\n'),
  );
  return 0;
}
