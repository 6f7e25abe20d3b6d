import { readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { maxRecordBytes, type SourceFile } from '../check/check-archive.ts';

/**
 * Reads every file under `<root>/content` (hidden files such as .gitkeep excepted). Files over
 * the record size limit are listed with their size but not read, so a stray scan cannot stall a check.
 */
export async function readArchiveFiles(root: string): Promise<SourceFile[]> {
  const contentDir = join(root, 'content');
  let entries;
  try {
    entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !relative(contentDir, path).split(sep).some((part) => part.startsWith('.')));

  // Synchronous reads in one loop: thousands of small files read faster than through the thread pool.
  const read = files.map((absolute): SourceFile => {
    const path = relative(root, absolute).split(sep).join('/');
    const { size } = statSync(absolute);
    return size > maxRecordBytes ? { path, bytes: size } : { path, bytes: size, text: readFileSync(absolute, 'utf8') };
  });
  return read.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
