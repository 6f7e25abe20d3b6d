import { execFile } from 'node:child_process';
import { copyFile, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopy, repoRoot } from '../helpers/run-swa.ts';

/** A fixture archive laid out as an Astro project that shares this repository's src/ and node_modules/. */
async function astroProject(): Promise<string> {
  const dir = await fixtureCopy();
  await copyFile(join(repoRoot, 'astro.config.mjs'), join(dir, 'astro.config.mjs'));
  await symlink(join(repoRoot, 'src'), join(dir, 'src'));
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function astroSync(root: string): Promise<{ code: number; output: string }> {
  const astro = join(repoRoot, 'node_modules/astro/astro.js');
  return new Promise((resolve) => {
    execFile(process.execPath, [astro, 'sync', '--root', root], { env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error ? 1 : 0, output: stdout + stderr });
    });
  });
}

describe("Astro's content collections use the same schemas", () => {
  it('accept the fixture archive and reject a record that swa check rejects', async () => {
    const dir = await astroProject();
    const valid = await astroSync(dir);
    expect(valid.output).toContain('Synced content');
    expect(valid.code).toBe(0);

    const file = join(dir, 'content/groups/2026/0001.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('attendance: 11, volunteers: 1', 'attendance: 十一, volunteers: 1'));
    const invalid = await astroSync(dir);
    expect(invalid.code).toBe(1);
    expect(invalid.output).toContain('InvalidContentEntryDataError');
    expect(invalid.output).toContain('sessions.2.attendance');
  }, 60_000);
});
