import { parseConfig } from '../records/parse-config.ts';
import { staffSchema, type Roster } from '../schemas/staff.ts';
import { staffFile } from './approval-scope.ts';
import type { Commit } from './commit.ts';

/**
 * Which staff.yaml each commit of main's first-parent history carries: the chain, oldest first,
 * and the places along it where the file changed, with the commit that changed it (the version).
 * A hundred thousand commits share a handful of versions, so they are not listed one by one.
 */
export interface RosterVersions {
  chain: string[];
  changes: [at: number, version: string][];
  /** Places in the chain known without reading it (a snapshot's adoption point: main's whole history is decoded only when asked for). */
  placed?: ReadonlyMap<string, number>;
}

export function rosterVersionsOf(bySha: ReadonlyMap<string, Commit>, mainTip: string): RosterVersions {
  const chain: Commit[] = [];
  for (let c = bySha.get(mainTip); c; c = c.parents[0] ? bySha.get(c.parents[0]) : undefined) chain.push(c);
  chain.reverse();
  const changes: [number, string][] = [];
  chain.forEach((commit, at) => {
    if (at === 0 || commit.changes.some((change) => change.path === staffFile)) changes.push([at, commit.sha]);
  });
  return { chain: chain.map((c) => c.sha), changes };
}

/**
 * The roster as it stood at a commit of main's first-parent history, each version parsed once.
 * A version's own commit is answered at once; any other builds the index of the chain on first use.
 */
export function rosterOf(versions: RosterVersions, texts: ReadonlyMap<string, string | undefined>): (sha: string) => Roster | null {
  const rosters = new Map<string, Roster | null>();
  const own = new Set(versions.changes.map(([, version]) => version));
  let position: Map<string, number> | undefined;
  const versionAt = (sha: string): string | undefined => {
    if (own.has(sha)) return sha;
    const at = versions.placed?.get(sha) ?? (position ??= new Map(versions.chain.map((c, i) => [c, i]))).get(sha);
    if (at === undefined) return undefined;
    return versions.changes.findLast(([from]) => from <= at)?.[1];
  };
  return (sha) => {
    const version = versionAt(sha);
    if (version === undefined) return null;
    if (!rosters.has(version)) rosters.set(version, parseConfig(staffFile, texts.get(version), staffSchema).value);
    return rosters.get(version) ?? null;
  };
}

/** The versions main's first-parent history carries from `from` on (the adoption point): every roster it has had since. */
export function versionsSince(versions: RosterVersions, from: string): string[] {
  // A version's own place is in the list of changes: the chain (main's whole history) is then not read.
  const start = versions.changes.find(([, version]) => version === from)?.[0] ?? versions.placed?.get(from) ?? versions.chain.lastIndexOf(from);
  if (start < 0) return [];
  return versions.changes.filter(([at], i) => at >= start || (versions.changes[i + 1]?.[0] ?? Infinity) > start).map(([, version]) => version);
}
