import type { ArchiveRecord } from '../records/archive-record.ts';
import { reporter, type RuleContext } from '../rules/context.ts';
import { hitFindings } from '../rules/confidential.ts';
import { compareFindings, type Finding } from '../rules/finding.ts';
import type { CheckResult } from '../check/check-archive.ts';
import { clientSchemas, holdsClient } from '../schemas/client-field.ts';
import { labelAt } from '../schemas/walk.ts';
import { blockOpener, type OpenedBlock } from './client-block.ts';
import { readIdentities } from './identities.ts';
import { openBlocks, openedClients } from './open-blocks.ts';
import { scanPii } from './pii-scan.ts';
import { knownValuesOf, textOutsideClient } from './record-text.ts';

/**
 * A check as a key holder sees it: every sealed block opened with the identities in
 * `identityFile`, the findings only they can see added, and the clients that opened, by record.
 */
export async function checkWithKey(check: CheckResult & { context: RuleContext }, identityFile: string): Promise<{ findings: Finding[]; clients: Map<string, unknown> }> {
  const opened = await openBlocks(check.parsed, blockOpener(await readIdentities(identityFile)));
  return { findings: [...check.findings, ...sealedFindings(check.context, opened)].sort(compareFindings), clients: openedClients(opened) };
}

/**
 * What only a key holder can check (G-ENCRYPTED-BAG, G-CONFIDENTIAL): each block decrypts, belongs
 * to its record and holds well-formed data, and none of that data appears outside the block.
 */
export function sealedFindings(ctx: RuleContext, opened: ReadonlyMap<string, OpenedBlock>): Finding[] {
  return ctx.records.flatMap((record) => {
    const block = opened.get(record.id);
    return block ? blockFindings(record, block, ctx) : [];
  });
}

function blockFindings(record: ArchiveRecord, block: OpenedBlock, ctx: RuleContext): Finding[] {
  const report = reporter(record);
  switch (block.status) {
    case 'not-recipient':
      return [report.warning('G-ENCRYPTED-BAG', ['client'], '你的密钥不是此加密块的接收者，无法核对其内容；名册更新后应运行 swa keys rotate 重新加密')];
    case 'damaged':
      return [report.error('G-ENCRYPTED-BAG', ['client'], '加密块无法解密：已损坏或被手工修改过。请从 git 历史恢复上一版本，再用 swa edit 修改')];
    case 'other-record':
      return [
        report.error('G-ENCRYPTED-BAG', ['client'], `加密块属于 ${block.boundTo}，不属于本记录（可能是从其他记录复制来的）；请用 swa edit 填写本记录自己的个人资料`),
      ];
    case 'opened':
      return [...clientSchemaFindings(record, block.client), ...knownValueFindings(record, block.client, ctx)];
  }
}

function clientSchemaFindings(record: ArchiveRecord, client: unknown): Finding[] {
  if (!holdsClient(record.kind)) return [];
  const schema = clientSchemas[record.kind];
  const result = schema.safeParse(client);
  if (result.success) return [];
  return result.error.issues.map((issue) =>
    reporter(record).error('SCHEMA', ['client'], `加密的个人资料中「${labelAt(schema, issue.path)}」${issue.message}（用 swa edit 修改）`),
  );
}

function knownValueFindings(record: ArchiveRecord, client: unknown, ctx: RuleContext): Finding[] {
  const text = textOutsideClient(record);
  const hits = scanPii(text, { knownValues: knownValuesOf(client), allowedNumbers: ctx.config.hotlines });
  return hitFindings(
    record,
    text,
    hits.filter((hit) => hit.kind === 'knownValue'),
  );
}
