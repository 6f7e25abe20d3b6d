import type { ParseArgsConfig } from 'node:util';

/** A `swa` command as data: its help and its argument parser are generated from it. */
export interface Declaration {
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
}

export const rootOption = { root: { type: 'string' } } as const;
export const todayOption = { today: { type: 'string' } } as const;
/** The age private key file; $SWA_IDENTITY when absent. */
export const identityOption = { identity: { type: 'string' } } as const;
