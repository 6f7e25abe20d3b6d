import { CommandError } from '../errors.ts';
import type { Role, Roster } from '../schemas/staff.ts';

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

/** The recipients of `date`, or the error every command that encrypts gives when there are none. */
export function requireRecipients(roster: Roster, date: string): { recipients: string[]; holders: string[] } {
  const found = recipientsOn(roster, date);
  if (found.recipients.length === 0) {
    throw new CommandError('staff.yaml 中没有可用的加密公钥：个人资料须加密保存，请用 swa keys add 为督导、社工等登记 encryptionKey，并设定 escrow 托管密钥');
  }
  return found;
}
