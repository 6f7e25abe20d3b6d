import { createHash } from 'node:crypto';
import { branchOnlyRecords, branchOnlyStatus, statusOf, type RecordStatus } from '../approvals/status.ts';
import { timelineOf } from '../approvals/timeline.ts';
import { groupBy } from '../group-by.ts';
import { dayOf } from '../ledger/commit.ts';
import type { ArchiveRecord } from '../records/archive-record.ts';
import type { RuleContext } from '../rules/context.ts';
import type { ArchiveItem } from '../rules/case.ts';
import type { Finding } from '../rules/finding.ts';
import type { HistoryContext } from '../rules/history/context.ts';
import type { Disclosure } from '../schemas/disclosure.ts';
import { recordKinds } from '../schemas/index.ts';
import { isPlainObject } from '../schemas/walk.ts';
import { archiveItems } from '../rules/archive-items.ts';
import { isServiceRecord, startDate } from '../rules/record-dates.ts';
import { rosterNames } from '../rules/confidential.ts';
import { publicFindingMessage, publicTimelineNote } from './public-facts.ts';
import { publicData, publicSchemas } from './public-schemas.ts';
import { siteStats, type SiteStats } from './site-stats.ts';
import type { z } from 'zod';
import { labelAt } from '../schemas/walk.ts';
import { stageOf } from './record-stage.ts';
import { sectionsOf, type Section } from './sections.ts';
import { coverFacts, type CoverFacts } from './cover-facts.ts';
import { recordTitle } from './record-title.ts';
import { namerOf, slugOf, type Namer, type Part } from './value-parts.ts';
import { withholdPersonal, withholdText, type WithholdOptions } from './withhold.ts';

export interface RecordView {
  id: string;
  /** URL path segment: cases-2026-0042. */
  slug: string;
  kind: string;
  kindLabel: string;
  title: string;
  category: string;
  categoryLabel: string;
  nature: string;
  archiveNo: string | null;
  worker: string;
  workerName: string;
  stage: string;
  /** The page header's facts (kind, category and stage unlabelled), empty ones left out. */
  meta: { label: string; value: Part[] }[];
  date: string;
  yearMonth: string;
  /** A stable pseudonym for the person served, e.g. 案主K3; never derived from their data. */
  pseudonym: string | null;
  profile: { gender: string; ageBand: string; district: string } | null;
  sections: Section[];
  /** 材料完整性: a service's archive-bag contents as the rules list them (C-ARCHIVE-COMPLETE, C-INQUIRY, GR-FORMS, CM-AS-GROUP); none for other kinds, which have no bag. */
  checklist: ArchiveItem[];
  timeline: { date: string; note: string; by: string; commit: string }[];
  findings: { rule: string; severity: string; message: string; line: number }[];
  waiting: { stage: string; candidates: string[] }[];
  /** Archived service records: the archive-bag cover's facts. */
  cover: CoverFacts | null;
  /** Internal builds only: the decrypted client block (null when no key opened it), the narrative body and the disclosure log. */
  confidential: { client: Record<string, unknown> | null; sealed: boolean; body: string; disclosures: Disclosure[] } | null;
}

/** Internal builds only: one emergency disclosure (G-CONFIDENTIAL), for the dashboard. */
export interface DisclosureView extends Disclosure {
  record: string;
  slug: string;
  approverName: string;
}

export interface SiteModel {
  internal: boolean;
  today: string;
  organisation: string;
  records: RecordView[];
  historyRead: boolean;
  /** New records that exist only on their submit/* branch, waiting for their first approval (no page yet). */
  branchOnly: { id: string; waiting: RecordView['waiting'] }[];
  /** Every emergency disclosure, newest first; always empty in a de-identified build. */
  disclosures: DisclosureView[];
  /** The year's service statistics and project targets (swa stats), aggregates only. */
  stats: SiteStats;
}

/**
 * The site's view model. In a de-identified build every record goes through its public schema
 * first, so nothing below can reach a client's personal data, and whatever the PII scanner or the
 * name heuristic flags in the rest is withheld; `internal` adds it back.
 */
