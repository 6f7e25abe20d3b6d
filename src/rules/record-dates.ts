import type { ArchiveRecord } from '../records/archive-record.ts';
import { serviceKinds, type NumberedKind, type ServiceKind } from '../schemas/index.ts';

export type ServiceRecord = Extract<ArchiveRecord, { kind: ServiceKind }>;
export type NumberedRecord = Extract<ArchiveRecord, { kind: NumberedKind }>;

export const isServiceRecord = (record: ArchiveRecord): record is ServiceRecord => (serviceKinds as readonly string[]).includes(record.kind);

/** The day a record starts on paper: the intake, the consultation, the plan, or the audit or handover itself. */
export function startDate(record: ArchiveRecord): string {
  switch (record.kind) {
    case 'case':
      return record.data.intake.date;
    case 'group':
    case 'community':
      return record.data.plan.date;
    default:
      return record.data.date;
  }
}

/** The day a service is complete, when it is: closing form, closing info, or the report; a supervision session on its day. */
export function completionDate(record: NumberedRecord): string | undefined {
  switch (record.kind) {
    case 'supervision':
      return record.data.date;
    case 'case':
      return record.data.closingForm?.date;
    case 'consultation':
      return record.data.closing?.date;
    default:
      return record.data.report?.date;
  }
}
