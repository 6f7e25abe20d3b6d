import { describe, expect, it } from 'vitest';
import { outputFileOf, receiveRenderedPages, renderedPageSink } from '../../src/site/rendered-pages.ts';

describe('pages handed from Astro to the search index as they are rendered', () => {
  it('names each page by the file Astro writes for it, as Pagefind would walk them', () => {
    expect(outputFileOf('/')).toBe('index.html');
    expect(outputFileOf('/records/cases-2026-0042/')).toBe('records/cases-2026-0042/index.html');
    expect(outputFileOf('/archive')).toBe('archive/index.html');
    expect(outputFileOf('/%E6%90%9C%E7%B4%A2/')).toBe('搜索/index.html');
  });

  it('has a sink only while a build has set one', async () => {
    const got: string[] = [];
    receiveRenderedPages(async (file) => void got.push(file));
    await renderedPageSink()?.('index.html', '<html></html>');
    receiveRenderedPages(undefined);
    expect(renderedPageSink()).toBeUndefined();
    expect(got).toEqual(['index.html']);
  });
});
