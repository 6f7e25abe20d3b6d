const header = 'client: |\n';
const flowRoot = /^(?:\s|#.*\n)*[[{]/;
const armorLine = /^( +)(?:-----(?:BEGIN|END) AGE ENCRYPTED FILE-----|[A-Za-z0-9+/=]+)$/;

/**
 * Takes a top-level `client: |` block of ASCII armor out of a YAML mapping before it is parsed,
 * giving its value as YAML would (each line without the block's indentation, one final newline)
 * and the mapping with `client: ''` in its place. The armor is most of a case's frontmatter, and
 * a YAML parser reads it one character at a time.
 *
 * Only the plainest form is taken: the header exactly `client: |`, every line indented alike and
 * all armor characters, then a new top-level key or the end. Anything else (a comment, a blank
 * line, another indentation, chomping indicators, a flow document) returns null, and the whole
 * text is parsed as it is. The caller still checks the result (see parse-yaml.ts).
 */
export function liftArmor(yaml: string): { yaml: string; armor: string } | null {
  // A document written as one flow mapping or sequence can hold a column-0 `client: |` line inside it.
  if (flowRoot.test(yaml)) return null;
  const at = yaml.startsWith(header) ? 0 : yaml.indexOf(`\n${header}`) + 1;
  if (at === 0 && !yaml.startsWith(header)) return null;
  const lines: string[] = [];
  let indent = -1;
  let position = at + header.length;
  while (position < yaml.length) {
    const newline = yaml.indexOf('\n', position);
    if (newline < 0) return null;
    const match = armorLine.exec(yaml.slice(position, newline));
    if (!match) break;
    const width = (match[1] as string).length;
    if (indent < 0) indent = width;
    else if (width !== indent) return null;
    lines.push(match[0].slice(indent));
    position = newline + 1;
  }
  if (lines.length === 0) return null;
  const next = yaml[position];
  if (next === ' ' || next === '\t' || next === '\n' || next === '#') return null;
  return { yaml: `${yaml.slice(0, at)}client: ''\n${yaml.slice(position)}`, armor: `${lines.join('\n')}\n` };
}
