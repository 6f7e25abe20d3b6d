import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The benchmark's baseline: a plain Astro site over the same Markdown (a glob collection with no
 * schema, a trivial page per record, lang zh-CN) indexed by Pagefind, with nothing of swa's.
 */
export async function plainAstroBuild(archive: string, out: string): Promise<void> {
  // Inside this package (git-ignored), so Node resolves astro from its node_modules as usual.
  await mkdir(join(packageRoot, '.bench'), { recursive: true });
  const root = await mkdtemp(join(packageRoot, '.bench', 'plain-astro-'));
  await mkdir(join(root, 'src/pages'), { recursive: true });
  await writeFile(join(root, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n");
  await writeFile(
    join(root, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { records: defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(join(resolve(archive), 'content'))} }) }) };\n`,
  );
  await writeFile(
    join(root, 'src/pages/[...slug].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  return (await getCollection('records')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));\n}\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{String(entry.data.title ?? entry.id)}</title></head><body><main data-pagefind-body><h1>{String(entry.data.title ?? entry.id)}</h1><Content /></main></body></html>\n`,
  );
  const { build } = await import('astro');
  // Astro cleans a server-output folder taken from the working directory: build from the project itself.
  process.chdir(root);
  await build({ root, outDir: resolve(out), logLevel: 'warn' });
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index || errors.length > 0) throw new Error(errors.join('; '));
    const added = await index.addDirectory({ path: resolve(out) });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    const written = await index.writeFiles({ outputPath: join(resolve(out), 'pagefind') });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
  } finally {
    await pagefind.close();
  }
}
