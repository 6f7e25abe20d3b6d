import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Commit } from './commit.ts';
import { LogParser } from './parse-log.ts';

/** The most read at once: each piece is garbage once parsed, and a check's memory peaks while git writes. */
const maxPiece = 8 * 1024 * 1024;

/** A log parsed while git wrote it: its commits, and how many bytes git wrote. */
export interface ParsedLog {
  commits: Commit[];
  bytes: number;
}

/**
 * Parses `git log`'s output while git writes it into `file` (see readGit): whenever the event
 * loop is free, every `everyMs`, the file is read on from where the last read stopped. A check
 * parses the records first and then waits for git: the commits are parsed in that wait, not after
 * it. `finish`, once git has exited, reads the rest; `stop` gives up. An error while following
 * (a commit git cut short) is thrown by `finish`.
 */
export function followLog(file: string, everyMs = 20): { finish(): ParsedLog; stop(): void } {
  const parser = new LogParser();
  const fd = openSync(file, 'r');
  let offset = 0;
  let failed: unknown;
  const readOn = () => {
    const size = fstatSync(fd).size;
    while (offset < size) {
      const piece = Buffer.allocUnsafe(Math.min(size - offset, maxPiece));
      const read = readSync(fd, piece, 0, piece.length, offset);
      if (read === 0) break;
      parser.push(read === piece.length ? piece : piece.subarray(0, read));
      offset += read;
    }
  };
  const timer = setInterval(() => {
    try {
      readOn();
    } catch (error) {
      failed = error;
      clearInterval(timer);
    }
  }, everyMs);
  // git's own process keeps the event loop alive while it runs: this timer alone must not.
  timer.unref();
  const close = () => {
    clearInterval(timer);
    closeSync(fd);
  };
  return {
    finish() {
      try {
        if (failed !== undefined) throw failed;
        readOn();
        return { commits: parser.end(), bytes: offset };
      } finally {
        close();
      }
    },
    stop: close,
  };
}
