import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * How far V8 lets the heap grow past what a full collection kept, in per cent. V8's own factor
 * goes up to four times when its collections are quick, as they are here (marking runs on the
 * other core while git and Pagefind wait): a build holding 250 MB grew to 1.1 GB before it next
 * collected. Half again keeps a command's memory near what it holds, for a few per cent of its time.
 */
const heapGrowingPercent = 50;

/**
 * The process's collection policy from now on (see heapGrowingPercent), for the commands whose
 * garbage outgrows what they hold: a build. A check's memory is what it holds; there the policy
 * only adds collections (a warm check took 0.1 s longer).
 */
export function keepHeapNearLiveSize(): void {
  setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
}

let collect: (() => void) | undefined;

/**
 * A full collection now, where a large part of the heap has just died (a cold check's parsed
 * history, once the ledger is built from it). V8 lets the heap grow from what its last full
 * collection kept, and that one ran while the history was live: a cold check of 10,000
 * realistic records went on to 815 MB, holding 335 MB. Node gives `gc` to code only behind
 * --expose-gc, which is set for this process on first use. A collection costs 0.1–0.4 s of a
 * 20 s check there, and nothing to speak of on a small archive.
 */
export function collectGarbageNow(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
