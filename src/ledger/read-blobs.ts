import { spawn } from 'node:child_process';

/**
 * Reads many `<rev>:<path>` blobs through ONE `git cat-file --batch` process. A missing blob
 * maps to null. This is how the ledger reads the roster as it stood before each approval.
 */
export function readBlobs(cwd: string, specs: readonly string[]): Promise<Map<string, string | null>> {
  const unique = [...new Set(specs)];
  if (unique.length === 0) return Promise.resolve(new Map());
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`git cat-file --batch failed (${code}): ${stderr.trim()}`));
      resolve(parseBatch(Buffer.concat(chunks), unique));
    });
    child.stdin.end(`${unique.join('\n')}\n`);
  });
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
