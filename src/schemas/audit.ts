import { z } from 'zod';
import { isoDate, recordId, staffId, text } from './common.ts';

const score = z.number({ invalid_type_error: '应为 0 到 100 的分数' }).min(0, '分数最低 0').max(100, '分数最高 100');

/** GR-AUDIT: the businessLead's spot check of an archived group or community activity. */
export const auditSchema = z.object({
  /** The record id of this audit. */
  id: recordId.describe('记录编号'),
  /** The archived group or community record that was checked. */
  target: recordId.describe('抽查对象'),
  /** The businessLead who checked it. */
  auditor: staffId.describe('抽查人'),
  /** Date of the check. */
  date: isoDate.describe('抽查日期'),
  /** Scores that feed the half-year and annual reviews. */
  scores: z
    .object({
      /** 完整性. */
      completeness: score.describe('完整性'),
      /** 规范性. */
      standardization: score.describe('规范性'),
      /** 专业性. */
      professionalism: score.describe('专业性'),
    })
    .describe('评分'),
  /** Remarks. */
  notes: text.optional().describe('备注'),
});

export type AuditRecord = z.output<typeof auditSchema>;
