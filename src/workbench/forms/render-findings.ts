import type { Finding } from '../../rules/finding.ts';
import { html } from './html.ts';

const severityLabel = { error: '错误', warning: '提醒' } as const;

/** Findings as a list: the Chinese message and the rule it comes from. Empty text for none. The same markup for live updates. */
export function renderFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  return html`<ul class="finding-list">${findings.map(
    (finding) => html`<li class="finding finding-${finding.severity}"><span class="finding-severity">${severityLabel[finding.severity]}</span> ${finding.message} <code class="finding-rule">${finding.rule}</code></li>`,
  )}</ul>`.text;
}
