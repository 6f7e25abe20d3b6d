import { memoisedPer } from '../group-by.ts';
import type { Role, Roster } from '../schemas/staff.ts';

/** The first person of each id, as a search of the list finds them: whoMayAct asks for every person, for every approval. */
const peopleById = memoisedPer((roster: Roster) => {
  const byId = new Map<string, Roster['people'][number]>();
  for (const person of roster.people) if (!byId.has(person.id)) byId.set(person.id, person);
  return byId;
});

/** Whether `staffId` holds `role` on `date` (for `post`, when the role is limited to posts). */
export function holdsRole(roster: Roster, staffId: string, role: Role, date: string, post?: string): boolean {
  const person = peopleById(roster).get(staffId);
  return (
    person?.roles.some(
      (r) =>
        r.role === role &&
        r.from <= date &&
        (r.to === undefined || date <= r.to) &&
        (post === undefined || r.posts === undefined || r.posts.includes(post)),
    ) ?? false
  );
}

/**
 * Everyone who may act in `role` (approve or return a stage, sign as supervisor) for a record of
 * `post` on `date`: the one answer swa approve, reject, status, due and check share (see actingRole).
 */
export function whoMayAct(roster: Roster, role: Role, post: string | undefined, date: string): string[] {
  const acting = actingRole(roster, role, post, date);
  return roster.people.filter((p) => holdsRole(roster, p.id, acting.role, date, acting.post)).map((p) => p.id);
}

/** Whether `staffId` may act in `role` for a record of `post` on `date` (see whoMayAct): asked for every approval of a history. */
export function mayAct(roster: Roster, staffId: string, role: Role, post: string | undefined, date: string): boolean {
  const acting = actingRole(roster, role, post, date);
  return holdsRole(roster, staffId, acting.role, date, acting.post);
}

/**
 * The role that acts for `role` on a record of `post`, and the post it must cover: a post (镇街)
 * without a supervisor has the business lead instead (第三章第四条, C-INTAKE-APPROVAL); an
 * employer acts only for its own posts.
 */
function actingRole(roster: Roster, role: Role, post: string | undefined, date: string): { role: Role; post: string | undefined } {
  if (role === 'supervisor' && post) {
    const supervised = roster.people.some((p) => holdsRole(roster, p.id, 'supervisor', date, post));
    return supervised ? { role, post } : { role: 'businessLead', post: undefined };
  }
  return { role, post: role === 'employer' ? post : undefined };
}

/** Who may act as the supervisor of `post` on `date`: its supervisors, or, where the post has none, the business lead. */
export const actsAsSupervisor = (roster: Roster, staffId: string, post: string, date: string): boolean => mayAct(roster, staffId, 'supervisor', post, date);
