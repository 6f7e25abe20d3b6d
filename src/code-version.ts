import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let code: string | undefined;

/**
 * The running code itself, hashed (the compiled lib/, or src/ under tsx): what the caches in
 * .git/swa hold is decided by code all over the tool (record paths, schemas, archive numbers,
 * trailers), and what other code kept is not this code's.
 */
export function codeVersion(): string {
  if (code !== undefined) return code;
  const root = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const name of (readdirSync(root, { recursive: true }) as string[]).filter((n) => /\.(?:js|ts)$/.test(n)).sort()) {
    hash.update(name).update('\0').update(readFileSync(join(root, name))).update('\0');
  }
  return (code = hash.digest('hex'));
}
