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
export function publishedStrings(data: unknown, path: PathSegment[] = []): PublishedString[] {
  if (typeof data === 'string') {
    const title = path.length === 1 && path[0] === 'title';
    return [{ path, value: data, short: title || data.length <= shortField, whole: !title }];
  }
  if (Array.isArray(data)) return data.flatMap((item, i) => publishedStrings(item, [...path, i]));
  if (isPlainObject(data)) {
    return Object.entries(data).flatMap(([key, value]) => (path.length === 0 && unpublished.has(key) ? [] : publishedStrings(value, [...path, key])));
  }
  return [];
}
