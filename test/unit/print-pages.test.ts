import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/check/check-archive.ts';
import { recordDocument } from '../../src/print/record-document.ts';
import { printHtml } from '../../src/print/render-html.ts';
import { readArchiveFiles } from '../../src/records/read-archive.ts';
import { printPagesOf } from '../../src/site/print-pages.ts';
import { siteModel } from '../../src/site/site-model.ts';
import { repoRoot } from '../helpers/run-swa.ts';

describe("the site's print views", () => {
  it('are each service and supervision record\'s forms and each archived record\'s cover, the HTML swa print renders', async () => {
    const check = checkArchive(await readArchiveFiles(repoRoot), '2026-11-29');
    const model = siteModel(check.context!, null, check.findings, false);
    const pages = new Map([...printPagesOf(model)].map((p) => [p.file, p.html]));
    const kinds = new Set(model.records.map((r) => r.kind));
    // The sample archive has every kind, audits and handovers included, and archived records.
    expect([...kinds].sort()).toEqual(['audit', 'case', 'community', 'consultation', 'group', 'handover', 'supervision']);
    for (const record of model.records) {
      const forms = pages.get(`records/${record.slug}/print.html`);
      const cover = pages.get(`records/${record.slug}/cover.html`);
      if (record.kind === 'audit' || record.kind === 'handover') {
        expect(forms, record.id).toBeUndefined();
        expect(cover, record.id).toBeUndefined();
        continue;
      }
      expect(forms, record.id).toBe(printHtml(recordDocument(model, record, {})));
      if (record.cover === null) expect(cover, record.id).toBeUndefined();
      else expect(cover, record.id).toBe(printHtml(recordDocument(model, record, { cover: true })));
    }
    expect(model.records.some((r) => r.cover !== null)).toBe(true);
    expect(model.records.some((r) => r.kind === 'supervision' && !pages.has(`records/${r.slug}/cover.html`))).toBe(true);
  });
});
