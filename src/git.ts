import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { simpleGit, type SimpleGit } from 'simple-git';

/**
 * The git variables a user (or a test) sets on purpose: who they are, the time they act at, and
 * which config files git reads. simple-git strips every ambient GIT_* variable unless it is named.
 */
const passedThrough = [
  'GIT_AUTHOR_NAME',
  'GIT_AUTHOR_EMAIL',
  'GIT_AUTHOR_DATE',
  'GIT_COMMITTER_NAME',
  'GIT_COMMITTER_EMAIL',
  'GIT_COMMITTER_DATE',
  'GIT_CONFIG_GLOBAL',
  'GIT_CONFIG_NOSYSTEM',
];

/** The environment simple-git gives git, for a git process spawned directly: ambient GIT_* variables left out but for those named. */
export function gitEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('GIT_') || passedThrough.includes(name)));
}

/**
 * Every git the product runs reads objects as stored: a replace ref (`git replace`, local to a
 * clone) could otherwise show a made-up approval merge in place of a direct push.
 */
export const asStored = ['core.useReplaceRefs=false'];
const asStoredArgs = asStored.flatMap((c) => ['-c', c]);

/** The one way the product opens a repository with simple-git. */
export const gitAt = (cwd: string): SimpleGit => simpleGit({ baseDir: cwd, allowEnvironment: passedThrough, config: asStored });

/**
 * The environment of a git process acting as one person at one fixed time, reading no user or
 * system config: how the demo replays history and how tests make reproducible repositories.
 */
export function actingAs(person: { name: string; email: string }, date: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: person.name,
    GIT_AUTHOR_EMAIL: person.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: person.name,
    GIT_COMMITTER_EMAIL: person.email,
    GIT_COMMITTER_DATE: date,
  };
}

/**
 * Who git records as the author (or committer) of a commit made now, as `git var` reports it:
 * GIT_AUTHOR_NAME/GIT_AUTHOR_EMAIL (GIT_COMMITTER_*) from the environment first, then the config
 * (author.email / committer.email, user.email). Null when git knows no one.
 */
export async function gitIdentity(git: SimpleGit, who: 'author' | 'committer' = 'author'): Promise<{ name: string; email: string } | null> {
  const ident = (await git.raw(['var', who === 'author' ? 'GIT_AUTHOR_IDENT' : 'GIT_COMMITTER_IDENT']).catch(() => '')).trim();
  const match = /^(.*) <([^<>]*)> \d+ [+-]\d{4}$/.exec(ident);
  return match?.[2] ? { name: match[1] ?? '', email: match[2] } : null;
}

/** The git command in an argument list, after any `-c name=value` options. */
const subcommand = (args: readonly string[]): string => args.find((arg, i) => !arg.startsWith('-') && args[i - 1] !== '-c') ?? args[0] ?? '';

/**
 * One git process with optional standard input, for what simple-git cannot do (feeding stdin:
 * cat-file --batch, commit-tree -F -, fast-import). Resolves with its standard output.
 */
export function gitProcess(cwd: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...asStoredArgs, ...args], { cwd, env: options.env ?? process.env, stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`git ${subcommand(args)} 失败：${err.trim()}`))));
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/**
 * One git process whose standard output goes straight into `file` (created or emptied): for an
 * output of hundreds of megabytes that is to be kept on disk anyway. Node sees none of it in
 * passing, where taking it through a pipe held it twice (the chunks, then their join) and the
 * garbage collector ran over every chunk. Resolves once git has exited successfully.
 */
export function gitToFile(cwd: string, args: readonly string[], file: string, options: { env?: NodeJS.ProcessEnv } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const fd = openSync(file, 'w');
    const child = spawn('git', [...asStoredArgs, ...args], { cwd, env: options.env ?? process.env, stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git ${subcommand(args)} 失败：${err.trim()}`))));
  });
}
