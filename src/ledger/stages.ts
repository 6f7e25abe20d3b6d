import type { RecordKind } from '../schemas/index.ts';
import type { Role } from '../schemas/staff.ts';

/** The approval stages of DOMAIN.md ("What approval means"), each a merge by the holder of `role`. */
export const stageDefinitions = {
  intake: { label: '接案审批', role: 'supervisor' },
  session: { label: '服务记录批阅', role: 'supervisor' },
  referral: { label: '转介审批', role: 'supervisor' },
  closing: { label: '结案审批', role: 'supervisor' },
  'hotline-review': { label: '热线个案补办审批', role: 'supervisor' },
  'employer-consent': { label: '用人单位同意', role: 'employer' },
  plan: { label: '计划书督导审批', role: 'supervisor' },
  'org-business': { label: '机构业务负责人审批', role: 'businessLead' },
  'org-head': { label: '机构负责人审批', role: 'orgHead' },
  funding: { label: '财务负责人签字', role: 'financeLead' },
  'report-supervisor': { label: '报告督导批阅', role: 'supervisor' },
  'report-business': { label: '报告业务负责人批阅', role: 'businessLead' },
  'report-head': { label: '报告机构负责人批阅', role: 'orgHead' },
  archive: { label: '存档审批', role: 'supervisor' },
  // The business lead carries out the audit (GR-AUDIT); the org head signs its record off.
  audit: { label: '抽查', role: 'orgHead' },
  handover: { label: '季度移交', role: 'businessLead' },
  // Supervision records are written by the supervisor; the business lead, who oversees the
  // supervisors and acts as one where a post has none, reviews them.
  supervision: { label: '督导记录审阅', role: 'businessLead' },
  roster: { label: '名册与配置变更', role: 'orgHead' },
} as const satisfies Record<string, { label: string; role: Role }>;

export type Stage = keyof typeof stageDefinitions;
export const isStage = (value: string): value is Stage => value in stageDefinitions;

const activityStages: Partial<Record<Stage, Stage[]>> = {
  plan: [],
  'org-business': ['plan'],
  'org-head': ['org-business'],
  // The finance lead signs, and the report is reviewed, after the org's sign-off (DOMAIN.md stage table).
  funding: ['org-head'],
  session: ['plan'],
  'report-supervisor': ['org-head'],
  'report-business': ['report-supervisor'],
  'report-head': ['report-business'],
  archive: ['report-head'],
};

/**
 * Which stages a record kind goes through, and which earlier stage each depends on (A-ORDER):
 * closing before intake, org sign-off before the supervisor's, the orgHead before the businessLead
 * are all out of order.
 */
export const stageOrder: Record<RecordKind | 'config', Partial<Record<Stage, Stage[]>>> = {
  case: { intake: [], session: ['intake'], referral: ['intake'], closing: ['intake'], archive: ['closing'] },
  consultation: { 'hotline-review': [], session: [], archive: [] },
  group: activityStages,
  // The employer's consent is evidenced in the record (CM-EMPLOYER-CONSENT); employers with a
  // git identity may also approve it as a stage of its own, which the plan does not wait for.
  community: { 'employer-consent': [], ...activityStages },
  audit: { audit: [] },
  handover: { handover: [] },
  // The archive number is approved in the same stage, a second time (archivingStage).
  supervision: { supervision: [] },
  config: { roster: [] },
};
