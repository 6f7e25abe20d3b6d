import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/check/check-archive.ts';
import { fixtureFiles, paths, replaceOnce, summary, textOf, today, withFile } from '../helpers/fixture.ts';

describe('checking some records only (checkArchive with judged, as swa check RECORD does)', () => {
  it("runs the per-record rules on the judged files alone, and the rules over the archive on every record", async () => {
    const files = await fixtureFiles();
    // A handover naming a post the roster lacks (a per-record finding of the handover), and a
    // second case holding the first case's archive number (an archive-wide finding on the second).
    const handover = replaceOnce(textOf(files, paths.handover), 'post: P02', 'post: P99');
    const copy = replaceOnce(textOf(files, paths.case), 'id: cases/2026-0001', 'id: cases/2026-0003');
    const edited = withFile(withFile(files, paths.handover, handover), 'content/cases/2026/0003.md', copy);

    const whole = checkArchive(edited, today);
    const rules = (result: typeof whole, record: string) => summary(result).filter(([, , r]) => r === record).map(([rule]) => rule);
    expect(rules(whole, 'handovers/2026-0001')).toContain('C-QUARTERLY-HANDOVER');
    expect(rules(whole, 'cases/2026-0003')).toContain('G-ARCHIVE-NO');

    const onlyCopy = checkArchive(edited, today, undefined, { judged: new Set(['content/cases/2026/0003.md']) });
    expect(rules(onlyCopy, 'handovers/2026-0001')).toEqual([]);
    expect(rules(onlyCopy, 'cases/2026-0003')).toEqual(rules(whole, 'cases/2026-0003'));
    expect(onlyCopy.parsed.length).toBe(whole.parsed.length);

    const onlyHandover = checkArchive(edited, today, undefined, { judged: new Set([paths.handover]) });
    expect(summary(onlyHandover).filter(([, , r]) => r === 'handovers/2026-0001')).toEqual(summary(whole).filter(([, , r]) => r === 'handovers/2026-0001'));
    // The duplicate number is found by the rule over the archive, which runs whatever is judged.
    expect(rules(onlyHandover, 'cases/2026-0003')).toEqual(['G-ARCHIVE-NO']);
  });
});
