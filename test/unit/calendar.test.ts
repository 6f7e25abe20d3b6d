import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addWorkingDays, isWorkingDay, uncoveredYears, uncoveredYearsNote, workingDaysBetween, type WorkCalendar } from '../../src/archive/calendar.ts';
import { noOfficialCalendar, officialCalendar, stateCouncilCalendar } from '../../src/archive/official-calendar.ts';
import { addDays } from '../../src/dates.ts';
import { archiveConfigSchema } from '../../src/schemas/archive-config.ts';

/** The real 2026 calendar of the bundled sample archive. */
const yamlText = await readFile(new URL('../../content/archive.yaml', import.meta.url), 'utf8');
const raw = parse(yamlText) as { holidays: string[]; makeUpWorkdays: string[] };
const cal: WorkCalendar = { holidays: raw.holidays, makeUpWorkdays: raw.makeUpWorkdays };
const noHolidays: WorkCalendar = { holidays: [], makeUpWorkdays: [] };
/** Monday–Friday only: neither archive.yaml's days nor the official calendar. */
const weekdays = (date: string) => isWorkingDay(date, noHolidays, noOfficialCalendar);
const inYear = (days: ReadonlySet<string>, year: string) => [...days].filter((d) => d.startsWith(`${year}-`)).sort();

