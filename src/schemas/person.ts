import { z } from 'zod';
import { isoDate, text } from './common.ts';

/** A relative or guardian of the client. Confidential: lives only inside the client block. */
const relative = z.object({
  /** Name of the relative. */
  name: text.describe('姓名'),
  /** Relation to the client, e.g. 母亲. */
  relation: text.describe('关系'),
  /** Contact phone. */
  phone: z.string().optional().describe('联系电话'),
});

/**
 * G-CONFIDENTIAL: every piece of a client's personal data, under one key so that it can be
 * encrypted as one block and never rendered in the public site.
 */
export const clientSchema = z
  .object({
    /** Full name. */
    name: text.describe('姓名'),
    /** Date of birth. */
    birthDate: isoDate.optional().describe('出生日期'),
    /** Resident id number. */
    idNumber: z.string().optional().describe('身份证号'),
    /** Phone. */
    phone: z.string().optional().describe('联系电话'),
    /** Street address. */
    address: z.string().optional().describe('住址'),
    /** School or workplace. */
    schoolOrWork: z.string().optional().describe('学校或工作单位'),
    /** Guardians and relatives. */
    relatives: z.array(relative).optional().describe('监护人及家属'),
  })
  .describe('服务对象个人资料（保密）');

export type Client = z.output<typeof clientSchema>;

/** A consultation's caller may stay anonymous, so even the name is optional. */
export const consultationClientSchema = clientSchema.partial({ name: true });

/** Non-identifying facts about the client that the de-identified archive may show. */
export const profileSchema = z
  .object({
    /** Gender as the client states it. */
    gender: z.enum(['男', '女', '其他'], { message: '应为 男、女 或 其他' }).describe('性别'),
    /** Age band, never an exact age or birth date, e.g. 13-17. */
    ageBand: z
      .string()
      .regex(/^(\d{1,2}-\d{1,2}|\d{1,2}\+)$/, '应为年龄段，例如 13-17 或 60+')
      .describe('年龄段'),
    /** District or sub-district (区/镇街) at most; never a street address. */
    district: text.describe('所在区/镇街'),
  })
  .describe('服务对象概况（不含个人身份信息）');
