import { gitProcess } from '../git.ts';

/**
 * Reads many `<rev>:<path>` blobs through ONE `git cat-file --batch` process. A missing blob
 * maps to null. This is how the ledger reads the roster as it stood before each approval.
 */
export async function readBlobs(cwd: string, specs: readonly string[]): Promise<Map<string, string | null>> {
  const unique = [...new Set(specs)];
  if (unique.length === 0) return new Map();
  const out = await gitProcess(cwd, ['cat-file', '--batch'], { input: `${unique.join('\n')}\n` });
  return parseBatch(out, unique);
}

function parseBatch(out: Buffer, specs: readonly string[]): Map<string, string | null> {
  const blobs = new Map<string, string | null>();
  let offset = 0;
  for (const spec of specs) {
    const headerEnd = out.indexOf(0x0a, offset);
    const header = out.subarray(offset, headerEnd).toString();
    offset = headerEnd + 1;
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
      blobs.set(spec, null);
      continue;
    }
    const size = Number(header.split(' ')[2]);
    blobs.set(spec, out.subarray(offset, offset + size).toString('utf8'));
    offset += size + 1;
  }
  return blobs;
}
