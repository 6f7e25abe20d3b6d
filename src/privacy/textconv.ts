import { readFile } from 'node:fs/promises';
import { stringify } from 'yaml';
import { ageArmorPattern } from '../schemas/sealed.ts';
import { blockOpener } from './client-block.ts';
import { clientRange } from './client-range.ts';
import { readIdentities } from './identities.ts';

/**
 * `swa textconv FILE`: the record as git diff should show it to a key holder, with the client
 * block decrypted. Without a key, or for a block the key does not open, the file is shown as it is.
 * Git passes temporary copies of old versions, so the record id is read from the block itself.
 */
export async function textconv(file: string, identityFile: string | undefined): Promise<string> {
  const text = (await readFile(file, 'utf8')).replace(/\r\n?/g, '\n');
  if (!identityFile) return text;
  const opener = blockOpener(await readIdentities(identityFile));
  const lines = text.split('\n');
  const range = clientRange(lines);
  if (!range) return text;
  const block = `${lines.slice(range.first + 1, range.last + 1).map((l) => l.trim()).join('\n')}\n`;
  if (!ageArmorPattern.test(block)) return text;
  // Opened as belonging to no record: the record it names is then reported, and shown.
  const opened = await opener.open('', block);
  if (opened.status !== 'other-record') return text;
  const decrypted = stringify(opened.client).trimEnd().split('\n').map((l) => `  ${l}`);
  return [...lines.slice(0, range.first), `client: # 已解密显示（swa textconv），块内记录编号 ${opened.boundTo}`, ...decrypted, ...lines.slice(range.last + 1)].join('\n');
}
