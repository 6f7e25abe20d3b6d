import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { pruneEmpty } from './schemas/prune-empty.ts';
import { recordKinds, type RecordKind } from './schemas/index.ts';

/** One collection per record kind, validated by the very schemas `swa check` uses. */
function collectionOf(kind: RecordKind) {
  const { dir, schema } = recordKinds[kind];
  return defineCollection({
    loader: glob({
      pattern: '[0-9][0-9][0-9][0-9]/[0-9][0-9][0-9][0-9].md',
      base: `./content/${dir}`,
      // The record id (cases/2026-0042), the same one `swa check` reports.
      generateId: ({ entry }) => `${dir}/${entry.replace(/\.md$/, '').replace('/', '-')}`,
    }),
    schema: z.preprocess(pruneEmpty, schema),
  });
}

export const collections = {
  case: collectionOf('case'),
  consultation: collectionOf('consultation'),
  group: collectionOf('group'),
  community: collectionOf('community'),
  audit: collectionOf('audit'),
  handover: collectionOf('handover'),
  supervision: collectionOf('supervision'),
};
