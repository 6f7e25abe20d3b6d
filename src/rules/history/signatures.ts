import { createHash } from 'node:crypto';
import type { Roster } from '../../schemas/staff.ts';
import type { SignatureCheck } from './context.ts';
import type { Violation } from './integrity.ts';

/** An SSH public key's fingerprint as git and ssh-keygen print it (SHA256:…, unpadded base64); null for anything else. */
export function sshFingerprint(publicKey: string): string | null {
  const blob = publicKey.trim().split(/\s+/)[1];
  if (!blob || !/^[A-Za-z0-9+/]+={0,2}$/.test(blob)) return null;
  return `SHA256:${createHash('sha256').update(Buffer.from(blob, 'base64')).digest('base64').replace(/=+$/, '')}`;
}

/**
 * A-SIGNATURE: an approval by someone the authorising roster lists a signing key for (or, where
 * the approved archive.yaml says `signedApprovals: required`, by anyone) counts only with a valid
 * signature by one of those keys. `check` is what git said of the merge's signature.
 */
export function signatureViolations(check: SignatureCheck | undefined, roster: Roster, approver: string, required: boolean): Violation[] {
  const keys = roster.people.find((p) => p.id === approver)?.signingKeys ?? [];
  if (keys.length === 0 && !required) return [];
  if (keys.length === 0) {
    return [{ rule: 'A-SIGNATURE', message: `archive.yaml 要求每次审批都有签名（signedApprovals: required），但名册没有为 ${approver} 登记签名公钥` }];
  }
  const good = check !== undefined && (check.status === 'G' || check.status === 'U');
  if (good && keys.some((key) => sshFingerprint(key) === check.key)) return [];
  const seen = !check || check.status === 'N' ? '没有签名' : good ? `签名所用的密钥 ${check.key} 不是名册为 ${approver} 登记的` : `签名状态 ${check.status}`;
  return [{ rule: 'A-SIGNATURE', message: `名册为 ${approver} 登记了签名公钥，此次审批须有其有效签名（${seen}）` }];
}
