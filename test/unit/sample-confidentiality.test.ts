import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/check/check-archive.ts';
import { readArchiveFiles } from '../../src/records/read-archive.ts';
import { repoRoot } from '../helpers/run-swa.ts';

/** Every identifying string inside a client block: names, numbers, addresses (a relation such as 母亲 identifies no one). */
function personalValues(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(personalValues);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, field]) => (key === 'relation' ? [] : personalValues(field)));
  }
  return [];
}

describe('the bundled sample archive keeps personal data under client: only [G-CONFIDENTIAL]', () => {
  it('no client value appears in any other field, the body, the id or the path', async () => {
    const { parsed } = checkArchive(await readArchiveFiles(repoRoot), '2026-11-29');
    const withClients = parsed.filter((r) => 'client' in r.data && r.data.client);
    expect(withClients.length).toBeGreaterThanOrEqual(10);
    for (const record of withClients) {
      const { client, ...rest } = record.data as { client: unknown };
      const outside = [JSON.stringify(rest), record.body, record.id, record.file].join('\n');
      const leaks = personalValues(client).filter((v) => v.length >= 2 && outside.includes(v));
      expect({ record: record.id, leaks }).toEqual({ record: record.id, leaks: [] });
    }
  });

  it('says in every file that the data is fictional', async () => {
    const files = await readArchiveFiles(repoRoot);
    const unmarked = files.filter((f) => f.path !== 'content/README.md' && !f.text?.includes('虚构')).map((f) => f.path);
    expect(unmarked).toEqual([]);
  });
});
