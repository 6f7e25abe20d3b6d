import { keys, type KeysAction } from '../../commands/keys.ts';
import { UsageError } from '../../errors.ts';
import { identityOf, rootOf, text, todayOf, type Invocation } from '../invocation.ts';

/** What every key change must say: git keeps the old blocks, readable by the old keys. */
const historyWarning =
  '注意：git 历史中的旧版本仍按旧的接收者加密，持有旧私钥的人仍能解开它们。若私钥泄露，应视为历史中的个人资料已泄露，并按 G-CONFIDENTIAL 登记与处理。';

export async function run(call: Invocation): Promise<number> {
  const result = await keys({ cwd: rootOf(call), today: todayOf(call), identityFile: identityOf(call), ...actionOf(call) });
  call.io.out(
    [
      `已加密 ${result.records.length} 份记录的个人资料，接收者：${result.holders.join('、') || '（无工作人员）'}及托管密钥${result.rosterChanged ? '；staff.yaml 已更新' : ''}`,
      '请检查改动后提交，名册与记录的改动须经机构负责人审批合并。',
      ...(call.positionals[0] === 'seal' ? [] : [historyWarning]),
    ].join('\n'),
  );
  return 0;
}

function actionOf(call: Invocation): KeysAction {
  const [action, ...args] = call.positionals;
  const [first = '', second = ''] = args;
  const actions: Record<string, { arity: number; action: KeysAction }> = {
    seal: { arity: 0, action: { action: 'seal' } },
    add: { arity: 2, action: { action: 'add', staffId: first, recipient: second } },
    remove: { arity: 1, action: { action: 'remove', staffId: first } },
    rotate: { arity: 0, action: { action: 'rotate', escrow: text(call, 'escrow'), keptBy: text(call, 'kept-by') } },
  };
  const chosen = action === undefined ? undefined : actions[action];
  if (!chosen || args.length !== chosen.arity) throw new UsageError(`swa keys 的子命令不完整或未知：${call.positionals.join(' ') || '（未给出）'}`);
  return chosen.action;
}
