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

/** Staff who hold the supervisor role for `post` on `date`. */
export function supervisorsOf(roster: Roster, post: string, date: string): string[] {
  return roster.people.filter((p) => holdsRole(roster, p.id, 'supervisor', date, post)).map((p) => p.id);
}

/**
 * Everyone who may act in `role` (approve or return a stage, sign as supervisor) for a record of
 * `post` on `date`: the one answer swa approve, reject, status, due and check share. A post
 * (镇街) without a supervisor has the business lead instead (第三章第四条, C-INTAKE-APPROVAL);
 * an employer only for its own posts.
 */
export function whoMayAct(roster: Roster, role: Role, post: string | undefined, date: string): string[] {
  if (role === 'supervisor' && post) {
    const supervisors = supervisorsOf(roster, post, date);
    if (supervisors.length > 0) return supervisors;
    role = 'businessLead';
  }
  return roster.people.filter((p) => holdsRole(roster, p.id, role, date, role === 'employer' ? post : undefined)).map((p) => p.id);
}

/** whoMayAct's answers per roster: the integrity pass asks for every approval, and a history has a few thousand days. */
const actorsOf = memoisedPer((_roster: Roster) => new Map<string, readonly string[]>());

/** Whether `staffId` may act in `role` for a record of `post` on `date` (see whoMayAct). */
export function mayAct(roster: Roster, staffId: string, role: Role, post: string | undefined, date: string): boolean {
  const answers = actorsOf(roster);
  // No post and an empty one told apart (an employer's role is checked against the post given); roles and dates hold no spaces.
  const key = post === undefined ? `${role} ${date}` : `${role} ${date} ${post}`;
  let actors = answers.get(key);
  if (actors === undefined) answers.set(key, (actors = whoMayAct(roster, role, post, date)));
  return actors.includes(staffId);
}

/** Who may act as the supervisor of `post` on `date`: its supervisors, or, where the post has none, the business lead. */
export const actsAsSupervisor = (roster: Roster, staffId: string, post: string, date: string): boolean => mayAct(roster, staffId, 'supervisor', post, date);
