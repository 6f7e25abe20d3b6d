import type { ChangeRoute } from '../ledger/ledger.ts';
import { isStage, stageDefinitions } from '../ledger/stages.ts';
import { roles, type Role } from '../schemas/staff.ts';

/**
 * The Chinese names of the keys people see in history and in staff.yaml: approval stages, roles
 * and the ways a change reaches main. Every user-facing text (CLI and site) names them from here.
 */
export const roleLabels: Record<Role, string> = {
  worker: '社工',
  supervisor: '督导',
  businessLead: '业务负责人',
  orgHead: '机构负责人',
  financeLead: '财务负责人',
  employer: '用人单位',
};

/** How an unapproved change reached main (a change carried by another approval is described where it is known). */
export const routeLabels: Record<Exclude<ChangeRoute, 'carried'>, string> = {
  squash: '压缩合并',
  rebase: '变基后推送',
  'fast-forward': '快进合并',
  'direct-push': '直接推送',
  'merge-without-approval': '没有审批信息的合并',
};

/** A stage key by its Chinese name (接案审批 for intake); an unknown key as written. */
export const stageLabel = (stage: string): string => (isStage(stage) ? stageDefinitions[stage].label : stage);

/** A role key by its Chinese name (督导 for supervisor); an unknown key as written. */
export const roleLabel = (role: string): string => ((roles as readonly string[]).includes(role) ? roleLabels[role as Role] : role);

/** When a record first reached the approved archive (the main branch). */
export const firstOnMainLabel = '首次进入正式档案';
