import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { liftArmor } from '../../src/records/lift-armor.ts';
import { parseYamlMapping } from '../../src/records/parse-yaml.ts';

const armor = ['-----BEGIN AGE ENCRYPTED FILE-----', 'YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBKQWU4bmVoMjZNRXB2Uk5R', 'ZBQatBCEX5ubbmYUsXsz+A==', '-----END AGE ENCRYPTED FILE-----'];
const block = (indent: string) => armor.map((line) => `${indent}${line}\n`).join('');

/** What js-yaml alone makes of the text: the value the shortcut must reproduce. */
const plain = (yaml: string) => load(yaml, { schema: CORE_SCHEMA });

describe('liftArmor', () => {
  const variants: [string, string, boolean][] = [
    ['a block between keys', `id: cases/2026-0001\nclient: |\n${block('  ')}profile:\n  gender: 女\n`, true],
    ['a block first', `client: |\n${block('    ')}id: x\n`, true],
    ['a block last', `id: x\nclient: |\n${block('  ')}`, true],
    ['a comment after the block', `client: |\n${block('  ')}# 注释\nid: x\n`, false],
    ['a blank line after the block', `client: |\n${block('  ')}\nid: x\n`, false],
    ['a line indented otherwise', `client: |\n${block('  ')}   ZBQa\nid: x\n`, false],
    ['keep chomping', `client: |+\n${block('  ')}id: x\n`, false],
    ['a comment on the header', `client: | # 加密\n${block('  ')}id: x\n`, false],
    ['a nested client key', `other:\n  client: |\n${block('    ')}id: x\n`, false],
    ['a plaintext client', 'client:\n  name: 张三\nid: x\n', false],
  ];

  it.each(variants)('%s: lifted only in the plainest form, and parsed to the same value either way', (_, yaml, lifts) => {
    expect(liftArmor(yaml) !== null).toBe(lifts);
    const parsed = parseYamlMapping(yaml, 2);
    expect('data' in parsed && parsed.data).toEqual(plain(yaml));
  });

  // A column-0 `client: |` line that js-yaml reads as part of another value: the lifted text
  // would mean something else, so the shortcut steps aside and the whole text decides.
  it.each([
    ['inside a quoted value', `note: "x\nclient: |\n${block('  ')}"\nid: x\n`],
    ['inside a flow sequence', `tags: [a,\nclient: |\n${block('  ')}]\n`],
    ['inside a document written as one flow mapping', `{id: x,\nclient: |\n${block('  ')}}\n`],
  ])('%s: parsed as js-yaml parses the whole text, errors included', (_, yaml) => {
    expect(yaml.includes('\nclient: |\n')).toBe(true);
    const parsed = parseYamlMapping(yaml, 2);
    let expected: unknown;
    try {
      expected = plain(yaml);
    } catch {
      expected = undefined;
    }
    if (expected === undefined) expect(parsed).toHaveProperty('message');
    else expect('data' in parsed && parsed.data).toEqual(expected);
  });

  it('gives the same data as js-yaml alone for every sample record', () => {
    const root = join(import.meta.dirname, '../../content');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    let lifted = 0;
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      const end = text.indexOf('\n---', 4);
      if (!text.startsWith('---\n') || end < 0) continue;
      const yaml = text.slice(4, end + 1);
      if (liftArmor(yaml)) lifted++;
      const parsed = parseYamlMapping(yaml, 2);
      expect('data' in parsed && parsed.data, file).toEqual(plain(yaml));
    }
    expect(lifted).toBeGreaterThan(5);
  });
});
