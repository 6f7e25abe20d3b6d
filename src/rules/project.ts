import type { ConfigContext } from './context.ts';
import { reporter } from './context.ts';
import type { Finding } from './finding.ts';
import type { NumberedRecord } from './record-dates.ts';

/** A project named on a record is one of archive.yaml's projects (its figures count towards that project's targets). */
export function projectIsKnown(record: NumberedRecord, ctx: ConfigContext): Finding[] {
  const { project } = record.data;
  if (project === undefined || ctx.config.projects.some((p) => p.id === project)) return [];
  const known = ctx.config.projects.map((p) => p.id).join('、') || '（无）';
  return [reporter(record).error('SCHEMA', ['project'], `archive.yaml 中没有项目 ${project}；已有：${known}`)];
}
