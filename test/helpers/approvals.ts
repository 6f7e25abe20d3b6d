import { submit } from '../../src/approvals/submit.ts';
import { checkRepository } from '../../src/check/check-repository.ts';
import type { Finding } from '../../src/rules/finding.ts';
import type { ArchiveRepo, Person } from './git-repo.ts';

export const at = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;

/** Writes a record and submits it as `person` on `day`; returns the branch and its head. */
export async function submitRecord(repo: ArchiveRepo, person: Person, day: string, path: string, text: string, stage?: string) {
  await repo.write(path, text);
  return repo.as(person, at(day), () => submit({ cwd: repo.dir, today: day, record: path, stage }));
}

/**
 * A submission made by hand on `branch` (as a worker does when pushing to a host), bypassing the
 * checks `swa submit` makes; the message carries the same trailers. Returns the commit.
 */
export async function commitOnBranch(repo: ArchiveRepo, person: Person, day: string, branch: string, path: string, text: string, stage: string): Promise<string> {
  const exists = repo.git(person, at(day), 'branch', '--list', branch).trim() !== '';
  repo.git(person, at(day), 'switch', '-q', ...(exists ? [] : ['-c']), branch);
  const record = path.replace(/^content\/([a-z]+)\/(\d{4})\/(\d{4})\.md$/, '$1/$2-$3');
  const sha = await repo.commit(person, at(day), `Submit ${record} for ${stage}\n\nRecord: ${record}\nStage: ${stage}\nSubmitted-by: ${person.id}`, { [path]: text });
  repo.git(person, at(day), 'switch', '-q', 'main');
  return sha;
}

/** A rejection note committed by hand on a pending submission branch, as a reviewer on a host leaves one. */
export function rejectOnBranch(repo: ArchiveRepo, person: Person, day: string, record: string, stage: string, reason: string): void {
  repo.git(person, at(day), 'switch', '-q', `submit/${record}`);
  repo.git(person, at(day), 'commit', '-q', '--allow-empty', '-m', `Reject ${record}: ${stage}\n\n${reason}\n\nRecord: ${record}\nStage: ${stage}\nRejected-by: ${person.id}`);
  repo.git(person, at(day), 'switch', '-q', 'main');
}

/** A merge made by hand (as on a host, or by someone bypassing swa approve), with the given message. */
export function mergeByHand(repo: ArchiveRepo, person: Person, day: string, branch: string, message: string, extra: string[] = []): string {
  repo.git(person, at(day, '16:00:00'), 'merge', '--no-ff', '-q', ...extra, '-m', message, branch);
  return repo.git(person, at(day), 'rev-parse', 'HEAD').trim();
}

export function approvalMessage(record: string, stage: string, by: string, role: string, head: string): string {
  return `Approve ${record}: ${stage}\n\nRecord: ${record}\nStage: ${stage}\nApproved-by: ${by}\nRole: ${role}\nApproved-head: ${head}\n`;
}

/** `swa check` findings as "severity:RULE" strings, sorted, for exact assertions. */
export async function checkRules(repo: ArchiveRepo, today: string): Promise<string[]> {
  return (await checkRepository(repo.dir, today)).findings.map((f) => `${f.severity}:${f.rule}`).sort();
}

export async function findingsOf(repo: ArchiveRepo, today: string, rule: string): Promise<Finding[]> {
  return (await checkRepository(repo.dir, today)).findings.filter((f) => f.rule === rule);
}
