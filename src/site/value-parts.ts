import { recordIdPattern } from '../schemas/common.ts';
import type { Roster } from '../schemas/staff.ts';

/** A piece of a shown value: text, with the code it stands for (S05, P01) or the page it links to. */
export interface Part {
  text: string;
  /** A roster code shown after a name in small type. */
  code?: string;
  /** The record page a record id links to. */
  slug?: string;
}

/** Turns one stored value into what a reader sees: staff and posts by name, record ids as links. */
export type Namer = (value: string) => Part;


export const slugOf = (id: string) => id.replace('/', '-');

/** A namer from the roster and the ids of the records that have a page. */
export function namerOf(roster: Roster, records: ReadonlySet<string>): Namer {
  const names = new Map([...roster.people.map((p) => [p.id, p.name] as const), ...roster.posts.map((p) => [p.id, p.name] as const)]);
  return (value) => {
    const name = names.get(value);
    if (name !== undefined) return { text: name, code: value };
    if (recordIdPattern.test(value) && records.has(value)) return { text: value, slug: slugOf(value) };
    return { text: value };
  };
}

/** The parts as one line of plain text (for headers, filters and tests). */
export const plainText = (parts: readonly Part[]) => parts.map((p) => p.text).join('');
