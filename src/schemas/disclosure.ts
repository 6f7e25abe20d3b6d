import { z } from 'zod';
import { isoDate, staffId, text } from './common.ts';

/**
 * G-CONFIDENTIAL (第六章第三条): a client's information reaches a third party only in an
 * emergency crisis, and every such disclosure is recorded. Internal only: never published.
 */
export const disclosureSchema = z.object({
  /** When the information was disclosed. */
  date: isoDate.describe('披露日期'),
  /** To whom (an organisation and a role, e.g. 派出所值班民警, 医院急诊科). */
  to: text.describe('披露对象'),
  /** The emergency that made it necessary. */
  reason: text.describe('紧急原因'),
  /** What was disclosed, by category (e.g. 姓名、住址), never the values themselves. */
  what: text.describe('披露内容类别'),
  /** The supervisor or org head who approved it. */
  approvedBy: staffId.describe('批准人'),
});

export const disclosures = z.array(disclosureSchema).default([]).describe('紧急披露登记');
export type Disclosure = z.output<typeof disclosureSchema>;
