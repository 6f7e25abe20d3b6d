import { parseConfig } from '../records/parse-config.ts';
import { archiveConfigSchema, type ArchiveConfig } from '../schemas/archive-config.ts';
import { configFiles } from './approval-scope.ts';
import { readBlobs } from './read-blobs.ts';

const archiveFile = configFiles[1] as string;

/** archive.yaml as it stood at each of the given commits, read through one `git cat-file --batch`; null where it is missing or broken. */
export async function configsAt(cwd: string, shas: readonly string[]): Promise<Map<string, ArchiveConfig | null>> {
  const blobs = await readBlobs(cwd, shas.map((sha) => `${sha}:${archiveFile}`));
  return new Map(shas.map((sha) => [sha, parseConfig(archiveFile, blobs.get(`${sha}:${archiveFile}`) ?? undefined, archiveConfigSchema).value]));
}
