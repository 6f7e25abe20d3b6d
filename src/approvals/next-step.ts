import { archivingStage, completingStage } from '../archive/completing-stage.ts';
import type { Stage } from '../ledger/stages.ts';
import type { ArchiveRecord } from '../records/archive-record.ts';
import { nextStage } from './next-stage.ts';

/** What the worker does next: submit a stage, or assign the archive number (`swa archive`). */
export type NextStep = { action: 'submit'; stage: Stage } | { action: 'archive' };

/**
 * The next step of a record with nothing waiting; null once it is archived (its number approved,
 * or imported with one). A completed service without a number goes to `swa archive`, which
 * assigns the number and submits the archive stage itself.
 */
export function nextStep(record: ArchiveRecord, approved: ReadonlySet<Stage>, imported: boolean): NextStep | null {
  const archiveNo = 'archiveNo' in record.data ? record.data.archiveNo : undefined;
  if (archiveNo !== undefined && (approved.has(archivingStage(record)) || imported)) return null;
  const completing = completingStage(record);
  if (completing && archiveNo === undefined && approved.has(completing)) return { action: 'archive' };
  return { action: 'submit', stage: nextStage(record, approved) };
}
