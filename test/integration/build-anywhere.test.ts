import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopy, runSwa } from '../helpers/run-swa.ts';

describe('swa build --root from another directory', () => {
  it('builds the site of an archive while run from a folder with no node_modules', async () => {
    const archive = await fixtureCopy();
    const elsewhere = await mkdtemp(join(tmpdir(), 'swa-elsewhere-'));
    const run = await runSwa(['build', '--root', archive, '--today', '2026-12-01'], elsewhere);
    expect(run.stderr).not.toContain('ERR_MODULE_NOT_FOUND');
    expect(run.code).toBe(0);
    expect(existsSync(join(archive, 'dist/index.html'))).toBe(true);
    expect(existsSync(join(archive, 'dist/pagefind/pagefind.js'))).toBe(true);
  }, 120_000);
});
