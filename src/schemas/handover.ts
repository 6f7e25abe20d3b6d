import { z } from 'zod';
import { isoDate, postId, recordId, staffId } from './common.ts';

/** C-QUARTERLY-HANDOVER: originals of a quarter's closed cases handed from a post to the org. */
export const handoverSchema = z.object({
  /** The record id of this handover. */
  id: recordId.describe('记录编号'),
  /** The quarter whose closed cases are handed over, e.g. 2026Q3. */
  quarter: z.string().regex(/^\d{4}Q[1-4]$/, '应为季度，例如 2026Q3').describe('季度'),
  /** The post that cannot store files. */
  post: postId.describe('岗位'),
  /** The worker handing over the originals. */
  worker: staffId.describe('移交社工'),
  /** Who at the org received them. */
  receivedBy: staffId.describe('接收人'),
  /** Date of the handover. */
  date: isoDate.describe('移交日期'),
  /** The closed cases whose originals were handed over; copies stay with the worker. */
  cases: z.array(recordId).min(1, '至少移交一个个案').describe('移交个案'),
});

export type HandoverRecord = z.output<typeof handoverSchema>;
