import type { SourceFile } from '../check/check-archive.ts';
import { unreadableFinding } from '../check/unreadable-file.ts';
import { parseFrontmatter } from '../records/parse-frontmatter.ts';
import { locationFromPath } from '../records/record-path.ts';
import { holdsClient, type ClientKind } from '../schemas/client-field.ts';
import { isPlainObject } from '../schemas/walk.ts';

/** A record file that holds (or may hold) a client's personal data, read as far as its `client` key. */
export interface ClientFile {
  path: string;
  id: string;
  kind: ClientKind;
  text: string;
  /** The armored block, the plaintext mapping, or undefined when the file has no client key yet. */
  client: string | Record<string, unknown> | undefined;
  /** Why the file's frontmatter could not be read, when it has a client key all the same. */
  unreadable?: string;
}

/**
 * Every case and consultation file with its `client` value, whether or not the rest of the record
 * passes its schema: keys are rotated and drafts edited before a record is complete.
 */
export function clientFiles(files: readonly SourceFile[]): ClientFile[] {
  return files.flatMap((file) => {
    const location = locationFromPath(file.path);
    if (!location || !holdsClient(location.kind)) return [];
    // A link or a file that is not UTF-8 may hold a block too, and is not rewritten from a garbled reading.
    const unread = unreadableFinding(file);
    if (unread) return [{ path: file.path, id: location.id, kind: location.kind, text: '', client: undefined, unreadable: `第 ${unread.line} 行 ${unread.message}` }];
    if (file.text === undefined) return [];
    const frontmatter = parseFrontmatter(file.text);
    if ('message' in frontmatter) {
      // Not silently passed over: a block left out of a rotation stays open to a removed key.
      if (!/^client[ \t]*:/m.test(file.text)) return [];
      return [{ path: file.path, id: location.id, kind: location.kind, text: file.text, client: undefined, unreadable: `第 ${frontmatter.line} 行 ${frontmatter.message}` }];
    }
    const client = isPlainObject(frontmatter.data) ? frontmatter.data.client : undefined;
    const value = typeof client === 'string' || isPlainObject(client) ? client : undefined;
    return [{ path: file.path, id: location.id, kind: location.kind, text: file.text, client: value }];
  });
}
