import { recordKinds, type RecordKind } from '../schemas/index.ts';

/**
 * The public schemas: each record kind's schema without its confidential `client` block and its
 * disclosure log (G-CONFIDENTIAL). Parsing through them is the only way record data reaches the
 * de-identified site: Zod drops the keys, so no later code has a path to them.
 */
export const publicSchemas = {
  case: recordKinds.case.schema.omit({ client: true, disclosures: true }),
  consultation: recordKinds.consultation.schema.omit({ client: true, disclosures: true }),
  group: recordKinds.group.schema.omit({ disclosures: true }),
  community: recordKinds.community.schema.omit({ disclosures: true }),
  audit: recordKinds.audit.schema,
  handover: recordKinds.handover.schema,
  supervision: recordKinds.supervision.schema,
} satisfies Record<RecordKind, unknown>;

/** A record's data as the public site may see it. */
export function publicData(kind: RecordKind, data: unknown): Record<string, unknown> {
  return publicSchemas[kind].parse(data) as Record<string, unknown>;
}
