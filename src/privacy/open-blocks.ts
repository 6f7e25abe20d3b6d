import type { ArchiveRecord } from '../records/archive-record.ts';
import { holdsClient } from '../schemas/client-field.ts';
import type { BlockOpener, OpenedBlock } from './client-block.ts';

/** The record's sealed block, when it has one (plaintext and absent blocks are not sealed). */
export function sealedBlockOf(record: ArchiveRecord): string | undefined {
  if (!holdsClient(record.kind) || !('client' in record.data)) return undefined;
  return typeof record.data.client === 'string' ? record.data.client : undefined;
}

/** Opens every sealed block of the archive, by record id. */
export async function openBlocks(records: readonly ArchiveRecord[], opener: BlockOpener): Promise<Map<string, OpenedBlock>> {
  const opened = new Map<string, OpenedBlock>();
  for (const record of records) {
    const block = sealedBlockOf(record);
    if (block !== undefined) opened.set(record.id, await opener.open(record.id, block));
  }
  return opened;
}

/** The decrypted client data of the blocks that opened and belong to their record. */
export function openedClients(opened: ReadonlyMap<string, OpenedBlock>): Map<string, unknown> {
  return new Map([...opened].flatMap(([id, block]) => (block.status === 'opened' ? [[id, block.client] as const] : [])));
}