export function siteModel(...args: Parameters<typeof siteModelInParts>): SiteModel {
  return wholeModel(siteModelInParts(...args));
}

/** The view model whole, from its parts: the records first, since the rest is complete once they are made. */
export function wholeModel(parts: ReturnType<typeof siteModelInParts>): SiteModel {
  const records = [...parts.records];
  return { ...parts.rest(), records };
}

/**
 * The view model in parts: its records one at a time, as they are made, and the rest once they
 * all are. `swa build` writes each record out and lets it go, so that 10,000 of them are never all
 * in memory beside the ledger they were made from.
 */
export function siteModelInParts(
  ctx: RuleContext,
  history: HistoryContext | null,
  findings: readonly Finding[],
  internal: boolean,
  /** Internal builds: the clients whose blocks the builder's key opened, by record id. */
  clients: ReadonlyMap<string, unknown> = new Map(),
  /** The records that exist only on their submit/* branch (see readBranchRecords). */
  branchRecords: readonly ArchiveRecord[] = [],
): { records: Iterable<RecordView>; rest: () => Omit<SiteModel, 'records'> } {
  const staffName = new Map(ctx.roster.people.map((p) => [p.id, p.name]));
  const privacy: WithholdOptions = { allowedNumbers: ctx.config.hotlines, known: rosterNames(ctx) };
  // Each record's findings looked up, not filtered from all of them for every record (a messy archive has thousands).
  const byRecord = groupBy(findings, (f) => [f.record]);
  const namer = namerOf(ctx.roster, new Set(ctx.records.map((r) => r.id)));
  const disclosures: DisclosureView[] = [];
  function* records(): Generator<RecordView> {
    for (const record of ctx.records) {
      const view = recordView(record, ctx, history, byRecord.get(record.id) ?? [], internal ? clients : null, staffName, privacy, namer);
      for (const d of view.confidential?.disclosures ?? []) disclosures.push({ ...d, record: view.id, slug: view.slug, approverName: staffName.get(d.approvedBy) ?? d.approvedBy });
      yield view;
    }
  }
  const rest = () => {
    const branchOnly = history ? branchOnlyRecords(history).map((id) => ({ id, waiting: waitingView(branchOnlyStatus(history, id, branchRecords.find((r) => r.id === id)), staffName) })) : [];
    return { internal, today: ctx.today, organisation: ctx.roster.organisation, historyRead: history !== null, branchOnly, disclosures: disclosures.sort((a, b) => b.date.localeCompare(a.date)), stats: siteStats(ctx) };
  };
  return { records: records(), rest };
}

