import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { deleteKey, setScalar } from '../../src/records/edit-yaml.ts';

describe('editing staff.yaml in place', () => {
  const roster = ['# 虚构名册', 'people:', '  - id: S04', '    roles:', '      - { role: supervisor, from: 2024-03-01 }   # 注释保留', '  - id: S05', '    name: 乙', ''].join('\n');

  it('adds a key as one line at the end of the item, leaving comments and flow style alone', () => {
    const after = setScalar(roster, ['people', 0, 'encryptionKey'], 'age1abc');
    expect(after.split('\n')).toEqual(['# 虚构名册', 'people:', '  - id: S04', '    roles:', '      - { role: supervisor, from: 2024-03-01 }   # 注释保留', '    encryptionKey: age1abc', '  - id: S05', '    name: 乙', '']);
  });

  it('replaces an existing value and nothing else', () => {
    const once = setScalar(roster, ['people', 1, 'encryptionKey'], 'age1abc');
    expect(setScalar(once, ['people', 1, 'encryptionKey'], 'age1def')).toBe(once.replace('age1abc', 'age1def'));
  });

  it('keeps CRLF line endings', () => {
    const crlf = roster.replace(/\n/g, '\r\n');
    expect(setScalar(crlf, ['people', 1, 'encryptionKey'], 'age1abc')).toBe(setScalar(roster, ['people', 1, 'encryptionKey'], 'age1abc').replace(/\n/g, '\r\n'));
  });

  it('removes a key, also when it is the first of its item', () => {
    const added = setScalar(roster, ['people', 0, 'encryptionKey'], 'age1abc');
    expect(deleteKey(added, ['people', 0, 'encryptionKey'])).toBe(roster);
    const first = 'people:\n  - encryptionKey: age1abc\n    id: S04\n';
    expect(parse(deleteKey(first, ['people', 0, 'encryptionKey']))).toEqual({ people: [{ id: 'S04' }] });
  });
});
