import { staffFile } from '../../ledger/approval-scope.ts';
import type { Approval } from '../../ledger/ledger.ts';
import type { Roster } from '../../schemas/staff.ts';

/**
 * The roster that authorises an approval: the last APPROVED state of staff.yaml on main's
 * first-parent history before it. That is the adoption point's, until a valid `roster` approval
 * that changed staff.yaml makes its own state the approved one; a change that reached main any
 * other way grants nothing. Roster approvals are themselves judged by it, so the integrity pass
 * feeds it the valid approvals one by one, in first-parent order.
 */
export class RosterAuthority {
  private sha: string | null;

  constructor(
    private readonly rosterAt: (sha: string) => Roster | null,
    start: string | null,
  ) {
    this.sha = start;
  }

  /** The approved roster at this point of the walk (null when it cannot be read). */
  get current(): Roster | null {
    return this.sha === null ? null : this.rosterAt(this.sha);
  }

  /** Takes note of a valid approval. */
  accept(approval: Approval): void {
    if (approval.stage === 'roster' && approval.files.includes(staffFile)) this.sha = approval.sha;
  }
}
