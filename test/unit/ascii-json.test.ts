import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asciiJson, readJsonText } from '../../src/ascii-json.ts';

// Fictional values: Chinese text, a character beyond the BMP, Latin-1, control characters and quotes.
const value = { title: '家庭照顾分工个案（合成）', emoji: '记录😀', latin: 'café ÿ', control: 'a\u0000b\u007f\n"\\', lone: '\ud800x', list: [1, null, true, '社区'] };

describe('asciiJson and readJsonText', () => {
  it('write only ASCII, and read back the value written, as JSON.stringify gives it', async () => {
    const text = asciiJson(value);
    expect(/^[\x00-\x7f]*$/.test(text)).toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
    const dir = await mkdtemp(join(tmpdir(), 'swa-ascii-json-'));
    await writeFile(join(dir, 'ascii.json'), text);
    expect(JSON.parse(readJsonText(join(dir, 'ascii.json')))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('read a file that is not all ASCII as UTF-8', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'swa-ascii-json-'));
    await writeFile(join(dir, 'utf8.json'), JSON.stringify(value), 'utf8');
    expect(JSON.parse(readJsonText(join(dir, 'utf8.json')))).toEqual(JSON.parse(JSON.stringify(value)));
  });
});
