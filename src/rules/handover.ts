import { quarterEnd, quarterOf } from '../dates.ts';
import type { ArchiveRecord, RecordOfKind } from '../records/archive-record.ts';
import type { Roster } from '../schemas/staff.ts';
import type { RecordRule, RosterContext } from './context.ts';
import { reporter } from './context.ts';
import type { Finding } from './finding.ts';

/** C-QUARTERLY-HANDOVER (第四条): a post that cannot store files hands over the originals of the quarter's closed cases. */
export const handoverIsValid: RecordRule<'handover', RosterContext> = (record, ctx) => {
  const report = reporter(record);
  const { post, quarter, cases, worker, receivedBy } = record.data;
  const findings: Finding[] = [];
  const postEntry = ctx.roster.posts.find((p) => p.id === post);
  if (!postEntry) findings.push(report.error('C-QUARTERLY-HANDOVER', ['post'], `staff.yaml 中没有岗位 ${post}`));
  else if (postEntry.canStoreFiles) {
    findings.push(report.warning('C-QUARTERLY-HANDOVER', ['post'], `岗位 ${post}（${postEntry.name}）可以保管档案（canStoreFiles），无需季度移交`));
  }
  for (const [key, id] of [['worker', worker], ['receivedBy', receivedBy]] as const) {
    if (!ctx.roster.people.some((p) => p.id === id)) findings.push(report.error('C-QUARTERLY-HANDOVER', [key], `staff.yaml 中没有工作人员 ${id}`));
  }
  cases.forEach((id, i) => {
    const at = ['cases', i];
    const handed = ctx.byId.get(id);
    if (ctx.unparsed.has(id)) return;
    if (!handed || handed.kind !== 'case') {
      findings.push(report.error('C-QUARTERLY-HANDOVER', at, `移交清单中的 ${id} 不是存在的个案记录`));
      return;
    }
    const closed = handed.data.closingForm?.date;
    if (closed === undefined) findings.push(report.error('C-QUARTERLY-HANDOVER', at, `${id} 尚未结案；只移交已结案个案的原件`));
    else if (quarterOf(closed) !== quarter) {
      findings.push(report.error('C-QUARTERLY-HANDOVER', at, `${id} 于 ${closed}（${quarterOf(closed)}）结案，不属于 ${quarter}`));
    }
    if (handed.data.post !== post) findings.push(report.error('C-QUARTERLY-HANDOVER', at, `${id} 属于岗位 ${handed.data.post}，不是 ${post}`));
  });
  return findings;
};

/** Whether C-QUARTERLY-HANDOVER asks for this record's originals: a closed case at a post the roster says cannot store files. */
export function awaitsHandover(record: ArchiveRecord, roster: Roster): record is RecordOfKind<'case'> & { data: { closingForm: object } } {
  return record.kind === 'case' && record.data.closingForm !== undefined && roster.posts.some((p) => p.id === record.data.post && !p.canStoreFiles);
}

/** Closed cases of posts that cannot store files whose originals no handover of their quarter lists. */
export function casesAwaitingHandover(ctx: RosterContext): { record: RecordOfKind<'case'>; quarter: string }[] {
  const handedOver = new Set(
    ctx.records.flatMap((r) => (r.kind === 'handover' ? r.data.cases.map((id) => `${r.data.quarter}:${id}`) : [])),
  );
  return ctx.records.flatMap((record) => {
    if (!awaitsHandover(record, ctx.roster)) return [];
    const quarter = quarterOf(record.data.closingForm.date);
    return handedOver.has(`${quarter}:${record.id}`) ? [] : [{ record, quarter }];
  });
}

/** C-QUARTERLY-HANDOVER: once a quarter has ended, each of its closed cases at such a post has been handed over. */
export function handoversNotMissing(ctx: RosterContext): Finding[] {
  return casesAwaitingHandover(ctx)
    .filter(({ quarter }) => quarterEnd(quarter) < ctx.today)
    .map(({ record, quarter }) =>
      reporter(record).warning(
        'C-QUARTERLY-HANDOVER',
        ['closingForm'],
        `岗位 ${record.data.post} 不能保管档案：本个案于 ${quarter} 结案，季度结束（${quarterEnd(quarter)}）后应将原件移交机构（swa handover --quarter ${quarter}）`,
      ),
    );
}
