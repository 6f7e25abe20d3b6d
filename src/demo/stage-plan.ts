import { addDays } from '../dates.ts';
import type { Stage } from '../ledger/stages.ts';
import type { ArchiveRecord } from '../records/archive-record.ts';

export interface PlannedStage {
  stage: Stage;
  /** The day the stage is submitted; it is approved the same afternoon. */
  date: string;
}

/** The first day of the month an archive number names (…-202606 → 2026-06-01). */
const archiveDay = (archiveNo: string, after: string): string => {
  const month = archiveNo.slice(-6);
  const first = `${month.slice(0, 4)}-${month.slice(4)}-01`;
  return first > after ? first : addDays(after, 1);
};

const last = (dates: readonly string[]) => [...dates].sort().at(-1);

/** The approvals a record's content implies, in order, with the day each took place. Pure. */
export function stagesOf(record: ArchiveRecord): PlannedStage[] {
  const stages: PlannedStage[] = [];
  const add = (stage: Stage, date: string | undefined) => {
    if (date !== undefined) stages.push({ stage, date });
  };
  switch (record.kind) {
    case 'case': {
      const d = record.data;
      add('intake', d.intake.date);
      if (d.referrals.length > 0) add('referral', d.referrals[0]?.date);
      if (d.sessions.length > 0) add('session', last(d.sessions.map((s) => s.date)));
      if (d.closingReport) add('closing', d.closingReport.date);
      if (d.archiveNo) add('archive', archiveDay(d.archiveNo, d.closingForm?.date ?? d.intake.date));
      break;
    }
    case 'consultation': {
      const d = record.data;
      add(d.channel === '热线' ? 'hotline-review' : 'session', addDays(d.date, d.channel === '热线' ? 2 : 1));
      if (d.archiveNo) add('archive', archiveDay(d.archiveNo, d.closing?.date ?? d.date));
      break;
    }
    case 'group':
    case 'community': {
      const d = record.data;
      const held = record.kind === 'group' ? record.data.sessions.map((s) => s.date) : record.data.activities.map((a) => a.date);
      add('plan', d.plan.date);
      add('org-business', addDays(d.plan.date, 1));
      add('org-head', addDays(d.plan.date, 2));
      if (d.funding.source === '机构') add('funding', addDays(d.plan.date, 3));
      if (held.length > 0) add('session', last(held));
      if (d.report) {
        add('report-supervisor', d.report.date);
        add('report-business', addDays(d.report.date, 1));
        add('report-head', addDays(d.report.date, 2));
        if (d.archiveNo) add('archive', archiveDay(d.archiveNo, addDays(d.report.date, 2)));
      }
      break;
    }
    case 'audit':
      add('audit', record.data.date);
      break;
    case 'handover':
      add('handover', record.data.date);
      break;
    case 'supervision':
      add('supervision', addDays(record.data.date, 1));
      break;
  }
  return stages;
}
