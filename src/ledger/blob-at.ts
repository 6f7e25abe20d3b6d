import type { Commit } from './commit.ts';

/** Which version of a file a commit has: its object id, or undefined when the history read cannot tell (git is asked then). */
export type BlobAt = (sha: string, path: string) => string | undefined;

/** How far a look-up walks back from a commit off main's first-parent history before it gives up. */
const maxWalk = 1000;

/**
 * Answers `BlobAt` from the object ids the logs print (`--full-index` patches, the merges' raw
 * lines): a file at a commit is as the nearest commit back along first parents that changed it
 * left it. Off main, the walk goes commit by commit; on main's first-parent history, by a search
 * in that file's changes there. Pure. Undefined (ask git) where a change names no object (a mode
 * change alone), where a file was deleted or never changed in what was read (the root commit's
 * files are missing from its patch when `log.showRoot` is off), and past `maxWalk`.
 */
export function blobsAt(bySha: ReadonlyMap<string, Commit>, mainTip: string): BlobAt {
  // Built on the first look-up that needs them: an approval's merge and its head mostly changed the file themselves.
  let position: Map<string, number> | undefined;
  let changers: Map<string, { at: number; blob: string | null | undefined }[]> | undefined;
  const positionOf = (sha: string): number | undefined => {
    if (!position) {
      position = new Map();
      for (let c = bySha.get(mainTip); c && !position.has(c.sha); c = c.parents[0] ? bySha.get(c.parents[0]) : undefined) position.set(c.sha, position.size);
    }
    return position.get(sha);
  };
  const onMain = (at: number, path: string): string | undefined => {
    if (!changers) {
      changers = new Map();
      // Per file, the commits of main's history that changed it, newest first (the chain is numbered from the tip).
      for (const [sha, index] of position!) {
        for (const change of bySha.get(sha)!.changes) {
          const list = changers.get(change.path);
          const entry = { at: index, blob: change.blob };
          if (list) list.push(entry);
          else changers.set(change.path, [entry]);
        }
      }
    }
    const list = changers.get(path);
    if (!list) return undefined;
    // The first entry at or past `at` (towards the root).
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (list[middle]!.at < at) low = middle + 1;
      else high = middle;
    }
    return list[low]?.blob ?? undefined;
  };
  return (sha, path) => {
    let commit = bySha.get(sha);
    for (let steps = 0; commit && steps < maxWalk; steps++) {
      const change = commit.changes.find((c) => c.path === path);
      if (change) return change.blob ?? undefined;
      const at = positionOf(commit.sha);
      if (at !== undefined) return onMain(at, path);
      commit = commit.parents[0] ? bySha.get(commit.parents[0]) : undefined;
    }
    return undefined;
  };
}
