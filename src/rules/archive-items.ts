import type { ServiceRecord } from './record-dates.ts';
import { caseArchiveItems, type ArchiveItem } from './case.ts';
import { communityArchiveItems } from './community.ts';
import { inquiryArchiveItems } from './consultation.ts';
import { groupArchiveItems } from './group.ts';

/** What a service record's archive bag holds, by the rule of its kind (C-ARCHIVE-COMPLETE, C-INQUIRY, GR-FORMS, CM-AS-GROUP). Pure. */
export function archiveItems(record: ServiceRecord): ArchiveItem[] {
  switch (record.kind) {
    case 'case':
      return caseArchiveItems(record.data);
    case 'consultation':
      return inquiryArchiveItems(record.data);
    case 'group':
      return groupArchiveItems(record);
    case 'community':
      return communityArchiveItems(record);
  }
}
