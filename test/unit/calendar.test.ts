import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addWorkingDays, isWorkingDay, workingDaysBetween, type WorkCalendar } from '../../src/archive/calendar.ts';
import { addDays } from '../../src/dates.ts';
import { archiveConfigSchema } from '../../src/schemas/archive-config.ts';

/** The real 2026 calendar of the bundled sample archive. */
const yamlText = await readFile(new URL('../../content/archive.yaml', import.meta.url), 'utf8');
const raw = parse(yamlText) as { holidays: string[]; makeUpWorkdays: string[] };
const cal: WorkCalendar = { holidays: raw.holidays, makeUpWorkdays: raw.makeUpWorkdays };
const noHolidays: WorkCalendar = { holidays: [], makeUpWorkdays: [] };

describe('the 2026 calendar in content/archive.yaml', () => {
  it('is read as YYYY-MM-DD strings (the calendar compares strings)', () => {
    expect(cal.holidays).toContain('2026-10-01');
    expect(cal.makeUpWorkdays).toContain('2026-10-10');
    for (const date of [...cal.holidays, ...cal.makeUpWorkdays]) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('a parsed ArchiveConfig can be passed directly', () => {
    const config = archiveConfigSchema.parse(parse(yamlText));
    expect(isWorkingDay('2026-10-01', config)).toBe(false);
    expect(isWorkingDay('2026-10-10', config)).toBe(true);
  });
});

describe('isWorkingDay [C-REFERRAL-REPLY]', () => {
  it.each(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'])('plain weekday %s is working', (date) => {
    expect(isWorkingDay(date, cal)).toBe(true);
    expect(isWorkingDay(date, noHolidays)).toBe(true);
  });

  it.each(['2026-11-28', '2026-11-29', '2026-10-17', '2026-10-11'])('plain weekend day %s is not working', (date) => {
    expect(isWorkingDay(date, cal)).toBe(false);
    expect(isWorkingDay(date, noHolidays)).toBe(false);
  });

  it('National Day 2026-10-01..10-07 is not working, weekdays included', () => {
    for (let i = 0; i < 7; i++) expect(isWorkingDay(addDays('2026-10-01', i), cal), addDays('2026-10-01', i)).toBe(false);
    // Thu 10-01 and Mon 10-05 are ordinary weekdays without the holiday list.
    expect(isWorkingDay('2026-10-01', noHolidays)).toBe(true);
    expect(isWorkingDay('2026-10-05', noHolidays)).toBe(true);
  });

  it('make-up workdays Sat 2026-10-10 and Sun 2026-09-20 are working', () => {
    expect(isWorkingDay('2026-10-10', cal)).toBe(true);
    expect(isWorkingDay('2026-09-20', cal)).toBe(true);
    expect(isWorkingDay('2026-10-10', noHolidays)).toBe(false);
    expect(isWorkingDay('2026-09-20', noHolidays)).toBe(false);
  });

  it('Spring Festival 2026-02-15..02-23 is not working; make-up Saturdays 02-14 and 02-28 are', () => {
    for (let i = 0; i < 9; i++) expect(isWorkingDay(addDays('2026-02-15', i), cal), addDays('2026-02-15', i)).toBe(false);
    expect(isWorkingDay('2026-02-14', cal)).toBe(true);
    expect(isWorkingDay('2026-02-28', cal)).toBe(true);
    expect(isWorkingDay('2026-02-24', cal)).toBe(true); // Tuesday after the holiday
  });

  it('a make-up workday wins over a holiday listing of the same date', () => {
    expect(isWorkingDay('2026-11-28', { holidays: ['2026-11-28'], makeUpWorkdays: ['2026-11-28'] })).toBe(true);
  });
});

describe('workingDaysBetween [C-REFERRAL-REPLY]', () => {
  it('a referral on Fri 2026-11-27 replied on Wed 12-02 took 3 working days, on Thu 12-03 took 4', () => {
    expect(workingDaysBetween('2026-11-27', '2026-12-02', cal)).toBe(3);
    expect(workingDaysBetween('2026-11-27', '2026-12-03', cal)).toBe(4);
  });

  it('the weekend after a Friday adds no working days', () => {
    expect(workingDaysBetween('2026-11-27', '2026-11-28', cal)).toBe(0);
    expect(workingDaysBetween('2026-11-27', '2026-11-29', cal)).toBe(0);
    expect(workingDaysBetween('2026-11-27', '2026-11-30', cal)).toBe(1);
  });

  it('is 0 when to is the same as or earlier than from', () => {
    expect(workingDaysBetween('2026-11-25', '2026-11-25', cal)).toBe(0);
    expect(workingDaysBetween('2026-12-03', '2026-11-27', cal)).toBe(0);
  });

  it('across the Spring Festival counts make-up Saturdays and skips the holiday', () => {
    // Fri 02-13 → Fri 02-27: Sat 02-14 (make-up) + Tue–Fri 02-24..27 = 5; Sat 02-28 (make-up) makes 6.
    expect(workingDaysBetween('2026-02-13', '2026-02-27', cal)).toBe(5);
    expect(workingDaysBetween('2026-02-13', '2026-02-28', cal)).toBe(6);
    expect(workingDaysBetween('2026-02-13', '2026-02-27', noHolidays)).toBe(10);
  });

  it('counts the working days of 2026', () => {
    // 2026 starts and ends on a Thursday: 52 weeks + Thu 12-31 = 261 weekdays. Holidays on weekdays:
    // Jan 1–2 (2), Feb 16–20 and 23 (6), Apr 6 (1), May 1, 4, 5 (3), Jun 19 (1), Sep 25 (1),
    // Oct 1, 2, 5, 6, 7 (5) = 19. Make-up weekend days: 6. 261 − 19 + 6 = 248.
    expect(workingDaysBetween('2025-12-31', '2026-12-31', cal)).toBe(248);
    expect(workingDaysBetween('2025-12-31', '2026-12-31', noHolidays)).toBe(261);
  });
});

describe('addWorkingDays [C-REFERRAL-REPLY]', () => {
  it('a referral on Fri 2026-11-27 is due on Wed 12-02 (3 working days)', () => {
    expect(addWorkingDays('2026-11-27', 3, cal)).toBe('2026-12-02');
    expect(addWorkingDays('2026-11-27', 1, cal)).toBe('2026-11-30');
  });

  it('from Wed 2026-09-30, the 3rd working day is the make-up Saturday 2026-10-10', () => {
    // Thu 10-01..Wed 10-07 are the National Day holiday; Thu 10-08 is working day 1, Fri 10-09 is
    // day 2, and Sat 10-10 is a make-up workday (调休), so it is day 3.
    expect(addWorkingDays('2026-09-30', 3, cal)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-30', 1, cal)).toBe('2026-10-08');
    // Without the calendar it would be Mon 10-05 (Thu 10-01, Fri 10-02, Mon 10-05).
    expect(addWorkingDays('2026-09-30', 3, noHolidays)).toBe('2026-10-05');
  });

  it('from Fri 2026-02-13, the 2nd working day is Tue 02-24 after the Spring Festival', () => {
    expect(addWorkingDays('2026-02-13', 1, cal)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2, cal)).toBe('2026-02-24');
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects n = %s', (n) => {
    expect(() => addWorkingDays('2026-11-27', n, cal)).toThrow(RangeError);
  });

  it('agrees with workingDaysBetween and isWorkingDay on every day of 2026', () => {
    for (let i = 0; i < 365; i++) {
      const from = addDays('2026-01-01', i);
      for (let n = 1; n <= 5; n++) {
        const due = addWorkingDays(from, n, cal);
        expect(isWorkingDay(due, cal), `${from} + ${n}`).toBe(true);
        expect(workingDaysBetween(from, due, cal), `${from} + ${n}`).toBe(n);
        expect(workingDaysBetween(from, addDays(due, -1), cal), `${from} + ${n}`).toBe(n - 1);
      }
    }
  });
});
