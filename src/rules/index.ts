import type { ArchiveRecord } from '../records/archive-record.ts';
import type { RecordKind } from '../schemas/index.ts';
import type { Roster } from '../schemas/staff.ts';
import { fundingIsSigned, pastMeetingsRecorded, planIsEarly, reportIsOnTime, safetyIsPlanned } from './activity.ts';
import { archiveNumberIsWellFormed, archiveNumbersAreUnique, categoryIsKnown } from './archive-number.ts';
import { auditIsValid } from './audit.ts';
import {
  archiveIsComplete,
  closingFollowsReport,
  consentBeforeService,
  followedUp,
  followUpAfterClosing,
  noServiceBeforeIntake,
  referralIsComplete,
} from './case.ts';
import {
  activitiesAreRecorded,
  communityFormsComplete,
  emergencyIsPlanned,
  employerConsentBeforePlan,
  needsBeforePlan,
  processIsRecorded,
} from './community.ts';
import { clientIsSealed, disclosuresApproved, noNamesInPublishedFields, noPersonalDataOutsideClient } from './confidential.ts';
import { hotlineIsKnown, inquiryIsRecorded } from './consultation.ts';
import type { ConfigContext, RecordRule, RecordsContext, RosterContext } from './context.ts';
import type { Finding } from './finding.ts';
import { digestOf, type FindingsMemo } from './findings-memo.ts';
import { serviceIsFree, staffReferencesExist } from './general.ts';
import { groupFormsComplete, recruitmentBeforeStart, sessionsAreReviewed } from './group.ts';
import { handoverIsValid, handoversNotMissing } from './handover.ts';
import { projectIsKnown } from './project.ts';
import { discussedRecordsExist, followUpsCarried, supervisorHeldRole } from './supervision.ts';

/** The rules that need one context: by record kind, then those over the whole archive. */
interface Tier<C extends RecordsContext> {
  records: { [K in RecordKind]: RecordRule<K, C>[] };
  archive: ((ctx: C) => Finding[])[];
}

// Every content rule sits in exactly one tier, by what it reads besides the records: a broken
// staff.yaml or archive.yaml stops only the tier that needs it. Rules that need git history live with the ledger.

/** Rules that read the records alone (the PII scan spares archive.yaml's hotlines when that file can be read). */
const ownRules: Tier<RecordsContext> = {
  records: {
    case: [serviceIsFree, noPersonalDataOutsideClient, clientIsSealed, noServiceBeforeIntake, consentBeforeService, closingFollowsReport, followUpAfterClosing, archiveIsComplete],
    consultation: [serviceIsFree, noPersonalDataOutsideClient, clientIsSealed, inquiryIsRecorded],
    group: [serviceIsFree, noPersonalDataOutsideClient, safetyIsPlanned, recruitmentBeforeStart, groupFormsComplete],
    community: [
      serviceIsFree,
      noPersonalDataOutsideClient,
      safetyIsPlanned,
      needsBeforePlan,
      employerConsentBeforePlan,
      emergencyIsPlanned,
      processIsRecorded,
      activitiesAreRecorded,
      communityFormsComplete,
    ],
    audit: [noPersonalDataOutsideClient],
    handover: [noPersonalDataOutsideClient],
    supervision: [noPersonalDataOutsideClient, discussedRecordsExist, followUpsCarried],
  },
  archive: [archiveNumbersAreUnique],
};

/** Rules that need the roster (staff.yaml): people, posts, roles and signers. */
const rosterRules: Tier<RosterContext> = {
  records: {
    case: [staffReferencesExist, disclosuresApproved, noNamesInPublishedFields, referralIsComplete],
    consultation: [staffReferencesExist, disclosuresApproved, noNamesInPublishedFields],
    group: [staffReferencesExist, disclosuresApproved, noNamesInPublishedFields, fundingIsSigned, sessionsAreReviewed],
    community: [staffReferencesExist, disclosuresApproved, noNamesInPublishedFields, fundingIsSigned],
    audit: [auditIsValid],
    handover: [handoverIsValid],
    supervision: [noNamesInPublishedFields, supervisorHeldRole],
  },
  archive: [handoversNotMissing],
};

