import type { RepositoryCheck } from '../../src/check/check-repository.ts';

/** What the integrity pass gives the rules and the commands, as plain data. */
export function verdicts(check: RepositoryCheck) {
  const history = check.history!;
  return {
    findings: check.findings,
    invalid: [...history.invalid].sort(),
    approvers: history.ledger.approvals.map((a, at) => [a.sha, history.approverAt(at)]).sort(),
    approvedRoster: history.approvedRoster,
    approvedConfig: history.approvedConfig,
  };
}
