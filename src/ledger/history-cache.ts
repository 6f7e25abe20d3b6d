import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { writeWhole } from '../write-whole.ts';
import type { ParsedLog } from './follow-log.ts';
import { join } from 'node:path';

/**
 * The history cache in the git directory (`.git/swa/`): git's own output for the commits read so
 * far, in segments (newest first), with the tips they were read from. A later read asks git only
 * for the commits added since those tips and adds one segment; segments are joined into one
 * once there are many. Every file is written whole or not at all (temporary file, then rename),
 * and any file that cannot be read makes the cache answer nothing: the caller then reads in full.
 */
export interface CachedHistory {
  /** The tips (commit ids) every segment together was read from. */
  tips: string[];
  /** Each segment's `git log` output and the diffs of its merges, newest segment first. */
  segments: { log: Buffer; merges: Buffer }[];
}

/**
 * What git printed for one read: the log (or, parsed while git wrote it, its commits: see
 * followLog) and the merges, and the scratch files git wrote them into (when it did).
 */
export interface GitOutput {
  log: Buffer | ParsedLog;
  merges: Buffer;
  files?: { log: string; merges: string };
}

/** The bytes of a read's log: those given, or what git wrote into its scratch file. */
function logBytes({ log, files }: GitOutput): Buffer {
  if (Buffer.isBuffer(log)) return log;
  if (!files) throw new Error('a log parsed while git wrote it has a scratch file');
  return readFileSync(files.log);
}

interface State {
  /** How history was read (the git arguments, the shallow boundary): another way is another cache. */
  format: string;
  tips: string[];
  segments: SegmentFiles[];
}

/** A segment's two files, with their sizes: a file that is not the size it was written at is not believed. */
interface SegmentFiles {
  log: string;
  merges: string;
  bytes: [number, number];
}

const stateFile = 'history.json';
/** Scratch files of reads under way in this process, numbered. */
let scratchCount = 0;
/** More segments than this are joined into one, so a long-lived clone does not open hundreds of files. */
const maxSegments = 12;

export class HistoryCache {
  constructor(
    private readonly dir: string,
    private readonly format: string,
  ) {}

  /** The cached history when it was read the same way, else null. */
  read(): CachedHistory | null {
    const state = this.state();
    if (!state) return null;
    try {
      const segments = state.segments.map((s) => ({ log: readFileSync(join(this.dir, s.log)), merges: readFileSync(join(this.dir, s.merges)) }));
      const intact = segments.every((s, i) => s.log.length === state.segments[i]!.bytes[0] && s.merges.length === state.segments[i]!.bytes[1]);
      return intact ? { tips: state.tips, segments } : null;
    } catch {
      return null;
    }
  }

  /**
   * Records that history read from `tips` is `added` (newest) on top of `kept` (what `read` gave,
   * or nothing after a full read), or of `below` (the older half of a full read, from its own
   * tips). False when the git directory refuses it: that only costs the cache.
   */
  write(tips: readonly string[], added: GitOutput, kept: readonly { log: Buffer; merges: Buffer }[], below?: { read: GitOutput; tips: readonly string[] }): boolean {
    const previous = kept.length > 0 ? (this.state()?.segments ?? []) : [];
    try {
      mkdirSync(this.dir, { recursive: true });
      const fresh = () => [this.segment(tips, added), ...(below ? [this.segment(below.tips, below.read)] : [])];
      const segments = previous.length + 1 > maxSegments ? [this.segment(tips, joinSegments([added, ...kept]))] : [...fresh(), ...previous];
      writeWhole(join(this.dir, stateFile), JSON.stringify({ format: this.format, tips: [...tips], segments } satisfies State));
      this.removeUnlisted(segments);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Two new files in the cache directory for git to write a read into (a `.tmp` name, so that no
   * other reader removes them meanwhile), or null when the directory cannot be written.
   */
  scratchFiles(): { log: string; merges: string } | null {
    const name = `read-${process.pid}-${++scratchCount}`;
    const files = { log: join(this.dir, `${name}.log.tmp`), merges: join(this.dir, `${name}.merges.tmp`) };
    try {
      mkdirSync(this.dir, { recursive: true });
      for (const file of [files.log, files.merges]) closeSync(openSync(file, 'w'));
      return files;
    } catch {
      try {
        rmSync(files.log, { force: true });
      } catch {
        // The directory is not one: nothing was made in it.
      }
      return null;
    }
  }

  private state(): State | null {
    try {
      const state = JSON.parse(readFileSync(join(this.dir, stateFile), 'utf8')) as State;
      return state.format === this.format && Array.isArray(state.tips) && Array.isArray(state.segments) ? state : null;
    } catch {
      return null;
    }
  }

  /** Writes one segment's two files, named after the tips it completes (two readers of the same tips write the same bytes). */
  private segment(tips: readonly string[], read: GitOutput): SegmentFiles {
    const { log, merges, files: scratch } = read;
    const name = createHash('sha256').update(`${this.format}\n${tips.join(' ')}`).digest('hex').slice(0, 24);
    const files: SegmentFiles = { log: `segment-${name}.log`, merges: `segment-${name}.merges`, bytes: [Buffer.isBuffer(log) ? log.length : log.bytes, merges.length] };
    // What git wrote is taken as it is: written whole, since git has exited.
    if (scratch) {
      renameSync(scratch.log, join(this.dir, files.log));
      renameSync(scratch.merges, join(this.dir, files.merges));
    } else {
      writeWhole(join(this.dir, files.log), logBytes(read));
      writeWhole(join(this.dir, files.merges), merges);
    }
    return files;
  }

  /** Leaves the segments the state lists; any other segment is from an older read. */
  private removeUnlisted(segments: readonly SegmentFiles[]): void {
    const listed = new Set(segments.flatMap((s) => [s.log, s.merges]));
    for (const name of readdirSync(this.dir)) {
      if (name.startsWith('segment-') && !listed.has(name) && !name.endsWith('.tmp')) rmSync(join(this.dir, name), { force: true });
    }
  }
}

function joinSegments([added, ...kept]: [GitOutput, ...{ log: Buffer; merges: Buffer }[]]): GitOutput {
  const segments = [{ log: logBytes(added), merges: added.merges }, ...kept];
  return { log: Buffer.concat(segments.map((s) => s.log)), merges: Buffer.concat(segments.map((s) => s.merges)) };
}
