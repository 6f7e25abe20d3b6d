import type { Roster } from '../schemas/staff.ts';
import type { Identity } from './commit.ts';

/** GitHub's private commit e-mail: 12345+login@users.noreply.github.com or login@users.noreply.github.com. */
const githubNoreply = /^(?:\d+\+)?([\w.-]+)@users\.noreply\.github\.com$/i;

/** Answers per roster and e-mail: a history names the same few people thousands of times. */
const answered = new WeakMap<Roster, Map<string, string | null>>();

/**
 * Maps a git identity to a staff id through the roster: by commit e-mail, or by the GitHub login
 * that GitHub's no-reply address carries (matched against `github:` logins only). Names are not
 * used: anyone can type one.
 */
export function staffIdOf(roster: Roster, identity: Identity): string | null {
  const email = identity.email.toLowerCase();
  let byEmail = answered.get(roster);
  if (!byEmail) answered.set(roster, (byEmail = new Map()));
  let id = byEmail.get(email);
  if (id === undefined) byEmail.set(email, (id = lookUp(roster, email)));
  return id;
}

function lookUp(roster: Roster, email: string): string | null {
  const byEmail = roster.people.find((p) => p.git.emails.some((e) => e.toLowerCase() === email));
  if (byEmail) return byEmail.id;
  const login = githubNoreply.exec(email)?.[1];
  if (!login) return null;
  const key = `github:${login.toLowerCase()}`;
  return roster.people.find((p) => p.git.logins.some((l) => l.toLowerCase() === key))?.id ?? null;
}
