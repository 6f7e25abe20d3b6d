import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-swa.ts';

type Version = [number, number, number];

const parse = (text: string): Version => {
  const [major = 0, minor = 0, patch = 0] = text.replace(/^v/, '').split('.').map(Number);
  return [major, minor, patch];
};
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Whether `version` satisfies one comparator of an engines range: >=X, ^X.Y.Z, X.Y.Z, X (the forms package-lock.json holds). */
function satisfiesComparator(version: Version, comparator: string): boolean {
  const [, op = '', rest = ''] = /^(>=|\^|)\s*(.+)$/.exec(comparator) ?? [];
  const bound = parse(rest);
  const parts = rest.split('.').length;
  if (op === '>=') return compare(version, bound) >= 0;
  if (op === '^') return version[0] === bound[0] && compare(version, bound) >= 0;
  return parts === 1 ? version[0] === bound[0] : compare(version, bound) === 0;
}

const satisfies = (version: Version, range: string) =>
  range.split('||').some((set) => (set.trim().match(/(>=|\^)?\s*[\d.]+/g) ?? []).every((comparator) => satisfiesComparator(version, comparator.trim())));

describe('npm install on the Node lines the package declares', () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { engines: { node: string } };
  /** The first release of each line package.json admits (^20.19.0 || ^24.0.0: 20.19.0 and 24.0.0), the lines `.ci/run` tests. */
  const lowest = pkg.engines.node.split('||').map((set) => parse(/[\d.]+/.exec(set)?.[0] ?? '0'));

  it('admits Node 20.19 and Node 24, the two lines .ci/run tests', () => {
    expect(lowest).toEqual([
      [20, 19, 0],
      [24, 0, 0],
    ]);
    expect(satisfies([22, 12, 0], pkg.engines.node)).toBe(false);
  });

  it.each(lowest.map((v) => [v.join('.'), v] as const))('installs no dependency whose engines exclude Node %s (no EBADENGINE warning)', (_label, version) => {
    const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: { node?: string } | string[] }> };
    const excluding = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const range = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
      return range && !satisfies(version, range) ? [`${path} (${range})`] : [];
    });
    expect(excluding).toEqual([]);
  });
});
