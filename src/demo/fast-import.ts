import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { gitEnvironment } from '../git.ts';

/** Text in fast-import's `data` form: the byte length, then the bytes. */
export const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;

/**
 * One `git fast-import` process fed as a stream, so that an archive of any size never sits in
 * memory as one string. `sha(mark)` asks fast-import for a commit's id (`get-mark`), which an
 * approval needs for its Approved-head trailer: the answers come back in order on stdout while
 * the stream goes on.
 */
export class FastImport {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly exited: Promise<void>;
  private buffered: string[] = [];
  private bufferedBytes = 0;
  private marks = 0;
  private readonly asked: number[] = [];
  private answered = 0;
  private readonly known = new Map<number, string>();
  private readonly waiting = new Map<number, () => void>();
  private partial = '';

  constructor(cwd: string) {
    this.child = spawn('git', ['fast-import', '--quiet', '--force'], { cwd, env: gitEnvironment() });
    let stderr = '';
    this.child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    this.child.stdout.on('data', (chunk: Buffer) => this.answer(chunk.toString('utf8')));
    this.exited = new Promise((resolve, reject) => {
      this.child.on('error', reject);
      this.child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import failed (${code}): ${stderr.trim()}`))));
    });
    this.exited.catch(() => undefined);
    this.write('feature get-mark\n');
  }

  /** A new mark number. */
  mark(): number {
    return ++this.marks;
  }

  write(text: string): void {
    this.buffered.push(text);
    this.bufferedBytes += text.length;
  }

  /** Passes what is buffered on once it is large, waiting while git catches up. */
  async flushIfFull(): Promise<void> {
    if (this.bufferedBytes >= 1 << 20) await this.flush();
  }

  /** Asks for the id of the commit behind `mark`; `sha` then returns it. */
  ask(mark: number): void {
    this.write(`get-mark :${mark}\n`);
    this.asked.push(mark);
  }

  /** The commit id of an asked mark, waiting for git's answer when it has not come yet. */
  async sha(mark: number): Promise<string> {
    const found = this.known.get(mark);
    if (found !== undefined) return found;
    const answered = new Promise<void>((resolve) => this.waiting.set(mark, resolve));
    await this.flush();
    await Promise.race([answered, this.exited]);
    const sha = this.known.get(mark);
    if (sha === undefined) throw new Error(`git fast-import gave no id for mark :${mark}`);
    return sha;
  }

  /** Ends the stream and waits for git to write the pack and the refs. */
  async close(): Promise<void> {
    await this.flush();
    this.child.stdin.end();
    await this.exited;
  }

  private async flush(): Promise<void> {
    if (this.buffered.length === 0) return;
    const text = this.buffered.join('');
    this.buffered = [];
    this.bufferedBytes = 0;
    if (!this.child.stdin.write(text)) {
      await Promise.race([new Promise((resolve) => this.child.stdin.once('drain', resolve)), this.exited]);
    }
  }

  private answer(text: string): void {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      const mark = this.asked[this.answered++];
      if (mark === undefined) continue;
      this.known.set(mark, line.trim());
      this.waiting.get(mark)?.();
      this.waiting.delete(mark);
    }
  }
}
