import { configFiles, staffFile } from '../../ledger/approval-scope.ts';
import type { Approval } from '../../ledger/ledger.ts';
import type { ArchiveConfig } from '../../schemas/archive-config.ts';
import type { Roster } from '../../schemas/staff.ts';

const archiveFile = configFiles[1] as string;

/** Where the approved roster and configuration were read: a commit on main (null when there is none). */
export interface ApprovedAt {
  roster: string | null;
  config: string | null;
}

/**
 * The roster and the archive configuration that govern an approval: the last APPROVED state of
 * staff.yaml and archive.yaml on main's first-parent history before it. That is the adoption
 * point's, until a valid `roster` approval that changed the file makes its own state the approved
 * one; a change that reached main any other way grants nothing (no role, no key, no setting).
 * Roster approvals are themselves judged by it, so the integrity pass feeds it the valid
 * approvals one by one, in first-parent order, from `start` (the adoption point's, or where an
 * earlier pass stopped).
 */
export class RosterAuthority {
  private rosterSha: string | null;
  private configSha: string | null;

  constructor(
    private readonly rosterAt: (sha: string) => Roster | null,
    private readonly configAt: (sha: string) => ArchiveConfig | null,
    start: ApprovedAt,
  ) {
    this.rosterSha = start.roster;
    this.configSha = start.config;
  }

  /** The approved roster at this point of the walk (null when it cannot be read). */
  get roster(): Roster | null {
    return this.rosterSha === null ? null : this.rosterAt(this.rosterSha);
  }

  /** The approved archive configuration at this point of the walk (null when it cannot be read). */
  get config(): ArchiveConfig | null {
    return this.configSha === null ? null : this.configAt(this.configSha);
  }

  /** The commits whose staff.yaml and archive.yaml are the approved ones at this point of the walk. */
  get approvedAt(): ApprovedAt {
    return { roster: this.rosterSha, config: this.configSha };
  }

  /** Takes note of a valid approval. */
  accept(approval: Approval): void {
    if (approval.stage !== 'roster') return;
    if (approval.files.includes(staffFile)) this.rosterSha = approval.sha;
    if (approval.files.includes(archiveFile)) this.configSha = approval.sha;
  }
}
