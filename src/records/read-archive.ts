import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { maxRecordBytes, type SourceFile } from '../check/check-archive.ts';
import { encodingProblem } from './text-encoding.ts';

/**
 * Reads every file under `<root>/content` (hidden files such as .gitkeep excepted). Files over
 * the record size limit are listed with their size but not read, so a stray scan cannot stall a check;
 * a file that is not UTF-8 is listed with what was found instead of its garbled text. Symbolic
 * links, pipes and devices are listed and never opened: a link could bring in any file on the machine.
 * `wanted` (a repository-relative path such as content/cases/2026/0001.md) limits what is read.
 */
export async function readArchiveFiles(root: string, wanted: (path: string) => boolean = () => true): Promise<SourceFile[]> {
  const contentDir = join(root, 'content');
  let entries;
  try {
    // content/ itself a link would bring in a folder from anywhere on the machine: it is listed, not listed through.
    if ((await lstat(contentDir)).isSymbolicLink()) return [{ path: 'content', bytes: 0, notAFile: 'symlink' }];
    entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  // Paths by concatenation and slicing, not path.join/relative: readdir names every entry below
  // contentDir, and normalising two paths per file was a noticeable part of reading 10,000 records.
  const files = entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => ({ inside: `${entry.parentPath}${sep}${entry.name}`.slice(contentDir.length + 1), entry }))
    .filter(({ inside }) => !inside.startsWith('.') && !inside.includes(`${sep}.`))
    .map(({ inside, entry }) => ({ inside, entry, path: `content/${sep === '/' ? inside : inside.split(sep).join('/')}` }))
    .filter(({ path }) => wanted(path));

  // Synchronous reads in one loop into one buffer: thousands of small files read faster so than
  // through the thread pool. One read of up to the limit plus a byte tells the size without an
  // fstat; system calls are most of the cost of reading 10,000 records.
  const buffer = Buffer.allocUnsafe(maxRecordBytes + 1);
  const read = files.map(({ inside, entry, path }): SourceFile => {
    if (!entry.isFile()) return { path, bytes: 0, notAFile: entry.isSymbolicLink() ? 'symlink' : 'special' };
    // No following a link put in the file's place since the listing, either.
    const fd = openSync(`${contentDir}${sep}${inside}`, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      const length = readSync(fd, buffer, 0, buffer.length, 0);
      if (length > maxRecordBytes) return { path, bytes: fstatSync(fd).size };
      const notUtf8 = encodingProblem(buffer.subarray(0, length));
      if (notUtf8) return { path, bytes: length, notUtf8 };
      return { path, bytes: length, text: buffer.toString('utf8', 0, length) };
    } finally {
      closeSync(fd);
    }
  });
  return read.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
