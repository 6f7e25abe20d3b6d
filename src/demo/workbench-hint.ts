import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staffFile } from '../check/check-archive.ts';
import { rosterFrom } from '../privacy/reseal.ts';
import { holdsRole } from '../rules/roster.ts';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * How to open the workbench on the demo repository as one of its fictional workers and as a
 * supervisor whose demo key ships in sample-keys/ (each in a terminal of its own).
 */
export async function workbenchHint(options: { out: string; cwd: string; today: string }): Promise<string> {
  const roster = rosterFrom(await readFile(join(options.out, staffFile), 'utf8'));
  const keyOf = (id: string) => join(packageRoot, 'sample-keys', `demo-${id}.agekey`);
  const worker = roster.people.find((p) => p.git.emails.length > 0 && holdsRole(roster, p.id, 'worker', options.today));
  const supervisor = roster.people.find((p) => p.git.emails.length > 0 && holdsRole(roster, p.id, 'supervisor', options.today) && existsSync(keyOf(p.id)));
  // Relative to where the command ran when inside it (npm start's .demo), absolute otherwise.
  const shown = (path: string) => {
    const near = relative(options.cwd, path);
    return near.startsWith('..') ? path : near || '.';
  };
  const root = shown(options.out);
  const line = (role: string, person: (typeof roster.people)[number] | undefined, key?: string) =>
    person
      ? `  ${role} ${person.name}（${person.id}）：GIT_AUTHOR_NAME=${person.name} GIT_AUTHOR_EMAIL=${person.git.emails[0]} npx swa workbench --root ${root}${key ? ` --identity ${shown(key)}` : ''}`
      : null;
  const lines = [line('社工', worker), line('督导', supervisor, supervisor && keyOf(supervisor.id))].filter((l): l is string => l !== null);
  return ['工作台：在另一个终端中以演示仓库中的虚构人员身份打开（演示密钥随附，仅供演示），再打开它显示的网址：', ...lines].join('\n');
}
