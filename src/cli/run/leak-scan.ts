import { leakScan } from '../../commands/leak-scan.ts';
import { formatLeakJson, formatLeakText } from '../../privacy/leak-scan.ts';
import { single, text, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  const dir = single(call);
  const result = await leakScan({ cwd: call.io.cwd, dir, canaries: text(call, 'canaries') });
  call.io.out(call.values.json ? formatLeakJson(result) : formatLeakText(result, dir));
  return result.hits.length > 0 ? 1 : 0;
}
