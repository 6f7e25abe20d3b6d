import { z } from 'zod';
import { isoDate, serviceRecordBase, staffId, text, textList } from './common.ts';
import { disclosures } from './disclosure.ts';
import { clientSchema, profileSchema } from './person.ts';
import { sealedBlock } from './sealed.ts';

/** 接受个案服务同意书. G-CONSENT. */
const consent = z
  .object({
    /** Whether the client (or guardian) signed. */
    signed: z.literal(true, { errorMap: () => ({ message: '同意书须已签署（signed: true）' }) }).describe('已签署'),
    /** Date of signature. */
    date: isoDate.describe('签署日期'),
    /** Who signed: the client or a guardian. */
    signedBy: z.enum(['本人', '监护人'], { message: '应为 本人 或 监护人' }).describe('签署人'),
  })
  .describe('接受个案服务同意书');

/** 个案基本资料表: how the case came in. */
const basicInfo = z
  .object({
    /** Date the form was filled in. */
    date: isoDate.describe('填表日期'),
    /** How the client came to the service. */
    source: z
      .enum(['主动求助', '转介', '外展发现', '热线'], { message: '应为 主动求助、转介、外展发现 或 热线' })
      .describe('个案来源'),
    /** The presenting issue, described without identifying anyone. */
    presentingIssue: text.describe('求助问题'),
  })
  .describe('个案基本资料表');

/** 接案信息表. C-INTAKE-APPROVAL: sent to the supervisor, who must approve before any service. */
const intake = z
  .object({
    /** Intake date. */
    date: isoDate.describe('接案日期'),
    /** The worker's first assessment of need. */
    initialAssessment: text.describe('初步评估'),
  })
  .describe('接案信息表');

/** 服务使用者问题评估表. */
const assessment = z
  .object({
    /** Assessment date. */
    date: isoDate.describe('评估日期'),
    /** Problems identified. */
    problems: textList.describe('问题'),
    /** Summary of the assessment. */
    summary: text.describe('评估小结'),
  })
  .describe('服务使用者问题评估表');

/** 个案服务计划书. */
const plan = z
  .object({
    /** Plan date. */
    date: isoDate.describe('制定日期'),
    /** Service goals. */
    goals: textList.describe('服务目标'),
    /** Strategies and activities. */
    strategies: textList.describe('介入策略'),
  })
  .describe('个案服务计划书');

/** 个案记录表: one entry per session after intake approval. C-SESSION-RECORD. */
const session = z.object({
  /** Session date. */
  date: isoDate.describe('服务日期'),
  /** Form of contact. */
  mode: z.enum(['面谈', '电话', '家访', '外展', '线上'], { message: '应为 面谈、电话、家访、外展 或 线上' }).describe('服务方式'),
  /** What happened, without identifying third parties. */
  summary: text.describe('服务内容'),
});

/** A referral's reply from the receiving worker or agency. C-REFERRAL-REPLY. */
const referralReply = z.object({
  /** Date of the reply. */
  date: isoDate.describe('回复日期'),
  /** Whether the referral was accepted. */
  accepted: z.boolean({ invalid_type_error: '应为 true 或 false' }).describe('是否接收'),
  /** A note from the receiver. */
  note: z.string().optional().describe('回复说明'),
});

/** 个案转介表. C-REFERRAL. */
const referral = z.object({
  /** Date of the referral form. */
  date: isoDate.describe('转介日期'),
  /** 机构内 (to another worker of the org) or 机构间 (to another agency). */
  type: z.enum(['机构内', '机构间'], { message: '应为 机构内 或 机构间' }).describe('转介类型'),
  /** Receiving worker (internal referral). */
  toWorker: staffId.optional().describe('接收社工'),
  /** Receiving agency (external referral). */
  toAgency: z.string().optional().describe('接收机构'),
  /** Why the case is referred. */
  reason: text.describe('转介原因'),
  /** The needs assessment that supports the referral. */
  needsAssessment: text.describe('需求评估'),
  /** The client agreed to the referral. */
  clientConsent: z.boolean({ invalid_type_error: '应为 true 或 false' }).describe('案主同意转介'),
  /** The receiver's reply. */
  reply: referralReply.optional().describe('转介回复'),
});

/** 结案报告. C-CLOSE-APPROVAL. */
const closingReport = z
  .object({
    /** Report date. */
    date: isoDate.describe('报告日期'),
    /** Why the case closes. */
    reason: z
      .enum(['目标达成', '转介完成', '案主要求', '失去联系', '其他'], {
        message: '应为 目标达成、转介完成、案主要求、失去联系 或 其他',
      })
      .describe('结案原因'),
    /** Summary of the service and its outcome. */
    summary: text.describe('服务总结'),
  })
  .describe('结案报告');

/** 个案结束评估表. */
const closingEvaluation = z
  .object({
    /** Evaluation date. */
    date: isoDate.describe('评估日期'),
    /** How far the goals were met. */
    goalsMet: z.enum(['完全达成', '部分达成', '未达成'], { message: '应为 完全达成、部分达成 或 未达成' }).describe('目标达成情况'),
    /** Client's own evaluation. */
    clientFeedback: text.describe('案主评价'),
  })
  .describe('个案结束评估表');

/** 个案结案表. */
const closingForm = z
  .object({
    /** Date the case is closed. */
    date: isoDate.describe('结案日期'),
  })
  .describe('个案结案表');

/** One item of the 个案附件清单. */
const attachment = z.object({
  /** The form or document in the archive bag. */
  name: text.describe('附件名称'),
  /** Number of pages. */
  pages: z.number().int().positive('页数应为正整数').optional().describe('页数'),
});

/** 追踪服务 after closing. C-FOLLOW-UP. */
const followUp = z.object({
  /** Follow-up date. */
  date: isoDate.describe('追踪日期'),
  /** What the follow-up found. */
  summary: text.describe('追踪情况'),
});

/** 个案: a case, one file per case, every form as a key. */
export const caseSchema = z.object({
  ...serviceRecordBase,
  /** G-CONFIDENTIAL: emergency disclosures of the client's information (internal only). */
  disclosures,
  /** G-CONFIDENTIAL, G-ENCRYPTED-BAG: the client's personal data, encrypted; plaintext only where a record predates encryption (reported). */
  client: z.union([sealedBlock, clientSchema]),
  /** Non-identifying profile for the de-identified archive. */
  profile: profileSchema,
  /** G-CONSENT. */
  consent: consent.optional(),
  basicInfo,
  intake,
  assessment: assessment.optional(),
  plan: plan.optional(),
  sessions: z.array(session).default([]).describe('个案记录表'),
  referrals: z.array(referral).default([]).describe('个案转介表'),
  closingReport: closingReport.optional(),
  closingEvaluation: closingEvaluation.optional(),
  closingForm: closingForm.optional(),
  attachments: z.array(attachment).default([]).describe('个案附件清单'),
  followUps: z.array(followUp).default([]).describe('追踪服务'),
});

export type CaseRecord = z.output<typeof caseSchema>;
