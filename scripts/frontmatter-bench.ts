// The measurement behind README's "Frontmatter: the project's split, not gray-matter": gray-matter
// 4.0.3 against the project's own split + js-yaml over the records of each archive given.
// gray-matter is not a dependency: install it somewhere else and name its folder, e.g.
//   npm install --prefix /tmp/gm gray-matter@4.0.3
//   npx tsx scripts/frontmatter-bench.ts --gray-matter /tmp/gm/node_modules/gray-matter content-root...
// An archive is a folder with content/ (the repository itself, or `swa demo --out DIR`).
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { CORE_SCHEMA, load } from 'js-yaml';
import { frontmatterParts, parseFrontmatter } from '../src/records/parse-frontmatter.ts';
import { kindByDir } from '../src/schemas/index.ts';

interface GrayMatter {
  (input: string, options?: { engines?: Record<string, (text: string) => object> }): { data: Record<string, unknown>; content: string };
}

const { values, positionals } = parseArgs({ options: { 'gray-matter': { type: 'string' }, repeat: { type: 'string', default: '15' } }, allowPositionals: true });
if (!values['gray-matter'] || positionals.length === 0) throw new Error('usage: tsx scripts/frontmatter-bench.ts --gray-matter DIR [--repeat N] ARCHIVE...');
const matter = createRequire(import.meta.url)(values['gray-matter']) as GrayMatter;
const version = (createRequire(import.meta.url)(`${values['gray-matter']}/package.json`) as { version: string }).version;
const repeat = Number(values.repeat);

/** The records of an archive: the Markdown files in a record folder of content/. */
async function records(archive: string): Promise<string[]> {
  const entries = await readdir(join(archive, 'content'), { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.md') && kindByDir.has(e.parentPath.slice(join(archive, 'content').length + 1).split('/')[0] ?? ''));
  return Promise.all(files.map((e) => readFile(join(e.parentPath, e.name), 'utf8')));
}

/** The project's split (frontmatterParts) and js-yaml alone: no armor lifting, no positions. */
function splitAndLoad(text: string): unknown {
  const parts = frontmatterParts(text);
  return 'message' in parts ? undefined : load(parts.yaml, { schema: CORE_SCHEMA });
}

const ways: Record<string, (text: string) => unknown> = {
  'swa parseFrontmatter (split + js-yaml 4 core schema + armor lifted)': (text) => {
    const parsed = parseFrontmatter(text);
    return 'data' in parsed ? parsed.data : undefined;
  },
  'split + js-yaml 4 load (core schema)': splitAndLoad,
  // Options given, so that gray-matter's cache of earlier inputs (keyed by the text) is not used.
  [`gray-matter ${version} (its js-yaml 3 safeLoad)`]: (text) => matter(text, {}).data,
  [`gray-matter ${version} with js-yaml 4 core schema`]: (text) => matter(text, { engines: { yaml: (s) => load(s, { schema: CORE_SCHEMA }) as object } }).data,
};

/** This process's CPU time in milliseconds (user + system): on a shared machine, less of the neighbours' load than wall time. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * The median CPU time of one pass of each way over every text, in milliseconds. The ways take
 * turns pass by pass, so that a busy moment of the machine falls on all of them; two passes each
 * warm up first.
 */
function medians(texts: readonly string[]): Map<string, number> {
  const times = new Map(Object.keys(ways).map((name) => [name, [] as number[]]));
  for (let run = -2; run < repeat; run++) {
    for (const [name, way] of Object.entries(ways)) {
      const start = cpuMs();
      for (const text of texts) way(text);
      if (run >= 0) times.get(name)?.push(cpuMs() - start);
    }
  }
  return new Map([...times].map(([name, t]) => [name, t.sort((x, y) => x - y)[Math.floor(t.length / 2)] as number]));
}

for (const archive of positionals) {
  const texts = await records(archive);
  const reference = texts.map(splitAndLoad);
  const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  console.log(`\n${archive}: ${texts.length} records, ${(bytes / 1024 / 1024).toFixed(2)} MB, median CPU time of ${repeat} passes (Node ${process.version})`);
  console.log('| way | ms per pass | µs per record | records whose data differs from js-yaml 4 core |');
  console.log('| --- | ---: | ---: | ---: |');
  const times = medians(texts);
  for (const [name, way] of Object.entries(ways)) {
    const ms = times.get(name) as number;
    const differs = texts.filter((t, i) => !isDeepStrictEqual(way(t), reference[i])).length;
    console.log(`| ${name} | ${ms.toFixed(1)} | ${((ms * 1000) / texts.length).toFixed(0)} | ${differs} |`);
  }
}
