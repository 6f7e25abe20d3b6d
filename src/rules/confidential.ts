import { memoisedPer } from '../group-by.ts';
import type { ArchiveRecord } from '../records/archive-record.ts';
import type { Roster } from '../schemas/staff.ts';
import { knownValuesOf, textOutsideClient } from '../privacy/record-text.ts';
import { nameSuspects } from '../privacy/person-names.ts';
import { piiKindLabels, scanPii, type PiiHit } from '../privacy/pii-scan.ts';
import { forEachPublishedString } from '../privacy/published-fields.ts';
import type { PathSegment } from '../records/parse-yaml.ts';
import { recordKinds } from '../schemas/index.ts';
import { isPlainObject, labelAt } from '../schemas/walk.ts';
import type { RecordsContext, RosterContext } from './context.ts';
import { reporter } from './context.ts';
import type { Finding } from './finding.ts';
import type { NumberedRecord, ServiceRecord } from './record-dates.ts';
import { actsAsSupervisor, holdsRole } from './roster.ts';

/** G-ENCRYPTED-BAG (第三章第十条.2): a client's personal data is stored encrypted, never as plaintext. */
export function clientIsSealed(record: ArchiveRecord): Finding[] {
  if (!('client' in record.data) || !isPlainObject(record.data.client)) return [];
  return [
    reporter(record).error(
      'G-ENCRYPTED-BAG',
      ['client'],
      '服务对象个人资料以明文保存；档案须加密：运行 swa keys seal 加密，之后用 swa edit 修改',
    ),
  ];
}

/** Marks a reviewed false positive on its own line or the line below: `swa-pii-ok: 原因`. */
const suppression = /swa-pii-ok\s*[:：]?\s*(.*?)\s*(?:-->)?\s*$/;

/**
 * G-CONFIDENTIAL (第六章第三条): personal data appears only inside the encrypted client block;
 * never in the narrative, in any other field, or in a comment. Messages name the kind and the
 * line, never the value, since findings are shown on the archive site.
 */
export function noPersonalDataOutsideClient(record: ArchiveRecord, ctx: RecordsContext, knownValues = plaintextValues(record)): Finding[] {
  const text = textOutsideClient(record);
  return hitFindings(record, text, scanPii(text, { knownValues, allowedNumbers: ctx.config?.hotlines ?? [] }));
}

/** Findings for scanner hits in `text` (the record's lines, some blanked), after the reviewed suppressions. */
export function hitFindings(record: ArchiveRecord, text: string, hits: readonly PiiHit[]): Finding[] {
  if (hits.length === 0) return [];
  const starts = lineStarts(text.split('\n'));
  const findings: Finding[] = [];
  const reported = new Set<string>();
  const located = hits.map((hit) => ({ hit, line: lineAt(starts, hit.start) }));
  const linesWithHits = new Set(located.map((l) => l.line));
  const bodyStarts = frontmatterEnd(record.lines);
  for (const { hit, line } of located) {
    if (reported.has(`${line}:${hit.kind}`)) continue;
    // The record's own client data is never a false positive: no comment hides it.
    const reason = hit.kind === 'knownValue' ? undefined : suppressionReason(record.lines, line, linesWithHits);
    if (reason) continue;
    const where = line > bodyStarts ? '正文' : '表格字段或注释';
    const advice =
      hit.kind === 'knownValue'
        ? '；请改写（例如以“案主”代替姓名），不能用注释抑制'
        : reason === ''
          ? '；此处的 swa-pii-ok 注释未写明原因，不予抑制'
          : '；如经核实不是个人信息，在该行或上一行注明 swa-pii-ok: 原因';
    const message = `第 ${line} 行（${where}）出现${piiKindLabels[hit.kind]}：个人信息只能写在加密的 client 中${advice}`;
    const severity = hit.kind === 'residentIdSuspect' ? 'warning' : 'error';
    reported.add(`${line}:${hit.kind}`);
    findings.push({ rule: 'G-CONFIDENTIAL', severity, record: record.id, file: record.file, line, message });
  }
  return findings;
}

/** The roster's own names, which are no client's: staff, posts, signers. */
export const rosterNames = (ctx: RosterContext): ReadonlySet<string> => namesOf(ctx.roster);

/** Built once per roster: the rule asks for them for every record. */
const namesOf = memoisedPer((roster: Roster) => new Set([...roster.people.map((p) => p.name), ...roster.posts.map((p) => p.name)]));

/**
 * G-CONFIDENTIAL: a title or short published field that seems to name a person (王某, 李女士, a
 * signer field holding a name not on the roster). Without a key no one can know a client's name,
 * so this heuristic only warns; `swa approve --identity` checks the real values.
 */
export function noNamesInPublishedFields(record: NumberedRecord, ctx: RosterContext): Finding[] {
  const known = rosterNames(ctx);
  const report = reporter(record);
  const schema = recordKinds[record.kind].schema;
  const suspects: PathSegment[][] = [];
  forEachPublishedString(record.data, (s) => {
    if (s.short && nameSuspects(s.value, { whole: s.whole, known }).length > 0) suspects.push([...s.path]);
  });
  return suspects
    .filter((path) => !suppressionReason(record.lines, record.lineOf(path), new Set()))
    .map((path) =>
      report.warning(
        'G-CONFIDENTIAL',
        path,
        `「${labelAt(schema, path)}」疑似写有人名（姓氏加称谓，或整项只是一个不在名册中的姓名）：服务对象及其家人的姓名只能写在加密的 client 中；如经核实不是人名，在该行或上一行注明 swa-pii-ok: 原因`,
      ),
    );
}

/** G-CONFIDENTIAL: an emergency disclosure is approved by the supervisor of the post or the org head. */
export function disclosuresApproved(record: ServiceRecord, ctx: RosterContext): Finding[] {
  const report = reporter(record);
  return record.data.disclosures.flatMap((disclosure, i) => {
    const { approvedBy, date } = disclosure;
    if (actsAsSupervisor(ctx.roster, approvedBy, record.data.post, date) || holdsRole(ctx.roster, approvedBy, 'orgHead', date)) return [];
    return [
      report.error(
        'G-CONFIDENTIAL',
        ['disclosures', i, 'approvedBy'],
        `第${i + 1}次紧急披露的批准人 ${approvedBy} 在 ${date} 不是岗位 ${record.data.post} 的督导或机构负责人；紧急披露须经督导或机构负责人批准`,
      ),
    ];
  });
}

function plaintextValues(record: ArchiveRecord): string[] {
  return 'client' in record.data && isPlainObject(record.data.client) ? knownValuesOf(record.data.client) : [];
}

/**
 * The reviewed suppression of a line: a marker on the line itself, or on the line above when
 * that line is only the comment (has no hits of its own). undefined: none; '': no reason given.
 */
function suppressionReason(lines: readonly string[], line: number, linesWithHits: ReadonlySet<number>): string | undefined {
  const own = lines[line - 1];
  if (own?.includes('swa-pii-ok')) return suppression.exec(own)?.[1] ?? '';
  const above = lines[line - 2];
  if (above?.includes('swa-pii-ok') && !linesWithHits.has(line - 1)) return suppression.exec(above)?.[1] ?? '';
  return undefined;
}

function frontmatterEnd(lines: readonly string[]): number {
  const close = lines.findIndex((line, i) => i > 0 && /^---[ \t]*$/.test(line));
  return close < 0 ? lines.length : close + 1;
}

function lineStarts(lines: readonly string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return starts;
}

/** 1-based line of an offset, by binary search over the line starts. */
function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}
