// The benchmark's "one new approval merge": a worker submits a note on a case and the post's
// supervisor approves it with swa approve's message and trailers, on the archive's last day.
import { execFileSync } from 'node:child_process';
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Staffing } from '../src/demo/timeline.ts';
import { actingAs } from '../src/git.ts';
import { formatTrailers } from '../src/ledger/trailers.ts';
import { requireConfig } from '../src/records/parse-config.ts';
import { staffSchema } from '../src/schemas/staff.ts';

export async function addApproval(archive: string, today: string, record: string): Promise<void> {
  const file = `content/${record.replace(/^(\w+)\/(\d{4})-/, '$1/$2/')}.md`;
  const text = await readFile(join(archive, file), 'utf8');
  const field = (key: string) => new RegExp(`^${key}: (\\S+)$`, 'm').exec(text)?.[1] ?? '';
  const roster = requireConfig('content/staff.yaml', await readFile(join(archive, 'content/staff.yaml'), 'utf8'), staffSchema);
  const person = (id: string) => {
    const p = roster.people.find((x) => x.id === id);
    return { id, name: p?.name ?? id, email: p?.git.emails[0] ?? '' };
  };
  const worker = person(field('worker'));
  const supervisor = person(new Staffing(roster).approver('session', field('post'), today));
  const git = (who: typeof worker, time: string, ...args: string[]) => execFileSync('git', args, { cwd: archive, env: actingAs(who, `${today}T${time}:00+08:00`), encoding: 'utf8' }).trim();
  const branch = `submit/${record}`;
  git(worker, '10:00', 'switch', '-q', '-c', branch, 'main');
  await appendFile(join(archive, file), '\n（补记：基准测试追加的一行，虚构）\n');
  git(worker, '10:00', 'commit', '-q', '-am', `Submit ${record} for session\n\n${formatTrailers([['Record', record], ['Stage', 'session'], ['Submitted-by', worker.id]])}\n`);
  const head = git(worker, '10:00', 'rev-parse', 'HEAD');
  git(supervisor, '16:00', 'switch', '-q', 'main');
  const trailers = formatTrailers([['Record', record], ['Stage', 'session'], ['Approved-by', supervisor.id], ['Role', 'supervisor'], ['Approved-head', head]]);
  git(supervisor, '16:00', 'merge', '--no-ff', '-q', '-m', `Approve ${record}: session\n\n${trailers}\n`, branch);
  git(supervisor, '16:00', 'branch', '-q', '-D', branch);
}
