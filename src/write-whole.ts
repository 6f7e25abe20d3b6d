import { closeSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';

/**
 * Writes a file piece by piece, whole or not at all (a temporary file, then a
 * rename): `write` is given the function that appends a piece and answers its byte range. Answers the file's size.
 */
export function writeInPieces(file: string, write: (append: (piece: string | Buffer) => [start: number, end: number]) => void): number {
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    const pieces = appendAt(fd, 0);
    write(pieces.append);
    closeSync(fd);
    renameSync(temporary, file);
    return pieces.size();
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // Closed already: the rename failed.
    }
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes pieces into the open file `fd` from byte `size` on: `append` answers each piece's byte range, `size` where the next one goes. */
export function appendAt(fd: number, size: number): { append: (piece: string | Buffer) => [start: number, end: number]; size: () => number } {
  return {
    append(piece) {
      const start = size;
      // A write may take fewer bytes than it was given: the rest is written on, or every later range would be off.
      const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, start + done);
      size += bytes.length;
      return [start, size];
    },
    size: () => size,
  };
}

/** Writes a file whole or not at all: a temporary file, then a rename. */
export function writeWhole(file: string, bytes: Buffer | string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
