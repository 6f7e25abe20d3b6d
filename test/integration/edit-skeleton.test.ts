import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopy, repoRoot, runSwa } from '../helpers/run-swa.ts';

const today = ['--today', '2026-11-29'];
const supervisorKey = join(repoRoot, 'test/fixtures/keys/supervisor.agekey');

/** An $EDITOR that keeps a copy of what it was shown and, given `content`, saves that instead. */
async function editor(content?: string): Promise<{ command: string; shown: () => Promise<string> }> {
  const dir = await mkdtemp(join(tmpdir(), 'swa-editor-'));
  const shown = join(dir, 'shown.yaml');
  if (content !== undefined) await writeFile(join(dir, 'content.yaml'), content);
  const save = content === undefined ? '' : `cp "${join(dir, 'content.yaml')}" "$1"\n`;
  await writeFile(join(dir, 'editor.sh'), `#!/bin/sh\ncp "$1" "${shown}"\n${save}`, { mode: 0o755 });
  return { command: join(dir, 'editor.sh'), shown: () => readFile(shown, 'utf8') };
}

const edit = async (dir: string, record: string, command: string) =>
  runSwa(['edit', record, '--identity', supervisorKey, ...today], dir, { ...process.env, EDITOR: command });

describe('swa edit', () => {
  it('opens a new record\'s client block as its fields, blank and labelled, not as {}', async () => {
    const dir = await fixtureCopy();
    expect((await runSwa(['new', 'consultation', ...today], dir)).code).toBe(0);
    const looking = await editor();
    const run = await edit(dir, 'consultations/2026-0002', looking.command);
    expect([run.code, run.stdout.trim()]).toEqual([0, '个人资料未改动，记录保持原样']);
    const shown = await looking.shown();
    expect(shown).not.toContain('{}');
    expect(shown.split('\n').slice(1)).toEqual([
      'name:  # 姓名',
      'birthDate:  # 出生日期',
      'idNumber:  # 身份证号',
      'phone:  # 联系电话',
      'address:  # 住址',
      'schoolOrWork:  # 学校或工作单位',
      'relatives: []  # 监护人及家属：每项含：name 姓名，relation 关系，phone 联系电话',
      '',
    ]);
  }, 60_000);

  it('shows the values given so far, then the fields still blank', async () => {
    const dir = await fixtureCopy();
    expect((await runSwa(['new', 'case', ...today], dir)).code).toBe(0);
    expect((await edit(dir, 'cases/2026-0003', (await editor('name: 测试案主（虚构）\n')).command)).code).toBe(0);
    const looking = await editor();
    expect((await edit(dir, 'cases/2026-0003', looking.command)).code).toBe(0);
    const lines = (await looking.shown()).split('\n');
    expect(lines.slice(1, 3)).toEqual(['name: 测试案主（虚构）', 'birthDate:  # 出生日期']);
    expect(lines.filter((l) => l.startsWith('name:'))).toHaveLength(1);
  }, 60_000);
});
