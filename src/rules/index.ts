import type { ArchiveRecord } from '../records/archive-record.ts';
import type { RecordKind } from '../schemas/index.ts';
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
import { clientIsSealed, disclosuresApproved, noPersonalDataOutsideClient } from './confidential.ts';
import { hotlineIsKnown, inquiryIsRecorded } from './consultation.ts';
import type { RecordRule, RuleContext } from './context.ts';
import type { Finding } from './finding.ts';
import { serviceIsFree, staffReferencesExist } from './general.ts';
import { groupFormsComplete, recruitmentBeforeStart, sessionsAreReviewed } from './group.ts';
import { handoverIsValid, handoversNotMissing } from './handover.ts';

const serviceRules = [serviceIsFree, staffReferencesExist, categoryIsKnown, archiveNumberIsWellFormed, disclosuresApproved, noPersonalDataOutsideClient];
const activityRules = [planIsEarly, safetyIsPlanned, fundingIsSigned, reportIsOnTime, pastMeetingsRecorded];

/** Every content rule, by record kind. Rules that need git history live with the ledger. */
const recordRules: { [K in RecordKind]: RecordRule<K>[] } = {
  case: [
    ...serviceRules,
    clientIsSealed,
    noServiceBeforeIntake,
    consentBeforeService,
    referralIsComplete,
    closingFollowsReport,
    followUpAfterClosing,
    followedUp,
    archiveIsComplete,
  ],
  consultation: [...serviceRules, clientIsSealed, inquiryIsRecorded, hotlineIsKnown],
  group: [...serviceRules, ...activityRules, recruitmentBeforeStart, sessionsAreReviewed, groupFormsComplete],
  community: [
    ...serviceRules,
    ...activityRules,
    needsBeforePlan,
    employerConsentBeforePlan,
    emergencyIsPlanned,
    processIsRecorded,
    activitiesAreRecorded,
    communityFormsComplete,
  ],
  audit: [auditIsValid, noPersonalDataOutsideClient],
  handover: [handoverIsValid, noPersonalDataOutsideClient],
};

/** Rules over the whole archive rather than one record. */
const archiveRules: ((ctx: RuleContext) => Finding[])[] = [archiveNumbersAreUnique, handoversNotMissing];

export function runContentRules(ctx: RuleContext): Finding[] {
  // Loops rather than nested flatMaps: a rule finds nothing in almost every record, and an
  // array per record and rule was a noticeable part of checking 10,000 records.
  const findings: Finding[] = [];
  for (const record of ctx.records) {
    for (const rule of rulesFor(record)) for (const finding of rule(record, ctx)) findings.push(finding);
  }
  for (const rule of archiveRules) for (const finding of rule(ctx)) findings.push(finding);
  return findings;
}

function rulesFor(record: ArchiveRecord): RecordRule<RecordKind>[] {
  return recordRules[record.kind] as RecordRule<RecordKind>[];
}
