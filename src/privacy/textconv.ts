import { readFile } from 'node:fs/promises';
import { stringify } from 'yaml';
import { ageArmorPattern } from '../schemas/sealed.ts';
import { blockOpener } from './client-block.ts';
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
  const start = lines.findIndex((line) => /^client\s*:\s*\|/.test(line));
  if (start < 0) return text;
  let end = start + 1;
  while (end < lines.length && /^\s+\S/.test(lines[end] as string)) end += 1;
  const block = `${lines.slice(start + 1, end).map((l) => l.trim()).join('\n')}\n`;
  if (!ageArmorPattern.test(block)) return text;
  const opened = await opener.open('', block);
  if (opened.status !== 'opened' && opened.status !== 'other-record') return text;
  const owner = opened.status === 'other-record' ? opened.boundTo : '';
  const decrypted = stringify(opened.client).trimEnd().split('\n').map((l) => `  ${l}`);
  return [...lines.slice(0, start), `client: # 已解密显示（swa textconv），块内记录编号 ${owner}`, ...decrypted, ...lines.slice(end)].join('\n');
}
