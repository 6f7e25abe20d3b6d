const plus = 0x2b;
const space = 0x20;
const tab = 0x09;
const equals = 0x3d;
const newline = 0x0a;
const base64 = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') base64[c.charCodeAt(0)] = 1;
const fences = new Set(['-----BEGIN AGE ENCRYPTED FILE-----', '-----END AGE ENCRYPTED FILE-----']);

/**
 * Decodes git's diff output without the added lines of encrypted client blocks: ciphertext dates
 * nothing and is about a third of a case's bytes, so it is dropped before it is decoded (the change
 * to the file is still there). A dropped line is `+`, blanks, then either an armor fence or 20 or
 * more base64 characters with at most two `=`. Compacts `buffer` in place: the caller hands it over.
 */
export function decodeLog(buffer: Buffer): string {
  let written = 0;
  let keptFrom = 0;
  for (let start = 0; start < buffer.length; ) {
    const found = buffer.indexOf(newline, start);
    const end = found < 0 ? buffer.length : found;
    const next = found < 0 ? buffer.length : found + 1;
    if (buffer[start] === plus && isArmor(buffer, start + 1, end)) {
      written += buffer.copy(buffer, written, keptFrom, start);
      keptFrom = next;
    }
    start = next;
  }
  written += buffer.copy(buffer, written, keptFrom, buffer.length);
  return buffer.toString('utf8', 0, written);
}

/** Whether bytes [from, end) are blanks followed by an armor line (without its newline). */
function isArmor(buffer: Buffer, from: number, end: number): boolean {
  let text = from;
  while (text < end && (buffer[text] === space || buffer[text] === tab)) text++;
  if (text === from) return false;
  let body = text;
  while (body < end && base64[buffer[body]!] === 1) body++;
  let padding = body;
  while (padding < end && padding - body < 2 && buffer[padding] === equals) padding++;
  if (padding === end && body - text >= 20) return true;
  return buffer[text] === 0x2d && fences.has(buffer.toString('latin1', text, end));
}
