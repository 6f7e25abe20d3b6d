import { parseConfig } from '../records/parse-config.ts';
import { staffSchema, type Roster } from '../schemas/staff.ts';
import type { Commit } from './commit.ts';

export const staffPath = 'content/staff.yaml';

/** For every commit on main's first-parent history, the commit whose staff.yaml it carries. */
export function rosterVersionsOf(bySha: ReadonlyMap<string, Commit>, mainTip: string): Map<string, string> {
  const chain: Commit[] = [];
  for (let c = bySha.get(mainTip); c; c = c.parents[0] ? bySha.get(c.parents[0]) : undefined) chain.push(c);
  const versions = new Map<string, string>();
  let current: string | undefined;
  for (const commit of chain.reverse()) {
    if (current === undefined || commit.changes.some((change) => change.path === staffPath)) current = commit.sha;
    versions.set(commit.sha, current);
  }
  return versions;
}

/** The roster as it stood at a commit of main's first-parent history, each version parsed once. */
export function rosterOf(versions: ReadonlyMap<string, string>, texts: ReadonlyMap<string, string | undefined>): (sha: string) => Roster | null {
  const rosters = new Map<string, Roster | null>();
  return (sha) => {
    const version = versions.get(sha);
    if (version === undefined) return null;
    if (!rosters.has(version)) rosters.set(version, parseConfig(staffPath, texts.get(version), staffSchema).value);
    return rosters.get(version) ?? null;
  };
}
