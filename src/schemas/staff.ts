import { z } from 'zod';
import { isoDate, postId, staffId, text } from './common.ts';

/** The roles of DOMAIN.md. The client is never a user and so is not a role. */
export const roles = ['worker', 'supervisor', 'businessLead', 'orgHead', 'financeLead', 'employer'] as const;
export type Role = (typeof roles)[number];


/** One role held over a period; `to` is the last day held, open-ended when absent. */
const roleAssignment = z.object({
  /** The role. */
  role: z.enum(roles, { message: `应为 ${roles.join('、')} 之一` }).describe('角色'),
  /** First day the role is held. */
  from: isoDate.describe('起始日期'),
  /** Last day the role is held. */
  to: isoDate.optional().describe('结束日期'),
  /** Posts the role covers (a supervisor's posts, a worker's post); all posts when absent. */
  posts: z.array(postId).optional().describe('负责岗位'),
});

/** How a person appears in git and on git hosts, so that approvals map to the roster. */
const gitIdentity = z.object({
  /** Author names used in commits. */
  names: z.array(text).default([]).describe('提交署名'),
  /** Author e-mails used in commits. */
  emails: z.array(z.string().email('应为电子邮件地址')).default([]).describe('提交邮箱'),
  /** Logins on git hosts, e.g. github:lin-yw. */
  logins: z.array(z.string().regex(/^(github|gitlab|gitea):[\w.-]+$/, '应为 平台:用户名，例如 github:lin-yw')).default([]).describe('托管平台账号'),
});

/** An age X25519 public key. */
const ageRecipient = z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/, '应为 age 公钥（age1 开头，共 62 个字符），由 age-keygen 生成');

/** The organisation's escrow key: kept offline (e.g. in the org head's safe) so that no data is lost when staff keys are. */
const escrow = z.object({
  /** The escrow public key. */
  recipient: ageRecipient.describe('公钥'),
  /** Who keeps the private key and where, e.g. 机构负责人保险柜. */
  keptBy: text.describe('保管人及保管方式'),
});

/** A member of staff (or an employer's designated person). */
const person = z.object({
  /** Staff id, e.g. S03. */
  id: staffId.describe('编号'),
  /** Name as signed on forms. */
  name: text.describe('姓名'),
  /** Roles over time. */
  roles: z.array(roleAssignment).min(1, '至少有一个角色').describe('角色'),
  /** Git identities. */
  git: gitIdentity.default({}).describe('Git 身份'),
  /** Public SSH keys whose signatures approvals must carry (A-SIGNATURE), e.g. "ssh-ed25519 AAAA… name". */
  signingKeys: z.array(text).default([]).describe('签名公钥'),
  /** G-ENCRYPTED-BAG: the person's age public key (age1…); clients' personal data is encrypted to it while the person holds a role that reads case files. */
  encryptionKey: ageRecipient.optional().describe('加密公钥'),
});

/** A post (镇街岗位): where workers serve. */
const post = z.object({
  /** Post id, e.g. P01. */
  id: postId.describe('编号'),
  /** Name of the post. */
  name: text.describe('名称'),
  /** C-QUARTERLY-HANDOVER: false when the post cannot store files and hands originals to the org each quarter. */
  canStoreFiles: z.boolean().default(true).describe('可保管档案'),
});

/** content/staff.yaml: the roster. */
export const staffSchema = z.object({
  /** The organisation's name. */
  organisation: text.describe('机构名称'),
  posts: z.array(post).min(1, '至少有一个岗位').describe('岗位'),
  people: z.array(person).min(1, '至少有一名工作人员').describe('工作人员'),
  /** G-ENCRYPTED-BAG: every client block is also encrypted to this key. */
  escrow: escrow.optional().describe('托管密钥'),
});

export type Roster = z.output<typeof staffSchema>;
export type Person = Roster['people'][number];
