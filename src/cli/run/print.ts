import { resolve } from 'node:path';
import { blankList, print } from '../../commands/print.ts';
import { UsageError } from '../../errors.ts';
import { identityOf, rootOf, single, text, todayOf, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  const record = single(call, true);
  const blank = text(call, 'blank');
  const form = text(call, 'form');
  const cover = call.values.cover === true;
  const oneTarget = (record === undefined) !== (blank === undefined);
  if (!oneTarget || (record === undefined && (form !== undefined || cover)) || (form !== undefined && cover)) {
    throw new UsageError('请写明一份记录（可加 --form 或 --cover 之一），或用 --blank 指定空白表格');
  }
  if (blank === 'list') {
    call.io.out(await blankList());
    return 0;
  }
  const out = text(call, 'out');
  const result = await print({
    cwd: rootOf(call),
    today: todayOf(call),
    target: blank !== undefined ? { blank } : { record: record as string, form, cover },
    // Only a key named on the command line makes a print internal, never $SWA_IDENTITY alone.
    identityFile: text(call, 'identity') === undefined ? undefined : identityOf(call),
    out: out === undefined ? undefined : resolve(call.io.cwd, out),
    outDir: call.io.cwd,
  });
  call.io.out(`已生成 ${result.out}（${result.forms} 份表格，A4）`);
  if (result.internal) call.io.err('注意：此 PDF 含服务对象的个人资料，仅供内部使用，打印后请删除文件，不要转发或上传。');
  return 0;
}
