import type { Stage } from '../ledger/stages.ts';
import type { ArchiveRecord } from '../records/archive-record.ts';

/** The approval that completes a service before it may be archived; null for records without an archive number. */
export function completingStage(record: ArchiveRecord): Stage | null {
  switch (record.kind) {
    case 'case':
      return 'closing';
    case 'consultation':
      return record.data.channel === '热线' ? 'hotline-review' : 'session';
    case 'group':
    case 'community':
      return 'report-head';
    case 'supervision':
      return 'supervision';
    default:
      return null;
  }
}

/**
 * The stage that approves a record's archive number: `archive`, a supervisor's; for a supervision
 * record a second review by the business lead, since its author is the supervisor and a post may
 * have no other.
 */
export const archivingStage = (record: ArchiveRecord): Stage => (record.kind === 'supervision' ? 'supervision' : 'archive');
