import { handover } from '../../commands/handover.ts';
import { UsageError } from '../../errors.ts';
import { rootOf, text, todayOf, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  const quarter = text(call, 'quarter');
  if (quarter === undefined) throw new UsageError(`请用 --quarter 指定季度\n用法：${call.declaration.usage}`);
  const result = await handover({ cwd: rootOf(call), today: todayOf(call), quarter, post: text(call, 'post') });
  if (result.written.length === 0) call.io.out(`${quarter} 没有待移交的个案`);
  for (const w of result.written) call.io.out(`已写入 ${w.path}：岗位 ${w.post}，社工 ${w.worker}，${w.cases.length} 份个案（${w.cases.join('、')}）；用 swa submit ${w.id} 提交审批`);
  return 0;
}
