import type { Role, Roster } from '../schemas/staff.ts';

/** Whether `staffId` holds `role` on `date` (for `post`, when the role is limited to posts). */
export function holdsRole(roster: Roster, staffId: string, role: Role, date: string, post?: string): boolean {
  const person = roster.people.find((p) => p.id === staffId);
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

/** Everyone who may act in `role` for `post` on `date`; a post without a supervisor falls back to the business lead. */
export function whoMayAct(roster: Roster, role: Role, post: string | undefined, date: string): string[] {
  if (role === 'supervisor' && post) {
    const supervisors = supervisorsOf(roster, post, date);
    if (supervisors.length > 0) return supervisors;
    role = 'businessLead';
  }
  return roster.people.filter((p) => holdsRole(roster, p.id, role, date, role === 'employer' ? post : undefined)).map((p) => p.id);
}

/**
 * Who may act as the supervisor of `post` on `date`: its supervisors, or, where the post (镇街)
 * has none, the businessLead (C-INTAKE-APPROVAL, DOMAIN.md roles).
 */
export function actsAsSupervisor(roster: Roster, staffId: string, post: string, date: string): boolean {
  const supervisors = supervisorsOf(roster, post, date);
  return supervisors.length > 0 ? supervisors.includes(staffId) : holdsRole(roster, staffId, 'businessLead', date);
}
