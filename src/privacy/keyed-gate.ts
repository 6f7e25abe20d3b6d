import type { CheckResult } from '../check/check-archive.ts';
import { holdsClient } from '../schemas/client-field.ts';
import { blockOpener } from './client-block.ts';
import { readIdentities } from './identities.ts';
import { openBlocks } from './open-blocks.ts';
import { sealedFindings } from './sealed-findings.ts';

/** What the keyed check says about one record: reasons to refuse it, and what could not be checked. */
export interface KeyedGate {
  refusals: string[];
  warnings: string[];
}

/** Said when no key is given: what CI and a keyless approver cannot see. */
export const noKeyWarning =
  '[G-CONFIDENTIAL] 未提供密钥（--identity 或 $SWA_IDENTITY）：无法核对服务对象本人及家人的姓名、电话、证件号、住址是否写在了加密块之外（标题、正文、表格字段、附件清单）；没有密钥的 CI 也看不到这些，请持有密钥再运行一次';

/**
 * The check only a key holder can make, run where one acts (`swa submit`, `swa approve`): the
 * record's sealed block is opened and none of its values (names, relatives, id, phone, address)
 * may appear outside it: the title, body, fields and attachments list are all text outside the
 * block. (A file name cannot hold one: PARSE accepts only `<year>/<nnnn>.md`.) Without a key the
 * record is not refused, and the warning says what was not checked.
 */
export async function keyedGate(check: CheckResult, recordId: string, identityFile: string | undefined): Promise<KeyedGate> {
  const record = check.context?.records.find((r) => r.id === recordId);
  if (!check.context || !record || !holdsClient(record.kind)) return { refusals: [], warnings: [] };
  if (!identityFile) return { refusals: [], warnings: [noKeyWarning] };
  const opened = await openBlocks([record], blockOpener(await readIdentities(identityFile)));
  const findings = sealedFindings({ ...check.context, records: [record] }, opened);
  const line = (f: (typeof findings)[number]) => `[${f.rule}] ${f.file}:${f.line} ${f.message}`;
  return { refusals: findings.filter((f) => f.severity === 'error').map(line), warnings: findings.filter((f) => f.severity === 'warning').map(line) };
}
