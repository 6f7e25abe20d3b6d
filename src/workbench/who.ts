import { gitAt, gitIdentity } from '../git.ts';
import { roleLabel } from '../i18n/terms.ts';
import { staffIdOf } from '../ledger/identity.ts';
import type { Namer } from '../site/value-parts.ts';
import type { Role, Roster } from '../schemas/staff.ts';

export interface Me {
  email: string;
  name: string;
  /** The roster's id for this git identity; null for someone not in staff.yaml (may browse, not act). */
  staffId: string | null;
  /** The roles held today, with their posts (all posts when absent). */
  roles: { role: Role; posts?: string[] }[];
}

/** The git identity, read as submit and approve read it, mapped through the roster as they map it. */
export async function whoAmI(cwd: string, roster: Roster | null, today: string): Promise<Me> {
  const identity = (await gitIdentity(gitAt(cwd))) ?? { name: '', email: '' };
  const staffId = roster && identity.email ? staffIdOf(roster, identity) : null;
  const person = roster?.people.find((p) => p.id === staffId);
  const roles = (person?.roles ?? []).filter((r) => r.from <= today && (r.to === undefined || today <= r.to)).map((r) => ({ role: r.role, ...(r.posts ? { posts: r.posts } : {}) }));
  return { ...identity, staffId, roles };
}

export const holdsToday = (me: Me, role: Role): boolean => me.roles.some((r) => r.role === role);

/** "督导（东湖街道岗位、西湖街道岗位）、社工": posts by name, as everywhere a person reads them. */
export const rolesText = (me: Me, names: Namer): string => me.roles.map((r) => `${roleLabel(r.role)}${r.posts ? `（${r.posts.map((post) => names(post).text).join('、')}）` : ''}`).join('、');
