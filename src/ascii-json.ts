import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';

/**
 * JSON with every character beyond ASCII written as a \u escape: the file is then read without
 * decoding UTF-8 (see readJsonText), which was most of the time to read a large archive's parse
 * cache, its records' Chinese text nearly a tenth of its characters.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A JSON file's text: read as Latin-1 when every byte is ASCII (as asciiJson writes it), else decoded as UTF-8. */
export function readJsonText(path: string): string {
  const bytes = readFileSync(path);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}
