import type { WorkCalendar } from '../archive/calendar.ts';
import { stageDefinitions, type Stage } from '../ledger/stages.ts';
import { holdsRole, whoMayAct } from '../rules/roster.ts';
import type { Roster } from '../schemas/staff.ts';
import type { Value } from './frontmatter.ts';
import type { Dice } from './seeded.ts';

export type Fields = { [key: string]: Value };
/** How one submission changes the record's fields; none for an empty submission (a later stage of the same content). */
export type Change = (fields: Fields) => void;

/** One event of a record's history, in the record's own order. */
export interface Step {
  /** Unix seconds, +08:00 wall time. */
  at: number;
  day: string;
  what: 'submit' | 'reject' | 'approve';
  stage: Stage;
  /** Staff id of who commits (submit) or merges (reject, approve). */
  by: string;
  change?: Change;
  /** A rejection's reason. */
  reason?: string;
}

/** Who holds which role in the roster, on a given day. */
export class Staffing {
  constructor(readonly roster: Roster) {}

  /** The first person who may act in the stage's role for the post that day (a post without a supervisor: the business lead). */
  approver(stage: Stage, post: string, day: string): string {
    const id = whoMayAct(this.roster, stageDefinitions[stage].role, post, day)[0];
    if (!id) throw new Error(`no ${stageDefinitions[stage].role} for ${post} on ${day} in the roster`);
    return id;
  }

  /** Workers of the post who hold the role on `day` and a year on (a record stays with its worker). */
  workers(post: string, day: string, until: string): string[] {
    return this.roster.people.filter((p) => holdsRole(this.roster, p.id, 'worker', day, post) && holdsRole(this.roster, p.id, 'worker', until, post)).map((p) => p.id);
  }

  /** Everyone who is a worker somewhere on `day`. */
  allWorkers(day: string): string[] {
    return this.roster.people.filter((p) => holdsRole(this.roster, p.id, 'worker', day)).map((p) => p.id);
  }

  name(id: string): string {
    return this.roster.people.find((p) => p.id === id)?.name ?? id;
  }
}

const seconds = (day: string, hour: number, minute: number) => Date.parse(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`) / 1000;

/**
 * A record's history as its worker and approvers make it: submissions in the morning of the day
 * after the work they record, reviews in the afternoon. Times only move forward.
 */
export class Timeline {
  readonly steps: Step[] = [];

  constructor(
    private readonly staffing: Staffing,
    private readonly dice: Dice,
    readonly worker: string,
    readonly post: string,
  ) {}

  submit(day: string, stage: Stage, change?: Change): Step {
    return this.push({ at: seconds(day, 9, this.dice.int(0, 59)), day, what: 'submit', stage, by: this.worker, change });
  }

  approve(day: string, stage: Stage): void {
    this.push({ at: seconds(day, 16, this.dice.int(0, 59)), day, what: 'approve', stage, by: this.staffing.approver(stage, this.post, day) });
  }

  /** The reviewer returns the submission at noon; the worker fixes it and submits again in the afternoon. */
  rejectAndResubmit(day: string, stage: Stage, reason: string, fix: Change): void {
    this.push({ at: seconds(day, 12, this.dice.int(0, 29)), day, what: 'reject', stage, by: this.staffing.approver(stage, this.post, day), reason });
    this.push({ at: seconds(day, 14, this.dice.int(0, 29)), day, what: 'submit', stage, by: this.worker, change: fix });
  }

  /** The day of the last step. */
  get lastDay(): string {
    return this.steps.at(-1)?.day ?? '';
  }

  private push(step: Step): Step {
    const last = this.steps.at(-1);
    if (last && step.at <= last.at) throw new Error(`steps out of order on ${step.day}: ${step.what} ${step.stage} after ${last.what} ${last.stage}`);
    this.steps.push(step);
    return step;
  }
}

/** A generated record: its fields before the first submission, and the history that fills them in. */
export interface RecordPlan {
  id: string;
  path: string;
  category: string;
  /** Every key in the order the file lists them, unset until a submission fills it in. */
  fields: Fields;
  body: string;
  /** The personal data sealed under `client:`, when the record has a client block. */
  client?: { [key: string]: string };
  timeline: Timeline;
  /** Set once the archiving submissions are numbered, in the order they were made. */
  archiveNo?: string;
  /** A case's closing form: its date and the submission that carries it (C-QUARTERLY-HANDOVER lists closed cases). */
  closing?: { day: string; step: Step };
}

/** What every record planner is given. */
export interface PlanInput {
  id: string;
  path: string;
  /** The day the service starts: the intake, the consultation, or the plan. */
  start: string;
  post: string;
  worker: string;
  /** Whether the first submission is returned once before it is approved. */
  reject: boolean;
  dice: Dice;
  staffing: Staffing;
  calendar: WorkCalendar;
}

/** The placeholder a planner puts under `client:`; the sealed block replaces it when the file is written. */
export const sealedClient = 'sealed';

/** The fields every service record opens with, in the order the sample records list them (archiveNo comes with archiving). */
export const serviceFields = (id: string, title: string, category: string, post: string, worker: string): Fields => ({
  id,
  title,
  category,
  post,
  worker,
  participantFee: 0,
  archiveNo: undefined,
});
