import { defineMiddleware } from 'astro:middleware';
import { outputFileOf, renderedPageSink } from './site/rendered-pages.ts';

/**
 * Every searchable page goes to `swa build`'s search index as soon as it is rendered
 * (site/rendered-pages.ts). Pages without `data-pagefind-body` are skipped: once any page has it,
 * Pagefind drops the pages without it anyway, after parsing them.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const sink = renderedPageSink();
  if (!sink || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  if (html.includes('data-pagefind-body')) await sink(outputFileOf(context.url.pathname), html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
