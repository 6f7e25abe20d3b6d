import { generateIdentity, identityToRecipient } from 'age-encryption';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockOpener, sealClient } from '../../src/privacy/client-block.ts';
import { readIdentities } from '../../src/privacy/identities.ts';
import { withClientBlock } from '../../src/privacy/write-block.ts';
import { ageArmorPattern } from '../../src/schemas/sealed.ts';
import { repoRoot } from '../helpers/run-swa.ts';

const keyFile = (name: string) => join(repoRoot, 'test/fixtures/keys', `${name}.agekey`);
const client = { name: '测试案主（虚构）', phone: '13800138000', relatives: [{ name: '测试家属（虚构）', relation: '母亲' }] };

async function twoRecipients() {
  const [first, second] = [await generateIdentity(), await generateIdentity()];
  return { first, second, recipients: [await identityToRecipient(first), await identityToRecipient(second)] };
}

describe('client blocks [G-ENCRYPTED-BAG]', () => {
  it('round-trips for each of two recipients, as age armor', async () => {
    const { first, second, recipients } = await twoRecipients();
    const block = await sealClient('cases/2026-0001', client, recipients);
    expect(block).toMatch(ageArmorPattern);
    expect(block).not.toContain('13800138000');
    for (const identity of [first, second]) {
      expect(await blockOpener([identity]).open('cases/2026-0001', block)).toEqual({ status: 'opened', client });
    }
  });

  it('does not open with a key that is not a recipient', async () => {
    const { recipients } = await twoRecipients();
    const block = await sealClient('cases/2026-0001', client, recipients);
    const outsider = await readIdentities(keyFile('outsider'));
    expect(await blockOpener(outsider).open('cases/2026-0001', block)).toEqual({ status: 'not-recipient' });
  });

  it('reports a tampered block as damaged', async () => {
    const { first, recipients } = await twoRecipients();
    const lines = (await sealClient('cases/2026-0001', client, recipients)).split('\n');
    // Flip one character of the payload (the last full line before the footer), not of the header.
    const index = lines.length - 3;
    const line = lines[index] as string;
    lines[index] = `${line.slice(0, 5)}${line[5] === 'A' ? 'B' : 'A'}${line.slice(6)}`;
    const opened = await blockOpener([first]).open('cases/2026-0001', lines.join('\n'));
    expect(opened.status).toBe('damaged');
  });

  it('names the record a block pasted from another record belongs to', async () => {
    const { first, recipients } = await twoRecipients();
    const block = await sealClient('cases/2026-0001', client, recipients);
    expect(await blockOpener([first]).open('cases/2026-0002', block)).toEqual({ status: 'other-record', boundTo: 'cases/2026-0001', client });
  });

  it('replaces a plaintext client mapping with the block and keeps every other line', () => {
    const text = ['---', 'id: cases/2026-0001', 'client:', '  name: 甲', '  phone: "1"', '# 备注', 'profile: { gender: 女 }', '---', '', '正文'].join('\n');
    const armored = '-----BEGIN AGE ENCRYPTED FILE-----\nQUJD\n-----END AGE ENCRYPTED FILE-----\n';
    expect(withClientBlock(text, armored).split('\n')).toEqual([
      '---',
      'id: cases/2026-0001',
      'client: |',
      '  -----BEGIN AGE ENCRYPTED FILE-----',
      '  QUJD',
      '  -----END AGE ENCRYPTED FILE-----',
      '# 备注',
      'profile: { gender: 女 }',
      '---',
      '',
      '正文',
    ]);
  });

  it.each([
    ['a comment at column 0 inside the mapping', ['client:', '  name: 甲', '# 以下为联系方式', '  phone: "1"', 'profile: {}', '---', '正文'], ['profile: {}', '---', '正文']],
    ['client as the last key, before a fence with trailing spaces', ['client:', '  name: 甲', '--- ', '# 标题', '正文'], ['--- ', '# 标题', '正文']],
    ['a key the schema does not know, in Chinese, after the block', ['client:', '  name: 甲', '备注: 电话 1', '---'], ['备注: 电话 1', '---']],
  ])('replaces exactly the client entry with %s', (_, rest, kept) => {
    const text = ['---', 'id: cases/2026-0001', ...rest].join('\n');
    const armored = '-----BEGIN AGE ENCRYPTED FILE-----\nQUJD\n-----END AGE ENCRYPTED FILE-----\n';
    const result = withClientBlock(text, armored).split('\n');
    expect(result.slice(0, 6)).toEqual(['---', 'id: cases/2026-0001', 'client: |', '  -----BEGIN AGE ENCRYPTED FILE-----', '  QUJD', '  -----END AGE ENCRYPTED FILE-----']);
    expect(result.slice(6)).toEqual(kept);
  });

  it('keeps CRLF line endings', () => {
    const text = ['---', 'id: cases/2026-0001', 'client:', '  name: 甲', 'profile: {}', '---', ''].join('\r\n');
    const result = withClientBlock(text, '-----BEGIN AGE ENCRYPTED FILE-----\nQUJD\n-----END AGE ENCRYPTED FILE-----\n');
    expect(result.split('\r\n')).toHaveLength(9);
    expect(result.replace(/\r\n/g, '')).not.toContain('\n');
  });
});
