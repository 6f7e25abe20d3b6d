/**
 * Writes a generated record's frontmatter the way the sample records are written: forms as
 * block mappings, short list entries one line each (`- { date: …, mode: … }`, so each entry is a
 * line of its own in git's diffs), everything else nested. Values are strings,
 * numbers, booleans, lists and mappings; absent keys and empty lists are left out.
 */
export type Value = string | number | boolean | undefined | Value[] | { [key: string]: Value };
type Mapping = { [key: string]: Value };

const isMapping = (value: Value): value is Mapping => typeof value === 'object' && !Array.isArray(value);
const isPlain = (value: Value) => !isMapping(value) && !Array.isArray(value);
const present = (entries: [string, Value][]) => entries.filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0));

/** A scalar as YAML: dates and safe text plain, anything YAML could read otherwise quoted. */
function scalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const risky = value === '' || /^[\s\-?:!&*|>'"%@`~]|[:#,[\]{}]|\s$/.test(value) || /^([-+]?[\d.]+|true|false|yes|no|null|on|off)$/i.test(value);
  return risky ? JSON.stringify(value) : value;
}

const flow = (mapping: Mapping) => `{ ${present(Object.entries(mapping)).map(([k, v]) => `${k}: ${scalar(v as string)}`).join(', ')} }`;

/**
 * Only a short entry of scalars goes on one line (a session, an attachment). A form-sized entry
 * is written as a block, so one that grows a nested form later (a referral's reply) keeps its
 * first line: history still tells when the entry itself came.
 */
const fitsOnALine = (mapping: Mapping) => Object.keys(mapping).length <= 4 && Object.values(mapping).every(isPlain);

function block(mapping: Mapping, indent: string): string[] {
  return present(Object.entries(mapping)).flatMap(([key, value]) => entry(key, value, indent));
}

function entry(key: string, value: Value, indent: string): string[] {
  if (isMapping(value)) return [`${indent}${key}:`, ...block(value, `${indent}  `)];
  if (Array.isArray(value)) return [`${indent}${key}:`, ...value.flatMap((item) => listItem(item, `${indent}  `))];
  return [`${indent}${key}: ${scalar(value as string)}`];
}

function listItem(item: Value, indent: string): string[] {
  if (!isMapping(item)) return [`${indent}- ${scalar(item as string)}`];
  if (fitsOnALine(item)) return [`${indent}- ${flow(item)}`];
  const [first, ...rest] = block(item, `${indent}  `);
  return [`${indent}- ${(first as string).trimStart()}`, ...rest];
}

/** The frontmatter lines of `mapping`; `raw` lines (the sealed client block) go in at their key's place. */
export function frontmatterLines(mapping: Mapping, raw: Readonly<Record<string, readonly string[]>> = {}): string[] {
  return present(Object.entries(mapping)).flatMap(([key, value]) => (raw[key] ? [...raw[key]] : entry(key, value, '')));
}
