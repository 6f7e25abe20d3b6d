import type { ArchiveRecord } from '../records/archive-record.ts';
import { startDate } from '../rules/record-dates.ts';
import type { Project } from '../schemas/project.ts';
import { inPeriod } from './period.ts';

/**
 * The project a record belongs to: the one it names, or else the first project that funds its
 * post on the day the record starts. Null when none does.
 */
export function projectOf(record: ArchiveRecord, projects: readonly Project[]): string | null {
  const d = record.data as { project?: string; post?: string };
  if (d.project !== undefined) return d.project;
  if (d.post === undefined) return null;
  const date = startDate(record);
  return projects.find((p) => p.posts.includes(d.post as string) && inPeriod(date, p.period))?.id ?? null;
}
