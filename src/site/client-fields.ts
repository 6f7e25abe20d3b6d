import { clientSchema } from '../schemas/person.ts';
import { unwrapSchema } from '../schemas/walk.ts';

const labels: Record<string, string> = Object.fromEntries(Object.entries(clientSchema.shape).map(([key, field]) => [key, unwrapSchema(field).label ?? key]));

/** A client field as a reader expects it: relatives as 姓名（关系，电话）, not as data. */
function shown(value: unknown): string {
  if (!Array.isArray(value)) return String(value);
  return value.map((r: { name?: string; relation?: string; phone?: string }) => `${r.name ?? ''}（${[r.relation, r.phone].filter(Boolean).join('，')}）`).join('；');
}

/** A decrypted client block (internal builds and prints only) as label/value lines with the schema's Chinese labels. Pure. */
export function clientFields(client: Record<string, unknown>): { label: string; value: string }[] {
  return Object.entries(client).map(([key, value]) => ({ label: labels[key] ?? key, value: shown(value) }));
}
