import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const interruptions = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs `use` with a private temporary folder (mode 0700) for decrypted data, and removes it
 * whatever happens, Ctrl-C included: on a signal the folder is removed first and the signal is
 * then raised again, so the process still ends as the user asked.
 */
export async function withPrivateDir<T>(prefix: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const onSignal = (signal: NodeJS.Signals) => {
    rmSync(dir, { recursive: true, force: true });
    for (const s of interruptions) process.off(s, onSignal);
    process.kill(process.pid, signal);
  };
  for (const signal of interruptions) process.on(signal, onSignal);
  try {
    return await use(dir);
  } finally {
    for (const signal of interruptions) process.off(signal, onSignal);
    await rm(dir, { recursive: true, force: true });
  }
}