function recordView(
  record: ArchiveRecord,
  ctx: RuleContext,
  history: HistoryContext | null,
  /** The record's own findings. */
  own: readonly Finding[],
  clients: ReadonlyMap<string, unknown> | null,
  staffName: Map<string, string>,
  privacy: WithholdOptions,
  namer: Namer,
): RecordView {
  const internal = clients !== null;
  const data = internal ? publicData(record.kind, record.data) : withholdPersonal(publicData(record.kind, record.data), privacy);
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
  // A header fact: a code by name, a list of codes joined, a number as it is.
  const fact = (key: string): Part[] => {
    const value = data[key];
    if (typeof value === 'number') return [{ text: String(value) }];
    if (Array.isArray(value)) return value.flatMap((v, i) => (i === 0 ? [namer(String(v))] : [{ text: '、' }, namer(String(v))]));
    return text(key) ? [namer(text(key))] : [];
  };
  const worker = text('worker') || text('auditor') || text('supervisor');
  const date = startDate(record);
  const profile = data.profile as RecordView['profile'] | undefined;
  const status = history && record.kind !== 'audit' && record.kind !== 'handover' ? statusOf(history, record) : null;
  const category = text('category');
  const stage = stageOf(record);
  const schema = publicSchemas[record.kind] as unknown as z.ZodTypeAny;
  const meta = [
    { label: '', value: [{ text: recordKinds[record.kind].label }] },
    { label: '', value: category ? [{ text: ctx.config.categories[category] ?? category }] : [] },
    { label: '', value: [{ text: stage }] },
    ...['target', 'worker', 'auditor', 'supervisor', 'supervisees', 'mode', 'hours', 'receivedBy', 'post'].map((key) => ({ label: labelAt(schema, [key]), value: fact(key) })),
    { label: text('date') ? labelAt(schema, ['date']) : '开始日期', value: date ? [{ text: date }] : [] },
  ].filter((m) => m.value.length > 0);
  return {
    id: record.id,
    slug: slugOf(record.id),
    kind: record.kind,
    kindLabel: recordKinds[record.kind].label,
    title: text('title') || recordTitle(record, namer),
    category,
    categoryLabel: ctx.config.categories[category] ?? category,
    nature: natureLabel(record, ctx),
    archiveNo: text('archiveNo') || null,
    worker,
    workerName: staffName.get(worker) ?? worker,
    stage,
    meta,
    date,
    yearMonth: date.slice(0, 7),
    pseudonym: record.kind === 'case' || record.kind === 'consultation' ? pseudonymOf(record.id) : null,
    profile: profile ?? null,
    sections: sectionsOf(record.kind, data, namer),
    checklist: isServiceRecord(record) ? archiveItems(record) : [],
    timeline: history ? timelineView(history, record.id, own, internal, staffName) : [],
    findings: own.map((f) => ({ rule: f.rule, severity: f.severity, message: internal ? f.message : withholdText(publicFindingMessage(f), privacy), line: f.line })),
    waiting: status ? waitingView(status, staffName) : [],
    cover: coverFacts(record, ctx.config, data),
    confidential: clients ? confidentialView(record, clients) : null,
  };
}

function waitingView(status: RecordStatus, staffName: Map<string, string>): RecordView['waiting'] {
  return status.waiting.map((w) => ({ stage: w.stage, candidates: w.candidates.map((c) => staffName.get(c) ?? c) }));
}

/**
 * The approval timeline: in an internal build with the notes git gives (reasons and all); in a
 * de-identified one rebuilt from structured facts, with only roster names for who acted.
 */
function timelineView(history: HistoryContext, id: string, findings: readonly Finding[], internal: boolean, staffName: Map<string, string>): RecordView['timeline'] {
  return timelineOf(history, id, findings).map((e) => {
    const rules = findings.filter((f) => f.record === id && f.message.includes(e.sha.slice(0, 8))).map((f) => f.rule);
    const by = e.by ? (staffName.get(e.by) ?? (internal ? e.by : '')) : '';
    const signed = history.signatures.get(e.sha)?.status === 'G';
    return { date: dayOf(e.time), note: internal ? e.note : publicTimelineNote(e, rules, signed), by, commit: e.sha.slice(0, 8) };
  });
}

function confidentialView(record: ArchiveRecord, clients: ReadonlyMap<string, unknown>): NonNullable<RecordView['confidential']> {
  const stored = 'client' in record.data ? record.data.client : undefined;
  const client = isPlainObject(stored) ? stored : clients.get(record.id);
  return {
    client: isPlainObject(client) ? client : null,
    sealed: typeof stored === 'string',
    body: record.body,
    disclosures: 'disclosures' in record.data ? record.data.disclosures : [],
  };
}

/** The nature (服务性质) by its Chinese name from archive.yaml, e.g. 个案; empty for audits and handovers. */
function natureLabel(record: ArchiveRecord, ctx: RuleContext): string {
  if (!(record.kind in ctx.config.kindNatures)) return '';
  const code = ctx.config.kindNatures[record.kind as keyof typeof ctx.config.kindNatures];
  return ctx.config.natures[code] ?? code;
}


/** 案主 + a letter and a digit from a hash of the record id: stable, and computed from no personal data. */
export function pseudonymOf(id: string): string {
  const hash = createHash('sha256').update(id).digest();
  return `案主${String.fromCharCode(65 + ((hash[0] ?? 0) % 26))}${(hash[1] ?? 0) % 10}`;
}
