/** A text with some characters removed, and where each remaining character came from. */
export interface JoinedView {
  text: string;
  /** `origin[i]` is the index in the original text of `text[i]`. */
  origin: Int32Array;
}

/**
 * Where a number was broken over lines: the line break (with the indentation around it, as YAML
 * folds a long value) between a digit or a separator and a digit. Removing it reads
 * `186 2000⏎    3344` as `186 20003344` and `18620⏎003344` as `18620003344`.
 */
const numberBreak = /(?<=[\d.\-·_/ ])[ \t]*\r?\n[ \t]*(?=[.\-·_/]?\d)/g;

/**
 * The text with every line break inside a number removed, and the origin of each character, so
 * that a hit in the joined text maps back to its lines. Null when no number is broken.
 */
export function joinBrokenNumbers(text: string): JoinedView | null {
  const breaks = [...text.matchAll(numberBreak)];
  if (breaks.length === 0) return null;
  const origin = new Int32Array(text.length);
  let out = '';
  let at = 0;
  for (const b of breaks) {
    for (let i = at; i < b.index; i++) origin[out.length + i - at] = i;
    out += text.slice(at, b.index);
    at = b.index + b[0].length;
  }
  for (let i = at; i < text.length; i++) origin[out.length + i - at] = i;
  out += text.slice(at);
  return { text: out, origin: origin.subarray(0, out.length) };
}
