import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/check/check-archive.ts';
import { fixtureFiles, today } from '../helpers/fixture.ts';

describe('the test fixture archive', () => {
  it('is valid, so every other test changes exactly one thing', async () => {
    const result = checkArchive(await fixtureFiles(), today);
    expect(result.findings).toEqual([]);
    expect(result.records).toBe(7);
    expect(result.parsed.map((r) => r.kind).sort()).toEqual(['audit', 'case', 'case', 'community', 'consultation', 'group', 'handover']);
  });
});
