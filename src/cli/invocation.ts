import { resolve } from 'node:path';
import type { Declaration } from '../commands/declaration.ts';
import { UsageError } from '../errors.ts';
import { resolveToday } from '../today.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

/** One parsed `swa` invocation: the values of the command's declared options and its positionals. */
export interface Invocation {
  declaration: Declaration;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  io: Io;
}

export const todayOf = (call: Invocation) => resolveToday(call.values.today as string | undefined);

export const rootOf = (call: Invocation) => resolve(call.io.cwd, (call.values.root as string | undefined) ?? '.');

/** A string option's value, if given. */
export const text = (call: Invocation, name: string) => call.values[name] as string | undefined;

/** The one positional argument a command takes. */
export function single(call: Invocation, optional: true): string | undefined;
export function single(call: Invocation): string;
export function single(call: Invocation, optional = false): string | undefined {
  if (call.positionals.length > 1 || (!optional && call.positionals.length === 0)) throw new UsageError(`用法：${call.declaration.usage}`);
  return call.positionals[0];
}

/** The age identity (private key) file named by --identity or $SWA_IDENTITY, relative to where swa was run. */
export function identityOf(call: Invocation): string | undefined {
  const file = text(call, 'identity') ?? process.env.SWA_IDENTITY;
  return file ? resolve(call.io.cwd, file) : undefined;
}
