import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { actingAs } from '../../src/git.ts';
import { fixtureRoot } from './fixture.ts';

/** Staff of the fixture roster (content/staff.yaml) as git identities. */
export const staff = {
  orgHead: { id: 'S01', name: '梁启明', email: 'liang.qm@mingxi.example' },
  businessLead: { id: 'S02', name: '韩素青', email: 'han.sq@mingxi.example' },
  financeLead: { id: 'S03', name: '周嘉禾', email: 'zhou.jh@mingxi.example' },
  supervisor: { id: 'S04', name: '许慕言', email: 'xu.my@mingxi.example' },
  worker: { id: 'S05', name: '陈一禾', email: 'chen.yh@mingxi.example' },
  westWorker: { id: 'S06', name: '罗晓川', email: 'luo.xc@mingxi.example' },
  southWorker: { id: 'S07', name: '方若溪', email: 'fang.rx@mingxi.example' },
} as const;
export interface Person {
  id: string;
  name: string;
  email: string;
}

/** Git's environment for one person at one fixed time; the developer's own config is never read. */
export const gitEnv = actingAs;

export class ArchiveRepo {
  constructor(readonly dir: string) {}

  git(person: Person, date: string, ...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: gitEnv(person, date), encoding: 'utf8' });
  }

  async write(path: string, text: string): Promise<void> {
    await mkdir(dirname(join(this.dir, path)), { recursive: true });
    await writeFile(join(this.dir, path), text);
  }

  read(path: string): Promise<string> {
    return readFile(join(this.dir, path), 'utf8');
  }

  /** Commits the given files on the current branch as `person`. */
  async commit(person: Person, date: string, message: string, files: Record<string, string>): Promise<string> {
    for (const [path, text] of Object.entries(files)) await this.write(path, text);
    this.git(person, date, 'add', '--', ...Object.keys(files));
    this.git(person, date, 'commit', '--allow-empty', '-q', '-m', message);
    return this.git(person, date, 'rev-parse', 'HEAD').trim();
  }

  /**
   * Runs `fn` (a swa command called in-process) as `person` at `date`: git reads the identity
   * from the repository's config and the dates from the environment, as on that person's machine.
   */
  async as<T>(person: Person, date: string, fn: () => Promise<T>): Promise<T> {
    this.git(person, date, 'config', 'user.name', person.name);
    this.git(person, date, 'config', 'user.email', person.email);
    const saved = { ...process.env };
    Object.assign(process.env, gitEnv(person, date));
    try {
      return await fn();
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  }
}

/**
 * A new archive repository on `main`: the fixture roster and code tables, adoption tagged at the
 * first commit (made by the org head on 2026-01-05), and no records yet. `archiveYaml` is appended to the code tables.
 */
export async function archiveRepo(options: { staffYaml?: (text: string) => string; archiveYaml?: string } = {}): Promise<ArchiveRepo> {
  const dir = await mkdtemp(join(tmpdir(), 'swa-repo-'));
  const repo = new ArchiveRepo(dir);
  await mkdir(join(dir, 'content'), { recursive: true });
  await cp(join(fixtureRoot, 'content/archive.yaml'), join(dir, 'content/archive.yaml'));
  const staffYaml = await readFile(join(fixtureRoot, 'content/staff.yaml'), 'utf8');
  await writeFile(join(dir, 'content/staff.yaml'), options.staffYaml ? options.staffYaml(staffYaml) : staffYaml);
  await writeFile(join(dir, 'content/archive.yaml'), `${await repo.read('content/archive.yaml')}\nadoption: swa-adoption\n${options.archiveYaml ?? ''}`);
  const date = '2026-01-05T09:00:00+08:00';
  repo.git(staff.orgHead, date, 'init', '-q', '-b', 'main');
  repo.git(staff.orgHead, date, 'config', 'commit.gpgsign', 'false');
  repo.git(staff.orgHead, date, 'config', 'gc.auto', '0');
  repo.git(staff.orgHead, date, 'add', 'content');
  repo.git(staff.orgHead, date, 'commit', '-q', '-m', 'Import the archive configuration');
  repo.git(staff.orgHead, date, 'tag', 'swa-adoption');
  return repo;
}
