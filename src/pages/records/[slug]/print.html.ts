import type { APIRoute } from 'astro';
import { printable, recordDocument } from '../../../print/record-document.ts';
import { printHtml } from '../../../print/render-html.ts';
import { loadSiteModel } from '../../../site/load-model.ts';
import type { RecordView } from '../../../site/site-model.ts';

/** Each record's forms as `swa print RECORD` prints them: the same HTML, for the browser's own print. */
export function getStaticPaths() {
  return loadSiteModel().records.filter(printable).map((record) => ({ params: { slug: record.slug }, props: { record } }));
}

export const GET: APIRoute = ({ props }) => {
  const html = printHtml(recordDocument(loadSiteModel(), (props as { record: RecordView }).record, {}));
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
