import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { approve } from '../../src/approvals/approve.ts';
import { approvalMessage, at, checkRules, findingsOf, mergeByHand, submitRecord } from '../helpers/approvals.ts';
import { archiveRepo, staff } from '../helpers/git-repo.ts';
import { casePath, caseText } from '../helpers/records.ts';

async function sshKey(name: string): Promise<{ privateKey: string; publicKey: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'swa-key-'));
  const privateKey = join(dir, name);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', privateKey]);
  return { privateKey, publicKey: (await readFile(`${privateKey}.pub`, 'utf8')).trim() };
}

/** A repository whose roster lists an SSH signing key for the supervisor S04 (and whose archive.yaml ends with `archiveYaml`). */
async function signingRepo(archiveYaml?: string) {
  const supervisorKey = await sshKey('supervisor');
  const repo = await archiveRepo({
    archiveYaml,
    staffYaml: (text) =>
      text.replace(
        '    git: { names: [许慕言], emails: [xu.my@mingxi.example], logins: ["github:xu-my"] }\n',
        `    git: { names: [许慕言], emails: [xu.my@mingxi.example], logins: ["github:xu-my"] }\n    signingKeys: ["${supervisorKey.publicKey}"]\n`,
      ),
  });
  expect(await repo.read('content/staff.yaml')).toContain('signingKeys: ["ssh-ed25519 ');
  repo.git(staff.supervisor, at('2026-03-01'), 'config', 'gpg.format', 'ssh');
  return { repo, supervisorKey };
}

const id = 'cases/2026-0001';

describe('[A-SIGNATURE] approvals by people with a signing key in the roster', () => {
  it('a signed approval counts; an unsigned one is refused by swa approve', async () => {
    const { repo, supervisorKey } = await signingRepo();
    const { branch } = await submitRecord(repo, staff.worker, '2026-03-02', casePath(id), caseText());
    const unsigned = await repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch }));
    expect(unsigned).toMatchObject({ approved: false, reasons: [expect.stringContaining('[A-SIGNATURE]')] });

    repo.git(staff.supervisor, at('2026-03-03'), 'config', 'user.signingkey', supervisorKey.privateKey);
    const signed = await repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch, sign: true }));
    expect(signed.approved).toBe(true);
    expect(await checkRules(repo, '2026-03-03')).toEqual([]);
  });

  it('an approval signed with another key is a forgery', async () => {
    const { repo } = await signingRepo();
    const forger = await sshKey('forger');
    const { branch, sha } = await submitRecord(repo, staff.worker, '2026-03-02', casePath(id), caseText());
    repo.git(staff.supervisor, at('2026-03-03'), 'config', 'user.signingkey', forger.privateKey);
    mergeByHand(repo, staff.supervisor, '2026-03-03', branch, approvalMessage(id, 'intake', 'S04', 'supervisor', sha), ['-S']);
    const findings = await findingsOf(repo, '2026-03-03', 'A-SIGNATURE');
    expect(findings.map((f) => [f.severity, f.record])).toEqual([['error', id]]);
    expect(findings[0]?.message).toContain('须有其有效签名');
    expect(await checkRules(repo, '2026-03-03')).toEqual(['error:A-SIGNATURE']);
  });

  it('a signature stays valid after the key is rotated in the roster: it is checked against the roster of its day', async () => {
    const { repo, supervisorKey } = await signingRepo();
    const { branch } = await submitRecord(repo, staff.worker, '2026-03-02', casePath(id), caseText());
    repo.git(staff.supervisor, at('2026-03-03'), 'config', 'user.signingkey', supervisorKey.privateKey);
    await repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch, sign: true }));

    const rotated = await sshKey('supervisor-2027');
    const roster = (await repo.read('content/staff.yaml')).replace(supervisorKey.publicKey, rotated.publicKey);
    repo.git(staff.businessLead, at('2026-06-01'), 'switch', '-q', '-c', 'submit/roster');
    const head = await repo.commit(staff.businessLead, at('2026-06-01'), 'Rotate S04 key', { 'content/staff.yaml': roster });
    repo.git(staff.businessLead, at('2026-06-01'), 'switch', '-q', 'main');
    mergeByHand(repo, staff.orgHead, '2026-06-02', 'submit/roster', `Approve roster change\n\nStage: roster\nApproved-by: S01\nRole: orgHead\nApproved-head: ${head}`);
    expect(await readFile(join(repo.dir, 'content/staff.yaml'), 'utf8')).toContain(rotated.publicKey);
    expect(await checkRules(repo, '2026-06-02')).toEqual([]);
  });
});


