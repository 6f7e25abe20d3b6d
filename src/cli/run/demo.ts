import { demo, type DemoOptions } from '../../commands/demo.ts';
import { workbenchHint } from '../../demo/workbench-hint.ts';
import { UsageError } from '../../errors.ts';
import { text, todayOf, type Invocation } from '../invocation.ts';

export async function run(call: Invocation): Promise<number> {
  const result = await demo(optionsOf(call));
  const { out } = result;
  if (result.shape === 'sample') {
    call.io.out(`演示仓库：${out}（${result.records} 份记录，${result.approvals} 次审批，${result.pending} 份等待审批）`);
    // Who holds which role on the day the workbench will run (it reads the clock like every command without --today).
    call.io.out(await workbenchHint({ out, cwd: call.io.cwd, today: todayOf(call) }));
  } else if (result.shape === 'synthetic') {
    call.io.out(`合成演示仓库：${out}（${result.records} 份个案，每份一次接案审批合并）`);
  } else {
    const { kinds } = result;
    call.io.out(
      `合成演示仓库：${out}（${result.records} 份记录：个案 ${kinds.case}、咨询 ${kinds.consultation}、小组 ${kinds.group}、社区 ${kinds.community}，另有季度移交 ${kinds.handover} 份；` +
        `${result.approvals} 次审批，${result.rejections} 次退回，${result.pending} 份等待审批）`,
    );
    call.io.out(`历史截至 ${result.today}：检查请用 swa check --root ${out} --today ${result.today}`);
  }
  return 0;
}

function optionsOf(call: Invocation): DemoOptions {
  const base = { cwd: call.io.cwd, out: text(call, 'out') };
  const shape = text(call, 'shape');
  if (call.values.records === undefined) {
    if (shape !== undefined) throw new UsageError('--shape 只与 --records 一起使用');
    return { ...base, shape: 'sample', today: call.values.today === undefined ? undefined : todayOf(call) };
  }
  const records = Number(call.values.records);
  if (!Number.isInteger(records) || records < 1) throw new UsageError(`--records 应为正整数；收到 ${String(call.values.records)}`);
  if (shape !== undefined && shape !== 'realistic' && shape !== 'synthetic') throw new UsageError(`--shape 应为 realistic 或 synthetic；收到 ${shape}`);
  return { ...base, shape: shape ?? 'realistic', records, seed: text(call, 'seed') };
}
