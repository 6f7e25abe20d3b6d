import type { Roster } from '../schemas/staff.ts';
import type { Person } from './commit.ts';

/**
 * Each host's private commit e-mail, with the login it carries: GitHub's [id+]login@users.noreply.github.com,
 * GitLab's [id-]login@users.noreply.<host>, Gitea's login@noreply.<host> (its default NO_REPLY_ADDRESS).
 */
const hostNoreply = [
  { host: 'github', pattern: /^(?:\d+\+)?([\w.-]+)@users\.noreply\.github\.com$/i },
  { host: 'gitlab', pattern: /^(?:\d+-)?([\w.-]+)@users\.noreply\.(?!github\.com$)[\w.-]+$/i },
  { host: 'gitea', pattern: /^([\w.-]+)@noreply\.[\w.-]+$/i },
] as const;

/** Answers per roster and e-mail: a history names the same few people thousands of times. */
const answered = new WeakMap<Roster, Map<string, string | null>>();

/**
 * Maps a git identity to a staff id through the roster: by commit e-mail, or by the login a host's
 * no-reply address carries (matched against that host's logins only: `github:`, `gitlab:`,
 * `gitea:`). Names are not used: anyone can type one.
 */
export function staffIdOf(roster: Roster, identity: Person): string | null {
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
  for (const { host, pattern } of hostNoreply) {
    const login = pattern.exec(email)?.[1];
    if (!login) continue;
    const key = `${host}:${login.toLowerCase()}`;
    return roster.people.find((p) => p.git.logins.some((l) => l.toLowerCase() === key))?.id ?? null;
  }
  return null;
}
