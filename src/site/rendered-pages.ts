/**
 * How `swa build` receives each page as Astro renders it (src/middleware.ts), so that Pagefind
 * indexes it in its own process while Astro renders the next ones, instead of reading every file
 * back once Astro is done. A global, not a module variable: Astro runs the middleware from a bundle
 * of its own, in this same process.
 */
/** Resolves when the sink can take the next page: Astro waits rather than pile pages up in memory. */
export type PageSink = (file: string, html: string) => Promise<void>;

const key = Symbol.for('swa.renderedPages');
const slot = globalThis as { [key]?: PageSink };

export function receiveRenderedPages(sink: PageSink | undefined): void {
  slot[key] = sink;
}

export function renderedPageSink(): PageSink | undefined {
  return slot[key];
}

/** The file Astro writes for a page's URL path (format `directory`): /records/x/ → records/x/index.html. */
export function outputFileOf(pathname: string): string {
  const path = decodeURI(pathname).replace(/^\/+|\/+$/g, '');
  return path === '' ? 'index.html' : `${path}/index.html`;
}
