import { sealClient } from '../privacy/client-block.ts';

/**
 * Each generated client encrypted to the roster's recipients, as `swa new` and `swa edit` do
 * (G-ENCRYPTED-BAG). Batches keep the thread pool busy while X25519 runs, without holding every
 * promise at once.
 */
export async function sealClients(clients: readonly { record: string; client: unknown }[], recipients: readonly string[]): Promise<string[]> {
  const blocks: string[] = [];
  for (let start = 0; start < clients.length; start += 64) {
    const batch = clients.slice(start, start + 64);
    blocks.push(...(await Promise.all(batch.map(({ record, client }) => sealClient(record, client, recipients)))));
  }
  return blocks;
}
