import { textconv } from '../../commands/textconv.ts';
import { identityOf, single, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  call.io.out(await textconv({ cwd: call.io.cwd, file: single(call), identityFile: identityOf(call) }));
  return 0;
}
