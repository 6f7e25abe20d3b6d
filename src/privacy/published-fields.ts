import type { PathSegment } from '../records/parse-yaml.ts';
import { isPlainObject } from '../schemas/walk.ts';

/** One string of a record's data, where it is and whether the name heuristic reads it. */
export interface PublishedString {
  path: PathSegment[];
  value: string;
  /** The title, or a short field (up to `shortField` characters): where a careless name sits. */
  short: boolean;
  /** A field that is its whole value (not the title), where a lone name counts. */
  whole: boolean;
}

/** Fields this long or shorter are names, signers, places: read whole by the name heuristic. */
export const shortField = 20;
/** What is never published: the sealed client block and the disclosure log. */
const unpublished = new Set(['client', 'disclosures']);

/** Every string of a record's data outside the client block and disclosures, with its path. */
export function publishedStrings(data: unknown): PublishedString[] {
  const found: PublishedString[] = [];
  forEachPublishedString(data, (s) => found.push({ ...s, path: [...s.path] }));
  return found;
}

/**
 * Visits the strings publishedStrings lists, in the same order, without keeping them: `path` is one
 * array extended and shortened in place, to be copied by a visitor that keeps it (the name rule
 * keeps a few of a record's hundreds of strings).
 */
export function forEachPublishedString(data: unknown, visit: (s: PublishedString) => void): void {
  const path: PathSegment[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      const title = path.length === 1 && path[0] === 'title';
      visit({ path, value, short: title || value.length <= shortField, whole: !title });
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i]);
        path.pop();
      }
    } else if (isPlainObject(value)) {
      for (const key of Object.keys(value)) {
        if (path.length === 0 && unpublished.has(key)) continue;
        path.push(key);
        walk(value[key]);
        path.pop();
      }
    }
  };
  walk(data);
}
