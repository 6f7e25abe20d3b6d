import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitAt } from '../git.ts';
import type { SignatureCheck } from '../rules/history/context.ts';
import type { Roster } from '../schemas/staff.ts';

const sshKey = /^(ssh-|ecdsa-|sk-)/;

/**
 * A-SIGNATURE: verifies the signatures of the given commits in ONE `git log --no-walk` call,
 * against an allowed-signers file built from the SSH keys of every given roster (principal =
 * staff id). Each check names the key that signed: which key had to sign is the rules' question.
 */
export async function verifySignatures(cwd: string, shas: readonly string[], rosters: Iterable<Roster>): Promise<Map<string, SignatureCheck>> {
  const checks = new Map<string, SignatureCheck>();
  if (shas.length === 0) return checks;
  const allowed = new Set([...rosters].flatMap((roster) => roster.people.flatMap((p) => p.signingKeys.filter((k) => sshKey.test(k)).map((key) => `${p.id} namespaces="git" ${key}`))));
  const dir = await mkdtemp(join(tmpdir(), 'swa-signers-'));
  try {
    const file = join(dir, 'allowed_signers');
    await writeFile(file, `${[...allowed].join('\n')}\n`);
    const out = await gitAt(cwd).raw([
      '-c',
      `gpg.ssh.allowedSignersFile=${file}`,
      'log',
      '--no-walk=unsorted',
      '--format=%H%x1f%G?%x1f%GS%x1f%GK',
      ...shas,
    ]);
    for (const line of out.split('\n').filter(Boolean)) {
      const [sha, status, signer, key] = line.split('\x1f') as [string, string, string, string];
      checks.set(sha, { status, signer, key });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return checks;
}
