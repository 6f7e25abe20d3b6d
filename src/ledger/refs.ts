import type { Commit } from './commit.ts';

/** A branch or tag and the commit it points at (an annotated tag peeled to its commit). */
export interface Ref {
  name: string;
  commit: string;
}

/** Parses `git for-each-ref --format='%(refname) %(objectname) %(*objectname)'`. Pure. */
export function parseRefs(output: string): Ref[] {
  const refs: Ref[] = [];
  for (const line of output.split('\n')) {
    const [name, object, peeled] = line.trim().split(' ');
    if (name && object) refs.push({ name, commit: peeled || object });
  }
  return refs;
}

/**
 * Gives each commit the refs that point at it now, as the ledger reads them (`refs/heads/…`,
 * `tag: refs/tags/…`). From the repository's refs, never from a log: cached commits outlive refs.
 */
export function attachRefs(bySha: ReadonlyMap<string, Commit>, refs: readonly Ref[]): void {
  for (const ref of refs) {
    const commit = bySha.get(ref.commit);
    if (commit) commit.refs.push(ref.name.startsWith('refs/tags/') ? `tag: ${ref.name}` : ref.name);
  }
}
