import { describe, expect, it } from 'vitest';
import { dayOf } from '../../src/ledger/commit.ts';
import { resolveToday } from '../../src/today.ts';

describe('the organisation\'s day of a timestamp (UTC+8)', () => {
  it('is the date as written in +08:00, and the date in UTC+8 for any other offset', () => {
    expect(dayOf('2026-03-02T23:59:59+08:00')).toBe('2026-03-02');
    expect(dayOf('2026-03-02T16:00:00+00:00')).toBe('2026-03-03');
    expect(dayOf('2026-03-02T01:00:00-12:00')).toBe('2026-03-02');
    expect(dayOf('2026-03-02T12:00:00-12:00')).toBe('2026-03-03');
  });

  it('rolls over what Date.parse rolls over, even in +08:00, and keeps the text of what it cannot read', () => {
    expect(dayOf('2026-02-30T10:00:00+08:00')).toBe('2026-03-02');
    expect(dayOf('2026-02-28T24:00:00+08:00')).toBe('2026-03-01');
    expect(dayOf('2026-13-01T10:00:00+08:00')).toBe('2026-13-01');
  });
});

describe('the day a command runs on without --today', () => {
  it('is the day in UTC+8, whatever time zone the machine is set to', () => {
    expect(resolveToday(undefined, () => new Date('2026-12-04T15:59:59Z'))).toBe('2026-12-04');
    // 00:30 in Beijing, still the 4th in UTC: deadlines count from the 5th.
    expect(resolveToday(undefined, () => new Date('2026-12-04T16:30:00Z'))).toBe('2026-12-05');
    expect(resolveToday(undefined, () => new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('is the date given, when one is', () => {
    expect(resolveToday('2026-03-02', () => new Date('2026-12-04T16:30:00Z'))).toBe('2026-03-02');
  });
});
