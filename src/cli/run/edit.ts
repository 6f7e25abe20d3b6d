import { edit } from '../../commands/edit.ts';
import { identityOf, rootOf, single, todayOf, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  const editor = process.env.VISUAL || process.env.EDITOR || 'vi';
  const result = await edit({ cwd: rootOf(call), today: todayOf(call), record: single(call), identityFile: identityOf(call), editor });
  call.io.out(result.changed ? `已重新加密 ${result.path} 的个人资料` : '个人资料未改动，记录保持原样');
  return 0;
}