/** Rules that need the code tables and deadlines (archive.yaml). */
const configRules: Tier<ConfigContext> = {
  records: {
    case: [categoryIsKnown, archiveNumberIsWellFormed, projectIsKnown, followedUp],
    consultation: [categoryIsKnown, archiveNumberIsWellFormed, projectIsKnown, hotlineIsKnown],
    group: [categoryIsKnown, archiveNumberIsWellFormed, projectIsKnown, planIsEarly, reportIsOnTime, pastMeetingsRecorded],
    community: [categoryIsKnown, archiveNumberIsWellFormed, projectIsKnown, planIsEarly, reportIsOnTime, pastMeetingsRecorded],
    audit: [],
    handover: [],
    supervision: [categoryIsKnown, archiveNumberIsWellFormed, projectIsKnown],
  },
  archive: [],
};

/**
 * The kinds whose per-record rules read the record alone, with the date, the roster and the code
 * tables: what they found may be recalled from a memo. Audits, handovers and supervision
 * records look at other records, and are always judged.
 */
const recalledKinds: ReadonlySet<RecordKind> = new Set(['case', 'consultation', 'group', 'community']);

/**
 * Every content rule whose inputs are there: a tier runs only when the file it needs could be
 * read. With a `memo`, a record of the recalled kinds unchanged under the same date, roster and
 * code tables gives what its rules found last time. With `judged` (record files), the per-record
 * rules run on those records alone (a record rule reports on its own record only); the rules over
 * the whole archive still see every record.
 */
export function runContentRules(ctx: RecordsContext & { roster?: Roster }, memo?: FindingsMemo, judged?: ReadonlySet<string>): Finding[] {
  const tiers: [Tier<RecordsContext>, RecordsContext][] = [[ownRules, ctx]];
  if (ctx.roster) tiers.push([rosterRules as Tier<RecordsContext>, { ...ctx, roster: ctx.roster } as RosterContext]);
  if (ctx.config) tiers.push([configRules as Tier<RecordsContext>, { ...ctx, config: ctx.config } as ConfigContext]);
  const recalled = memo && recall(ctx, tiers, memo, judged);
  const findings: Finding[] = [];
  tiers.forEach(([tier, tierCtx], i) => {
    // Loops rather than nested flatMaps: a rule finds nothing in almost every record, and an
    // array per record and rule was a noticeable part of checking 10,000 records.
    for (const record of ctx.records) {
      if (judged && !judged.has(record.file)) continue;
      const found = recalled?.get(record);
      if (found) for (const finding of found[i] as Finding[]) findings.push(finding);
      else runRecordRules(tier, record, tierCtx, findings);
    }
    for (const rule of tier.archive) for (const finding of rule(tierCtx)) findings.push(finding);
  });
  return findings;
}

/** Each recalled-kind record's findings, one list per tier: from the memo, or judged now and kept in it. */
function recall(ctx: RecordsContext & { roster?: Roster }, tiers: [Tier<RecordsContext>, RecordsContext][], memo: FindingsMemo, judged?: ReadonlySet<string>): Map<ArchiveRecord, Finding[][]> {
  const inputs = digestOf(ctx.today, JSON.stringify(ctx.roster ?? null), JSON.stringify(ctx.config ?? null));
  const recalled = new Map<ArchiveRecord, Finding[][]>();
  for (const record of ctx.records) {
    if (!recalledKinds.has(record.kind) || (judged && !judged.has(record.file))) continue;
    const { found, key } = memo.recall(record, inputs);
    if (found?.length === tiers.length) {
      recalled.set(record, found);
      continue;
    }
    const fresh = tiers.map(([tier, tierCtx]) => {
      const own: Finding[] = [];
      runRecordRules(tier, record, tierCtx, own);
      return own;
    });
    memo.keep(record, key, fresh);
    recalled.set(record, fresh);
  }
  return recalled;
}

function runRecordRules<C extends RecordsContext>(tier: Tier<C>, record: ArchiveRecord, ctx: C, findings: Finding[]): void {
  for (const rule of tier.records[record.kind] as RecordRule<RecordKind, C>[]) for (const finding of rule(record, ctx)) findings.push(finding);
}
