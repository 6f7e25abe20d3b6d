import { quarterEnd, quarterOf } from '../dates.ts';
import { addDays } from '../dates.ts';
import type { Dice } from './seeded.ts';
import { Timeline, type RecordPlan, type Staffing } from './timeline.ts';

/**
 * C-QUARTERLY-HANDOVER: each quarter, a worker at a post that cannot store files hands the
 * originals of the cases closed that quarter to the business lead, a few days after the quarter
 * ends; the handover is submitted and approved (stage handover) like any record. Only cases whose
 * closing form reached main are listed: the list must hold closed cases.
 */
export function planHandovers(cases: readonly RecordPlan[], staffing: Staffing, dice: Dice, today: string): RecordPlan[] {
  const noStorage = new Set(staffing.roster.posts.filter((p) => !p.canStoreFiles).map((p) => p.id));
  const batches = new Map<string, { post: string; worker: string; quarter: string; cases: string[] }>();
  for (const plan of cases) {
    const post = String(plan.fields.post);
    const worker = String(plan.fields.worker);
    if (!noStorage.has(post) || !plan.closing || !reachedMain(plan)) continue;
    const quarter = quarterOf(plan.closing.day);
    const key = `${quarter} ${post} ${worker}`;
    const batch = batches.get(key) ?? { post, worker, quarter, cases: [] };
    batch.cases.push(plan.id);
    batches.set(key, batch);
  }
  const perYear = new Map<string, number>();
  const plans: RecordPlan[] = [];
  for (const { post, worker, quarter, cases: handed } of [...batches.values()].sort((a, b) => a.quarter.localeCompare(b.quarter) || a.post.localeCompare(b.post))) {
    const date = addDays(quarterEnd(quarter), dice.int(3, 10));
    if (addDays(date, 1) > today) continue;
    const year = date.slice(0, 4);
    const seq = String((perYear.get(year) ?? 0) + 1).padStart(4, '0');
    perYear.set(year, Number(seq));
    const id = `handovers/${year}-${seq}`;
    const t = new Timeline(staffing, dice, worker, post);
    const receivedBy = staffing.approver('handover', post, date);
    t.submit(addDays(date, 1), 'handover', (f) => Object.assign(f, { quarter, post, worker, receivedBy, date, cases: handed.sort() }));
    t.approve(addDays(date, dice.int(1, 2)), 'handover');
    plans.push({
      id,
      path: `content/handovers/${year}/${seq}.md`,
      category: '',
      fields: { id, quarter: undefined, post: undefined, worker: undefined, receivedBy: undefined, date: undefined, cases: [] },
      body: `## 移交说明\n\n${staffing.roster.posts.find((p) => p.id === post)?.name ?? post}不具备档案保管条件，${quarter} 结案的 ${handed.length} 个个案原件移交机构，社工留存复印件。（虚构合成数据）\n`,
      timeline: t,
    });
  }
  return plans;
}

/** Whether the submission with the closing form was merged before the history ends. */
function reachedMain(plan: RecordPlan): boolean {
  const steps = plan.timeline.steps;
  const at = steps.indexOf(plan.closing!.step);
  return at >= 0 && steps.slice(at).some((s) => s.what === 'approve');
}