describe('[A-SIGNATURE] signedApprovals: required closes impersonation by e-mail', () => {
  const west = 'cases/2026-0002';
  const westCase = caseText({ id: west, worker: 'S06', post: 'P02' });
  /** Anyone can type the business lead's e-mail as their git identity: here the west worker does, and merges. */
  const impersonate = async (repo: Awaited<ReturnType<typeof archiveRepo>>) => {
    const { branch, sha } = await submitRecord(repo, staff.westWorker, '2026-03-02', casePath(west), westCase);
    mergeByHand(repo, { ...staff.westWorker, email: staff.businessLead.email }, '2026-03-03', branch, approvalMessage(west, 'intake', 'S02', 'supervisor', sha));
  };

  it('without the switch, a merge in the name of someone with no key listed is taken at its word', async () => {
    const { repo } = await signingRepo();
    await impersonate(repo);
    expect(await checkRules(repo, '2026-03-03')).toEqual([]);
  });

  it('with signedApprovals: required, the same merge is an A-SIGNATURE error', async () => {
    const { repo } = await signingRepo('signedApprovals: required\n');
    await impersonate(repo);
    const findings = await findingsOf(repo, '2026-03-03', 'A-SIGNATURE');
    expect(findings.map((f) => [f.severity, f.record])).toEqual([['error', west]]);
    expect(findings[0]?.message).toContain('signedApprovals: required');
    expect(await checkRules(repo, '2026-03-03')).toEqual(['error:A-SIGNATURE']);
  });

  it('the switch counts from the roster approval that turns it on: earlier approvals stand, later ones need a signature', async () => {
    const repo = await archiveRepo();
    const first = await submitRecord(repo, staff.worker, '2026-03-02', casePath(id), caseText());
    mergeByHand(repo, staff.supervisor, '2026-03-03', first.branch, approvalMessage(id, 'intake', 'S04', 'supervisor', first.sha));

    repo.git(staff.financeLead, at('2026-03-04'), 'switch', '-q', '-c', 'submit/roster');
    const head = await repo.commit(staff.financeLead, at('2026-03-04'), 'Require signed approvals', { 'content/archive.yaml': `${await repo.read('content/archive.yaml')}signedApprovals: required\n` });
    repo.git(staff.financeLead, at('2026-03-04'), 'switch', '-q', 'main');
    mergeByHand(repo, staff.orgHead, '2026-03-04', 'submit/roster', `Approve roster change\n\nStage: roster\nApproved-by: S01\nRole: orgHead\nApproved-head: ${head}`);
    expect(await checkRules(repo, '2026-03-04')).toEqual([]);

    const { branch, sha } = await submitRecord(repo, staff.westWorker, '2026-03-05', casePath(west), westCase);
    mergeByHand(repo, staff.businessLead, '2026-03-06', branch, approvalMessage(west, 'intake', 'S02', 'supervisor', sha));
    const findings = await findingsOf(repo, '2026-03-06', 'A-SIGNATURE');
    expect(findings.map((f) => [f.severity, f.record])).toEqual([['error', west]]);
  });

  it('control: with the switch on, the supervisor\'s own signed approval counts, and swa approve refuses to merge unsigned', async () => {
    const { repo, supervisorKey } = await signingRepo('signedApprovals: required\n');
    const { branch } = await submitRecord(repo, staff.worker, '2026-03-02', casePath(id), caseText());
    const unsigned = await repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch }));
    expect(unsigned).toMatchObject({ approved: false, reasons: [expect.stringContaining('[A-SIGNATURE]')] });
    repo.git(staff.supervisor, at('2026-03-03'), 'config', 'user.signingkey', supervisorKey.privateKey);
    const signed = await repo.as(staff.supervisor, at('2026-03-03'), () => approve({ cwd: repo.dir, today: '2026-03-03', branch, sign: true }));
    expect(signed.approved).toBe(true);
    expect(await checkRules(repo, '2026-03-03')).toEqual([]);
  });
});
