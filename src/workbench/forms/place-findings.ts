import type { Finding } from '../../rules/finding.ts';
import type { FormSection } from './form-types.ts';
import { rowFieldName, valueAt } from './form-values.ts';

/**
 * Moves each field's findings to the nearest thing the form shows: the field itself, else its
 * row, its list, its section. Findings about something the form does not show (the sealed block
 * when the client form is not rendered, the file as a whole) go under "".
 */
export function placeFindings(sections: readonly FormSection[], value: unknown, findings: ReadonlyMap<string, Finding[]>): Map<string, Finding[]> {
  const shown = shownNames(sections, value);
  const placed = new Map<string, Finding[]>();
  for (const [name, list] of findings) {
    let target = name;
    while (target !== '' && !shown.has(target)) target = target.includes('.') ? target.slice(0, target.lastIndexOf('.')) : '';
    placed.set(target, [...(placed.get(target) ?? []), ...list]);
  }
  return placed;
}

function shownNames(sections: readonly FormSection[], value: unknown): Set<string> {
  const names = new Set<string>();
  for (const section of sections) {
    names.add(section.key);
    for (const field of section.fields) {
      names.add(field.name);
      if (!field.row) continue;
      const rows = valueAt(value, field.path);
      const count = Array.isArray(rows) ? rows.length : 0;
      for (let index = 0; index < count; index++) {
        names.add(rowFieldName(field.name, index, ''));
        for (const sub of field.row) names.add(rowFieldName(field.name, index, sub.name));
      }
    }
  }
  return names;
}
