import type { APIRoute } from 'astro';
import { recordDocument } from '../../../print/record-document.ts';
import { printHtml } from '../../../print/render-html.ts';
import { loadSiteModel } from '../../../site/load-model.ts';
import type { RecordView } from '../../../site/site-model.ts';

/** Each archived record's archive-bag cover as `swa print RECORD --cover` prints it. */
export function getStaticPaths() {
  return loadSiteModel().records.filter((record) => record.cover !== null).map((record) => ({ params: { slug: record.slug }, props: { record } }));
}

export const GET: APIRoute = ({ props }) => {
  const html = printHtml(recordDocument(loadSiteModel(), (props as { record: RecordView }).record, { cover: true }));
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
