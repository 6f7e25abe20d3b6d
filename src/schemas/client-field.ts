import type { z } from 'zod';
import { caseSchema } from './case.ts';
import { consultationSchema } from './consultation.ts';
import { recordKinds, type RecordKind } from './index.ts';
import { clientSchema, consultationClientSchema } from './person.ts';
import { sealedBlock } from './sealed.ts';
import { isPlainObject } from './walk.ts';

/** The record kinds that hold a client's personal data, and what that data looks like decrypted. */
export const clientSchemas = { case: clientSchema, consultation: consultationClientSchema } as const;
export type ClientKind = keyof typeof clientSchemas;

export function holdsClient(kind: RecordKind): kind is ClientKind {
  return kind in clientSchemas;
}

/**
 * The schema one record file is validated with. The stored schema accepts either form of
 * `client`; validating with the one form the file uses keeps every error on its own field
 * (a plaintext block's fields are reported by name, an armored block as one value).
 */
const variants = {
  case: {
    sealed: caseSchema.extend({ client: sealedBlock }),
    plaintext: caseSchema.extend({ client: clientSchema }),
  },
  consultation: {
    sealed: consultationSchema.extend({ client: sealedBlock.optional() }),
    plaintext: consultationSchema.extend({ client: consultationClientSchema }),
  },
};

export function validationSchema(kind: RecordKind, data: unknown): z.ZodTypeAny {
  if (!holdsClient(kind)) return recordKinds[kind].schema;
  const client = isPlainObject(data) ? data.client : undefined;
  return isPlainObject(client) ? variants[kind].plaintext : variants[kind].sealed;
}
