import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BoundedWork } from '../bounded-work.ts';
import { printable, recordDocument } from '../print/record-document.ts';
import { printHtml } from '../print/render-html.ts';
import type { SiteModel } from './site-model.ts';

export interface PrintPage {
  /** Inside the site: records/<slug>/print.html or records/<slug>/cover.html. */
  file: string;
  html: string;
}

/**
 * The site's print views, the same HTML `swa print` prints: every printable record's forms, and
 * every archived record's archive-bag cover. Made one at a time, as they are written. Pure.
 */
export function* printPagesOf(model: SiteModel): Generator<PrintPage> {
  for (const record of model.records) {
    if (!printable(record)) continue;
    yield { file: `records/${record.slug}/print.html`, html: printHtml(recordDocument(model, record, {})) };
    if (record.cover !== null) yield { file: `records/${record.slug}/cover.html`, html: printHtml(recordDocument(model, record, { cover: true })) };
  }
}

/** How many files are written at once: enough to keep the disk busy while the next page is made. */
const writesAhead = 16;

/**
 * Writes the print views into the built site. They are plain files made from the view model, not
 * Astro routes: through Astro's router each cost as much as a record's page, some 19,000 of them at
 * 10,000 records.
 */
export async function writePrintPages(model: SiteModel, outDir: string): Promise<number> {
  const writes = new BoundedWork(writesAhead);
  let written = 0;
  for (const page of printPagesOf(model)) {
    const path = join(outDir, page.file);
    // Astro made each record's folder for its page: a folder is made only when one is missing.
    await writes.add(
      writeFile(path, page.html).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, page.html);
      }),
    );
    written++;
  }
  await writes.drain();
  return written;
}
