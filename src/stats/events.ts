import type { ArchiveRecord } from '../records/archive-record.ts';
import type { Indicator } from '../schemas/project.ts';

/** One thing that counts towards an indicator: on a day, by so much. */
export interface StatEvent {
  indicator: Indicator;
  date: string;
  value: number;
}

const each = <T>(items: readonly T[], indicator: Indicator, date: (item: T) => string, value: (item: T) => number = () => 1): StatEvent[] =>
  items.map((item) => ({ indicator, date: date(item), value: value(item) }));

/**
 * What a record counts for, from its own forms: a case is opened on its intake and closed on its
 * closing form, each session entry is a session, attendance is the 点名表 count of each group
 * session, a group counts once, on its first session. Pure.
 */
export function eventsOf(record: ArchiveRecord): StatEvent[] {
  switch (record.kind) {
    case 'case': {
      const d = record.data;
      return [
        { indicator: 'casesOpened', date: d.intake.date, value: 1 },
        ...(d.closingForm ? [{ indicator: 'casesClosed' as const, date: d.closingForm.date, value: 1 }] : []),
        ...each(d.sessions, 'caseSessions', (s) => s.date),
      ];
    }
    case 'group': {
      const sessions = [...record.data.sessions].sort((a, b) => a.date.localeCompare(b.date));
      return [
        ...each(sessions.slice(0, 1), 'groups', (s) => s.date),
        ...each(sessions, 'groupSessions', (s) => s.date),
        ...each(sessions, 'groupAttendance', (s) => s.date, (s) => s.attendance),
      ];
    }
    case 'community':
      return [
        ...each(record.data.activities, 'communityActivities', (a) => a.date),
        ...each(record.data.activities, 'communityParticipants', (a) => a.date, (a) => a.participants),
      ];
    case 'consultation':
      return [{ indicator: record.data.channel === '热线' ? 'hotlineCalls' : 'consultations', date: record.data.date, value: 1 }];
    case 'supervision':
      return [
        { indicator: 'supervisionSessions', date: record.data.date, value: 1 },
        { indicator: 'supervisionHours', date: record.data.date, value: record.data.hours },
      ];
    default:
      return [];
  }
}
