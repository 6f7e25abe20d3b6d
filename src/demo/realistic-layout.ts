import { addDays, daysBetween } from '../dates.ts';
import type { ArchiveConfig } from '../schemas/archive-config.ts';
import { planActivity } from './plan-activity.ts';
import { planCase } from './plan-case.ts';
import { planConsultation } from './plan-consultation.ts';
import type { Dice } from './seeded.ts';
import type { RecordPlan, Staffing } from './timeline.ts';

/** The realistic mix, in percent of the records (documented in realistic.ts and the README). */
export const mix = { case: 55, consultation: 25, group: 12, community: 8 } as const;
export type GeneratedKind = keyof typeof mix;
/** Quarterly handovers (C-QUARTERLY-HANDOVER) follow from the cases closed at posts that cannot store files. */
export type LaidOutKind = GeneratedKind | 'handover';

const folders: Record<GeneratedKind, string> = { case: 'cases', consultation: 'consultations', group: 'groups', community: 'community' };
/** At most this many records of one kind start in a year: year folders stay under 500 files (ARCHITECTURE measured git's tree diffs turning quadratic in big folders). */
const perYear = 480;
export const firstYear = 2025;
/** The fixture roster's third post gets its worker in February 2025: services start in March. */
const firstDay = `${firstYear}-03-03`;
const posts = ['P01', 'P02', 'P03'];

export interface Layout {
  /** The day the history ends: the archive's "today". */
  today: string;
  plans: { kind: LaidOutKind; plan: RecordPlan }[];
}

/** How many records of each kind: the mix, with at least one of each once there are four records. */
function counts(records: number): Record<GeneratedKind, number> {
  const kinds = Object.keys(mix) as GeneratedKind[];
  const result = Object.fromEntries(kinds.map((k) => [k, Math.max(records >= kinds.length ? 1 : 0, Math.floor((records * mix[k]) / 100))])) as Record<GeneratedKind, number>;
  result.case += records - kinds.reduce((sum, k) => sum + result[k], 0);
  return result;
}

/**
 * Which records the archive holds: each kind spread over as many years as keep its year folders
 * small, starting on seeded days through each year, numbered in the order they started. The last
 * record of each kind starts two days before the end, so its first submission is still waiting.
 */
export function layOut(records: number, dice: Dice, staffing: Staffing, config: ArchiveConfig): Layout {
  const count = counts(records);
  const years = Math.max(1, ...Object.values(count).map((c) => Math.ceil(c / perYear)));
  const today = `${firstYear + years - 1}-12-31`;
  const plans: Layout['plans'] = [];
  let rejectedOne = false;
  for (const kind of Object.keys(mix) as GeneratedKind[]) {
    for (let y = 0; y < years; y++) {
      const year = firstYear + y;
      const inYear = Math.floor(((y + 1) * count[kind]) / years) - Math.floor((y * count[kind]) / years);
      const from = y === 0 ? firstDay : `${year}-01-05`;
      const span = daysBetween(from, `${year}-12-20`);
      const starts = Array.from({ length: inYear }, () => addDays(from, Math.floor(dice.unit() * span))).sort();
      if (y === years - 1 && starts.length > 0) starts[starts.length - 1] = addDays(today, -2);
      starts.forEach((start, i) => {
        const seq = String(i + 1).padStart(4, '0');
        const post = dice.pick(posts);
        const workers = staffing.workers(post, start, addDays(start, 400));
        // The first case is returned once at intake; about one in seventy first submissions is.
        const reject = (kind === 'case' && !rejectedOne) || (kind !== 'consultation' && dice.chance(0.015));
        if (kind === 'case') rejectedOne = true;
        const input = { id: `${folders[kind]}/${year}-${seq}`, path: `content/${folders[kind]}/${year}/${seq}.md`, start, post, worker: dice.pick(workers), reject, dice, staffing, calendar: config };
        const plan = kind === 'case' ? planCase(input) : kind === 'consultation' ? planConsultation(input) : planActivity(kind, input);
        plans.push({ kind, plan });
      });
    }
  }
  return { today, plans };
}
