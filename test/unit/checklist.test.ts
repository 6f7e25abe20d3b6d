import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/check/check-archive.ts';
import { archiveItems } from '../../src/rules/archive-items.ts';
import { isServiceRecord } from '../../src/rules/record-dates.ts';
import { siteModel } from '../../src/site/site-model.ts';
import { fixtureFiles, paths, replaceOnce, textOf, today, withFile } from '../helpers/fixture.ts';

describe("a record page's 材料完整性 checklist", () => {
  it('is the list the rules check at archiving (C-ARCHIVE-COMPLETE, C-INQUIRY, GR-FORMS, CM-AS-GROUP), the same the archive-bag cover prints; other kinds have none', async () => {
    const check = checkArchive(await fixtureFiles(), today);
    const views = new Map(siteModel(check.context!, null, check.findings, false).records.map((r) => [r.id, r]));
    const kinds = new Set<string>();
    for (const record of check.parsed) {
      const view = views.get(record.id)!;
      kinds.add(record.kind);
      if (!isServiceRecord(record)) {
        expect(view.checklist, record.id).toEqual([]);
        continue;
      }
      expect(view.checklist, record.id).toEqual(archiveItems(record));
      expect(view.checklist.length, record.id).toBeGreaterThan(4);
      if (view.cover) expect(view.cover.items, record.id).toEqual(view.checklist);
    }
    expect([...kinds].sort()).toEqual(['audit', 'case', 'community', 'consultation', 'group', 'handover']);
  });

  it('ticks off what the record lacks, as the rule would report it', async () => {
    const files = await fixtureFiles();
    const edited = withFile(files, paths.group, replaceOnce(textOf(files, paths.group), 'archiveNo: QSN-XZ-001-202606\n', '').replace(/^supervisorComment:\n(?: {2}.*\n)+/m, ''));
    const check = checkArchive(edited, today);
    const group = siteModel(check.context!, null, check.findings, false).records.find((r) => r.id === 'groups/2026-0001')!;
    expect(group.checklist.filter((i) => !i.present).map((i) => i.label)).toEqual(['督导点评']);
  });
});
