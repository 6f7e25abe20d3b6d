import type { Role } from '../schemas/staff.ts';
import type { Roster } from '../schemas/staff.ts';

/** The roles whose holders read case files (G-CONFIDENTIAL); finance and employers never do. */
export const readingRoles: readonly Role[] = ['worker', 'supervisor', 'businessLead', 'orgHead'];

/** Who a client block is encrypted to on `date`: staff in a reading role with a key, then the escrow key. */
export function recipientsOn(roster: Roster, date: string): { recipients: string[]; holders: string[] } {
  const holders = roster.people.filter(
    (person) => person.encryptionKey && person.roles.some((r) => readingRoles.includes(r.role) && r.from <= date && (!r.to || date <= r.to)),
  );
  const recipients = holders.map((person) => person.encryptionKey as string);
  if (roster.escrow) recipients.push(roster.escrow.recipient);
  return { recipients: [...new Set(recipients)], holders: holders.map((p) => p.id) };
}
