/** A CSS string literal: quotes and backslashes escaped, and nothing that could close the <style> element. */
const cssString = (text: string) => `"${text.replace(/[\\"]/g, '\\$&').replace(/</g, '\\3c ').replace(/\s+/g, ' ')}"`;

/**
 * A4 print CSS. The page head (organisation, archive number) and foot (第 N 页 共 M 页) are CSS
 * paged-media margin boxes, so that `swa print` (Chromium's page.pdf) and a browser's own print of
 * the site's print view give the same pages. Rows never split across pages; a table's head repeats.
 */
export function printCss(organisation: string, archiveNo: string | null, internal: boolean): string {
  const small = 'font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 8.5pt; color: #333;';
  return `
@page {
  size: A4;
  margin: 20mm 16mm 18mm 16mm;
  @top-left { content: ${cssString(organisation)}; ${small} }
  @top-right { content: ${cssString(`档案编号：${archiveNo ?? '________________'}`)}; ${small} }
  ${internal ? `@top-center { content: ${cssString('内部资料 · 含服务对象个人资料 · 不得外传')}; ${small} font-weight: bold; color: #000; }` : ''}
  @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; ${small} }
}
html { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 10.5pt; line-height: 1.5; color: #000; background: #fff; }
body { margin: 0; }
.form + .form { break-before: page; }
.form header { text-align: center; margin-bottom: 4mm; }
.form .org { margin: 0; font-size: 10.5pt; letter-spacing: 0.1em; }
.form h1 { margin: 1mm 0 0; font-size: 17pt; letter-spacing: 0.15em; }
.cover h1 { font-size: 24pt; margin: 6mm 0 4mm; letter-spacing: 0.4em; }
.cover .facts td { font-size: 11.5pt; }
.cover .rows tbody td { height: auto; padding: 0.8mm 2mm; }
.cover .rows th:nth-child(n+3), .cover .rows td:nth-child(n+3) { width: 22mm; text-align: center; }
.block { margin-top: 3mm; }
h2 { font-size: 11.5pt; margin: 5mm 0 1.5mm; break-after: avoid; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 0.75pt solid #000; padding: 1.2mm 2mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; white-space: pre-wrap; }
th { font-weight: normal; background: #eee; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.facts th { width: 22mm; }
.fields th { width: 32mm; }
.rows th.n, .rows td.n { width: 10mm; text-align: center; }
.rows tbody td { height: 6mm; }
.write { display: block; }
.choices span + span { margin-left: 6mm; }
.statement p { text-indent: 2em; margin: 2mm 0; }
.note { font-size: 9pt; margin: 1.5mm 0 0; }
.signatures { margin-top: 8mm; break-inside: avoid; }
.signature { display: flex; align-items: flex-end; gap: 2mm; margin-top: 6mm; }
.signature .who { max-width: 60%; }
.signature .line { flex: 1; border-bottom: 0.75pt solid #000; min-width: 30mm; }
.signature .date { white-space: nowrap; margin-left: 6mm; }
.toolbar, .internal-note { font-family: sans-serif; }
@media screen {
  html { background: #e8e8e8; }
  body { max-width: 178mm; margin: 0 auto; padding: 8mm 16mm; background: #fff; }
  .form + .form { margin-top: 16mm; border-top: 1px dashed #999; padding-top: 8mm; }
  .toolbar { margin-bottom: 6mm; }
}
/* A phone's screen: two cells to a line and each signature's label on a line of its own, where four columns would squeeze the text into a character a line. */
@media screen and (max-width: 640px) {
  body { padding: 4mm; }
  .facts tr { display: grid; grid-template-columns: 7em 1fr; }
  .facts th, .facts td { width: auto; }
  .signature { flex-wrap: wrap; }
  .signature .who { max-width: none; flex-basis: 100%; }
}
@media print { .toolbar { display: none; } }
`;
}
