import { open } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BoundedWork } from '../bounded-work.ts';
import { checkRepository } from '../check/check-repository.ts';
import { readBranchRecords } from '../approvals/branch-records.ts';
import { CommandError } from '../errors.ts';
import { forgetSiteModel, loadSiteModel, siteModelVariable } from './load-model.ts';
import { writePrintPages } from './print-pages.ts';
import { receiveRenderedPages, type PageSink } from './rendered-pages.ts';
import { keyedSiteModelInParts } from './keyed-model.ts';
import { withPrivateDir } from '../privacy/private-dir.ts';

/** Where astro.config.mjs and the pages live: this package, whatever archive is being built. */
const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface BuildOptions {
  /** The archive: a folder holding content/ (and, usually, its git history). */
  cwd: string;
  today: string;
  internal: boolean;
  /** Internal builds: the age identity file that opens the client blocks. */
  identityFile?: string;
  /** Output folder; default `<cwd>/dist`, or `<cwd>/dist-internal` for an internal build (never over the shareable one). */
  out?: string;
  progress?: (message: string) => void;
}

export interface BuildResult {
  out: string;
  pages: number;
  indexed: number;
}

/**
 * `swa build`: records + ledger + rules → view model → Astro build → Pagefind index. The default
 * build is de-identified: the view model is made through the public schemas, so the pages never
 * receive a client's personal data, and what the PII scanner flags elsewhere is withheld;
 * `internal` adds it and marks every page as internal.
 */
export async function buildSite({ cwd, today, internal, out, identityFile, progress = () => undefined }: BuildOptions): Promise<BuildResult> {
  const outDir = resolve(cwd, out ?? (internal ? 'dist-internal' : 'dist'));
  // The view model of an internal build holds decrypted data: it lives in a private folder that is
  // removed whatever happens, Ctrl-C included.
  return withPrivateDir('swa-site-', async (dataDir) => {
    const modelFile = join(dataDir, 'site-model.json');
    const records = await writeViewModel(modelFile, { cwd, today, internal, identityFile, progress });
    progress(`生成 ${records} 份记录的页面（${internal ? '内部版本，含个人资料' : '去标识版本'}）…`);
    try {
      const indexed = await withSearchIndex(
        outDir,
        async (sink) => {
          await renderPages(modelFile, join(dataDir, 'astro-cache'), outDir, sink);
          progress('建立中文搜索索引，写出打印表格…');
        },
        // Pagefind writes its index in its own process meanwhile.
        () => writePrintPages(loadSiteModel(modelFile), outDir),
      );
      progress(`完成：${outDir}`);
      return { out: outDir, pages: records, indexed };
    } finally {
      forgetSiteModel();
    }
  });
}

type ModelOptions = Omit<BuildOptions, 'out' | 'progress'> & { progress: (message: string) => void };

/**
 * Writes the view model to `file` as JSON, a record at a time; the number of records. Only the
 * file outlives this step: the ledger and records the check read are garbage before Astro starts,
 * so its rendering does not collect over them, and the model's records are never all in memory at
 * once (most of the build's memory and time at 10,000 records).
 */
async function writeViewModel(file: string, options: ModelOptions): Promise<number> {
  const model = await viewModelInParts(options);
  const handle = await open(file, 'w', 0o600);
  try {
    let records = 0;
    let chunk = '{"records":[';
    for (const record of model.records) {
      chunk += (records++ === 0 ? '' : ',') + JSON.stringify(record);
      if (chunk.length > 1 << 20) {
        await handle.write(chunk);
        chunk = '';
      }
    }
    await handle.write(`${chunk}],${JSON.stringify(model.rest()).slice(1)}`);
    return records;
  } finally {
    await handle.close();
  }
}

/** The check of the archive, then its view model in parts (site-model.ts). */
async function viewModelInParts({ cwd, today, internal, identityFile, progress }: ModelOptions) {
  progress('读取档案与审批历史…');
  const repo = await checkRepository(cwd, today);
  if (!repo.context) throw new CommandError('名册 staff.yaml 或代码表 archive.yaml 无法读取；请先运行 swa check 并修正');
  // What the scanner flags is withheld from the shareable build (see withhold.ts), fixed or not; the build says where.
  const exposed = internal ? [] : repo.findings.filter((f) => f.rule === 'G-CONFIDENTIAL');
  if (exposed.length > 0) {
    const places = exposed.slice(0, 10).map((f) => `  ${f.file}:${f.line}  ${f.message}`);
    progress(['记录中有疑似个人信息（G-CONFIDENTIAL）：去标识网站不显示这些文字（显示为〔已隐去〕），请修正：', ...places, ...(exposed.length > 10 ? [`  …共 ${exposed.length} 处`] : [])].join('\n'));
  }
  const branchRecords = repo.history ? await readBranchRecords(cwd, repo.history) : [];
  return keyedSiteModelInParts(repo, internal, identityFile, branchRecords);
}

/** The Astro build over the view model in `modelFile`, each page handed to `sink` as it is rendered. */
async function renderPages(modelFile: string, cacheDir: string, outDir: string, sink: PageSink): Promise<void> {
  const previous = process.env[siteModelVariable];
  const workingDir = process.cwd();
  try {
    process.env[siteModelVariable] = modelFile;
    receiveRenderedPages(sink);
    const { build } = await import('astro');
    // Astro writes its prerender bundle under the working directory (in outDir when that lies
    // inside it, else in ./.astro/) and imports it from there: run from this package, so that
    // the bundle's imports find this package's dependencies whatever directory swa was run from.
    process.chdir(packageRoot);
    // A cache of its own per build: builds running side by side must not share Astro's data store.
    await build({ root: packageRoot, outDir, cacheDir, logLevel: 'warn' });
  } finally {
    receiveRenderedPages(undefined);
    process.chdir(workingDir);
    if (previous === undefined) delete process.env[siteModelVariable];
    else process.env[siteModelVariable] = previous;
  }
}

/** How many pages Astro may render ahead of Pagefind. */
const pagesAhead = 64;

/**
 * Pagefind through its Node API, fed each page as Astro renders it: its own process indexes one
 * page while Astro renders the next, and writes the index while `whileWriting` runs here. Every
 * error is read, and the service is always closed. The number of pages indexed.
 */
async function withSearchIndex(outDir: string, render: (sink: PageSink) => Promise<void>, whileWriting: () => Promise<unknown>): Promise<number> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index || errors.length > 0) throw new CommandError(`Pagefind 无法建立索引：${errors.join('；')}`);
    const failed: string[] = [];
    // A few pages ahead of Pagefind, no more: the pages waiting for it are held in this process.
    const adding = new BoundedWork(pagesAhead);
    let pages = 0;
    await render(async (file, html) => {
      pages++;
      // sourcePath as addDirectory would give it: Pagefind derives the page's URL from it.
      await adding.add(index.addHTMLFile({ sourcePath: file, content: html }).then((a) => void failed.push(...a.errors)));
    });
    await adding.drain();
    if (failed.length > 0) throw new CommandError(`Pagefind 索引页面出错：${failed.join('；')}`);
    const [written] = await Promise.all([index.writeFiles({ outputPath: join(outDir, 'pagefind') }), whileWriting()]);
    if (written.errors.length > 0) throw new CommandError(`Pagefind 写入索引出错：${written.errors.join('；')}`);
    return pages;
  } finally {
    await pagefind.close();
  }
}
