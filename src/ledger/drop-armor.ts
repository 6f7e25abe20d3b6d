const plus = 0x2b;
const space = 0x20;
const tab = 0x09;
const equals = 0x3d;
const newline = 0x0a;
const base64 = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') base64[c.charCodeAt(0)] = 1;
const fences = new Set(['-----BEGIN AGE ENCRYPTED FILE-----', '-----END AGE ENCRYPTED FILE-----']);

/**
 * git's diff output without the added lines of encrypted client blocks: ciphertext dates nothing
 * and is about a third of a case's bytes, so it is dropped before anything is decoded (the change
 * to the file is still there). A dropped line is `+`, blanks, then either an armor fence or 20 or
 * more base64 characters with at most two `=`. Compacts `buffer` in place: the caller hands it over.
 */
export function dropArmor(buffer: Buffer): Buffer {
  const length = buffer.length;
  let written = 0;
  let keptFrom = 0;
  for (let start = 0; start < length; ) {
    const found = buffer.indexOf(newline, start);
    const end = found < 0 ? length : found;
    const next = found < 0 ? length : found + 1;
    if (buffer[start] === plus && isArmor(buffer, start + 1, end)) {
      // Until the first armor line nothing moves; after it, each kept run moves down once.
      if (written === keptFrom) written = start;
      else if (start > keptFrom) written += buffer.copy(buffer, written, keptFrom, start);
      keptFrom = next;
    }
    start = next;
  }
  if (written === keptFrom) written = length;
  else written += buffer.copy(buffer, written, keptFrom, length);
  return buffer.subarray(0, written);
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
