import type { z } from 'zod';
import { auditSchema } from './audit.ts';
import { caseSchema } from './case.ts';
import { communitySchema } from './community.ts';
import { consultationSchema } from './consultation.ts';
import { groupSchema } from './group.ts';
import { handoverSchema } from './handover.ts';
import { supervisionSchema } from './supervision.ts';

/** Every record kind: its folder under content/, its Chinese name and its schema. */
export const recordKinds = {
  case: { dir: 'cases', label: '个案', schema: caseSchema },
  consultation: { dir: 'consultations', label: '咨询', schema: consultationSchema },
  group: { dir: 'groups', label: '小组', schema: groupSchema },
  community: { dir: 'community', label: '社区', schema: communitySchema },
  audit: { dir: 'audits', label: '抽查', schema: auditSchema },
  handover: { dir: 'handovers', label: '季度移交', schema: handoverSchema },
  supervision: { dir: 'supervision', label: '督导', schema: supervisionSchema },
} as const;

export type RecordKind = keyof typeof recordKinds;
export type RecordData<K extends RecordKind> = z.output<(typeof recordKinds)[K]['schema']>;

/** The kinds that are services and carry an archive number. */
export const serviceKinds = ['case', 'consultation', 'group', 'community'] as const;
export type ServiceKind = (typeof serviceKinds)[number];

/** The kinds that carry an archive number (G-ARCHIVE-NO): the services and supervision (督导, G-ARCHIVE-CONTENT). */
export const numberedKinds = [...serviceKinds, 'supervision'] as const;
export type NumberedKind = (typeof numberedKinds)[number];

export const kindByDir: ReadonlyMap<string, RecordKind> = new Map(
  (Object.keys(recordKinds) as RecordKind[]).map((kind) => [recordKinds[kind].dir, kind]),
);
