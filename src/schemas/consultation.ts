import { z } from 'zod';
import { isoDate, serviceRecordBase, text } from './common.ts';
import { disclosures } from './disclosure.ts';
import { consultationClientSchema, profileSchema } from './person.ts';
import { sealedBlock } from './sealed.ts';

/** 结案信息表 of a consultation. */
const closing = z
  .object({
    /** Date the consultation closed. */
    date: isoDate.describe('结案日期'),
    /** Outcome and any information or referral given. */
    summary: text.describe('结案情况'),
  })
  .describe('结案信息表');

/**
 * 咨询 / 访谈: an information-only inquiry or interview without an opened case (C-INQUIRY),
 * including hotline consultations that go from intake to closing in a day (C-HOTLINE).
 */
export const consultationSchema = z.object({
  ...serviceRecordBase,
  /** G-CONFIDENTIAL: emergency disclosures of the client's information (internal only). */
  disclosures,
  /** Date of the consultation. */
  date: isoDate.describe('咨询日期'),
  /** How the person reached the service. */
  channel: z.enum(['面谈', '电话', '热线', '外展', '线上'], { message: '应为 面谈、电话、热线、外展 或 线上' }).describe('咨询方式'),
  /** C-HOTLINE: the hotline number (e.g. 12355), for hotline consultations. */
  hotline: z.string().optional().describe('热线号码'),
  /** G-CONFIDENTIAL: the person's personal data, if they gave any (个案基本资料表). */
  client: z.union([sealedBlock, consultationClientSchema]).optional(),
  /** Non-identifying profile (个案基本资料表). */
  profile: profileSchema.optional(),
  /** C-INQUIRY: purpose of the interview. */
  purpose: text.optional().describe('访谈目的'),
  /** C-INQUIRY: what was discussed and what information was given. */
  content: text.optional().describe('访谈内容'),
  /** C-INQUIRY: needs analysis and assessment. */
  needsAnalysis: text.optional().describe('需求分析及评估'),
  /** C-INQUIRY: closing information (结案信息表). */
  closing: closing.optional(),
});

export type ConsultationRecord = z.output<typeof consultationSchema>;
