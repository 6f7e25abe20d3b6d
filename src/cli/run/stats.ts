import { resolve } from 'node:path';
import { stats } from '../../commands/stats.ts';
import { UsageError } from '../../errors.ts';
import { formatTables } from '../../stats/tables.ts';
import { rootOf, text, todayOf, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  const file = text(call, 'xlsx');
  if (call.positionals.length > 0 || (call.values.json && file !== undefined)) throw new UsageError(`用法：${call.declaration.usage}`);
  const xlsx = file === undefined ? undefined : resolve(call.io.cwd, file);
  const result = await stats({ cwd: rootOf(call), today: todayOf(call), quarter: text(call, 'quarter'), year: text(call, 'year'), project: text(call, 'project'), xlsx });
  const { period, project } = result.stats;
  if (call.values.json) call.io.out(JSON.stringify(result.stats, null, 2));
  else if (xlsx) call.io.out(`已写入 ${xlsx}（${result.tables.length} 张工作表）`);
  else call.io.out(`服务统计 ${period.label}（${period.from} 至 ${period.to}）${project ? `，项目 ${project}` : ''}\n\n${formatTables(result.tables)}`);
  return 0;
}