describe('the official calendar (chinese-days)', () => {
  it('lists the same 2026 holidays and make-up workdays as the sample archive.yaml (the State Council notice of 2025-11-04)', () => {
    expect(inYear(stateCouncilCalendar().holidays, '2026')).toEqual([...cal.holidays].sort());
    expect(inYear(stateCouncilCalendar().makeUpWorkdays, '2026')).toEqual([...cal.makeUpWorkdays].sort());
  });

  it('covers every year from 2004 to 2026, and no other', () => {
    expect([...stateCouncilCalendar().years].sort()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
  });

  it('alone gives the 2026 calendar: archive.yaml may list nothing', () => {
    expect(isWorkingDay('2026-10-01', noHolidays)).toBe(false);
    expect(isWorkingDay('2026-10-10', noHolidays)).toBe(true);
    expect(workingDaysBetween('2025-12-31', '2026-12-31', noHolidays)).toBe(248);
  });
});

describe('archive.yaml over the official calendar', () => {
  it('adds a local holiday on an official working day', () => {
    expect(isWorkingDay('2026-11-27', noHolidays)).toBe(true);
    expect(isWorkingDay('2026-11-27', { holidays: ['2026-11-27'], makeUpWorkdays: [] })).toBe(false);
  });

  it('overrides an official holiday with a make-up workday, and an official make-up workday with a holiday', () => {
    expect(isWorkingDay('2026-10-07', { holidays: [], makeUpWorkdays: ['2026-10-07'] })).toBe(true);
    expect(isWorkingDay('2026-10-10', { holidays: ['2026-10-10'], makeUpWorkdays: [] })).toBe(false);
  });

  it('gives a year the package does not hold yet', () => {
    const typed: WorkCalendar = { holidays: ['2027-01-01'], makeUpWorkdays: ['2027-01-09'] };
    expect(isWorkingDay('2027-01-01', typed)).toBe(false);
    expect(isWorkingDay('2027-01-09', typed)).toBe(true);
  });
});

describe('uncoveredYears: a working-day count through a year neither source knows [C-REFERRAL-REPLY]', () => {
  it('names 2027 for a count that reaches into it, and nothing for one that stays in 2026', () => {
    expect(uncoveredYears('2026-12-30', '2027-01-04', noHolidays)).toEqual([2027]);
    expect(uncoveredYears('2026-12-28', '2026-12-31', noHolidays)).toEqual([]);
    expect(uncoveredYears('2026-12-31', '2026-12-31', noHolidays)).toEqual([]);
    expect(uncoveredYears('2027-03-01', '2027-02-01', noHolidays)).toEqual([]);
  });

  it('names every uncovered year on the way, and the years before the package too', () => {
    expect(uncoveredYears('2026-12-31', '2029-01-02', noHolidays)).toEqual([2027, 2028, 2029]);
    expect(uncoveredYears('2003-12-30', '2004-01-05', noHolidays)).toEqual([2003]);
  });

  it('counts a year covered once archive.yaml lists a holiday in it', () => {
    expect(uncoveredYears('2026-12-30', '2027-01-04', { holidays: ['2027-01-01'], makeUpWorkdays: [] })).toEqual([]);
    // Make-up workdays alone do not make a calendar: a year's notice always has holidays.
    expect(uncoveredYears('2026-12-30', '2027-01-04', { holidays: [], makeUpWorkdays: ['2027-01-09'] })).toEqual([2027]);
  });

  it('counts such a year Monday–Friday, which the warning says', () => {
    // Thu 2026-12-31 + 3: Fri 2027-01-01 counts (its holiday is unknown), then Mon 01-04, Tue 01-05.
    expect(addWorkingDays('2026-12-31', 3, noHolidays)).toBe('2027-01-05');
    expect(uncoveredYearsNote([2027])).toContain('2027 年的法定节假日与调休安排未收录');
    expect(uncoveredYearsNote([2027, 2028])).toContain('2027 年、2028 年');
  });

  it('depends on the official calendar it is given', () => {
    expect(uncoveredYears('2026-12-30', '2027-01-04', noHolidays, officialCalendar(['2026-01-01', '2027-01-01'], []))).toEqual([]);
    expect(uncoveredYears('2026-06-01', '2026-06-02', noHolidays, noOfficialCalendar)).toEqual([2026]);
  });
});

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
    expect(weekdays(date)).toBe(true);
  });

  it.each(['2026-11-28', '2026-11-29', '2026-10-17', '2026-10-11'])('plain weekend day %s is not working', (date) => {
    expect(isWorkingDay(date, cal)).toBe(false);
    expect(weekdays(date)).toBe(false);
  });

  it('National Day 2026-10-01..10-07 is not working, weekdays included', () => {
    for (let i = 0; i < 7; i++) expect(isWorkingDay(addDays('2026-10-01', i), cal), addDays('2026-10-01', i)).toBe(false);
    // Thu 10-01 and Mon 10-05 are ordinary weekdays without the holiday lists.
    expect(weekdays('2026-10-01')).toBe(true);
    expect(weekdays('2026-10-05')).toBe(true);
  });

  it('make-up workdays Sat 2026-10-10 and Sun 2026-09-20 are working', () => {
    expect(isWorkingDay('2026-10-10', cal)).toBe(true);
    expect(isWorkingDay('2026-09-20', cal)).toBe(true);
    expect(weekdays('2026-10-10')).toBe(false);
    expect(weekdays('2026-09-20')).toBe(false);
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
    expect(workingDaysBetween('2026-02-13', '2026-02-27', noHolidays, noOfficialCalendar)).toBe(10);
  });

  it('counts the working days of 2026', () => {
    // 2026 starts and ends on a Thursday: 52 weeks + Thu 12-31 = 261 weekdays. Holidays on weekdays:
    // Jan 1–2 (2), Feb 16–20 and 23 (6), Apr 6 (1), May 1, 4, 5 (3), Jun 19 (1), Sep 25 (1),
    // Oct 1, 2, 5, 6, 7 (5) = 19. Make-up weekend days: 6. 261 − 19 + 6 = 248.
    expect(workingDaysBetween('2025-12-31', '2026-12-31', cal)).toBe(248);
    expect(workingDaysBetween('2025-12-31', '2026-12-31', noHolidays, noOfficialCalendar)).toBe(261);
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
    // Without the calendars it would be Mon 10-05 (Thu 10-01, Fri 10-02, Mon 10-05).
    expect(addWorkingDays('2026-09-30', 3, noHolidays, noOfficialCalendar)).toBe('2026-10-05');
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
