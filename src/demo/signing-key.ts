import { execFileSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A fictional SSH signing key for one demo person, generated afresh for this demo repository and
 * kept in its git directory (never in content/, never committed): whoever explores the demo can
 * sign further approvals as that person with it.
 */
export async function demoSigningKey(out: string, staffId: string): Promise<{ privateKey: string; publicKey: string }> {
  const dir = join(out, '.git', 'swa-demo-keys');
  await mkdir(dir, { recursive: true });
  const privateKey = join(dir, `${staffId}-signing`);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `${staffId}-demo-fictional`, '-f', privateKey]);
  return { privateKey, publicKey: (await readFile(`${privateKey}.pub`, 'utf8')).trim() };
}

/** The roster text with `publicKey` listed as the signing key of `staffId`, on a line after the person's `git:` line. Pure. */
export function withSigningKey(staffYaml: string, staffId: string, publicKey: string): string {
  const lines = staffYaml.split('\n');
  const start = lines.findIndex((line) => line.trim() === `- id: ${staffId}`);
  const end = lines.findIndex((line, i) => i > start && line.trim().startsWith('- id:'));
  const git = lines.findIndex((line, i) => i > start && (end < 0 || i < end) && line.trim().startsWith('git:'));
  if (start < 0 || git < 0) throw new Error(`staff.yaml has no git: line for ${staffId}`);
  const indent = lines[git]!.length - lines[git]!.trimStart().length;
  lines.splice(git + 1, 0, `${' '.repeat(indent)}signingKeys: [${JSON.stringify(publicKey)}]`);
  return lines.join('\n');
}
