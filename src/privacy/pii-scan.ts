import { joinBrokenNumbers } from './joined-lines.ts';
import { luhnValid } from './luhn.ts';
import { passports, plates, qqNumbers, wechatIds, type Span } from './pii-contact.ts';
import { classifyResidentId, isRealDate } from './resident-id.ts';

/** The kinds of personal data the scanner recognises. */
export type PiiKind =
  | 'residentId'
  | 'residentIdSuspect'
  | 'mobile'
  | 'landline'
  | 'bankCard'
  | 'email'
  | 'address'
  | 'qq'
  | 'wechat'
  | 'passport'
  | 'plate'
  | 'knownValue';

/** One finding: `start` and `end` are UTF-16 offsets into the scanned string, `text` is the slice between them. */
export interface PiiHit {
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
}

/** What the caller knows about the record being scanned. */
export interface PiiScanOptions {
  /** The record's own personal values (client name, phone, id …); every occurrence is reported. */
  knownValues?: readonly string[];
  /** The organisation's own published numbers, never reported; compared on digits only. */
  allowedNumbers?: readonly string[];
}

/** Chinese labels for each kind, for messages shown to social workers. */
export const piiKindLabels: Record<PiiKind, string> = {
  residentId: '身份证号',
  residentIdSuspect: '疑似身份证号（校验位不符）',
  mobile: '手机号',
  landline: '固定电话',
  bankCard: '银行卡号',
  email: '电子邮箱',
  address: '详细地址',
  qq: 'QQ号',
  wechat: '微信号',
  passport: '护照或通行证号',
  plate: '车牌号',
  knownValue: '本记录的个人资料',
};

interface Candidate {
  kind: PiiKind;
  start: number;
  end: number;
}

// When two hits overlap and neither contains the other, the lower rank wins.
const rank: Record<PiiKind, number> = {
  knownValue: 0,
  residentId: 1,
  residentIdSuspect: 2,
  bankCard: 3,
  email: 4,
  passport: 5,
  mobile: 6,
  landline: 7,
  qq: 8,
  wechat: 9,
  plate: 10,
  address: 11,
};

const digitsOf = (s: string) => s.replace(/\D/g, '');

/** Full-width ASCII forms and the ideographic space mapped to ASCII, one UTF-16 unit for one, so offsets survive. */
function normalizeWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/**
 * Every match of a global pattern, collected at once and the pattern's lastIndex put back to 0:
 * no copy of the pattern per call (a scan runs ten patterns over every record), and nothing
 * shared between calls.
 */
function matches(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) found.push(m);
  pattern.lastIndex = 0;
  return found;
}

const residentIdPattern = /(?<!\d)\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx](?![\dXx])/g;

function residentIds(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of matches(residentIdPattern, text)) {
    const verdict = classifyResidentId(m[0].replace(/[ -]/g, ''));
    if (verdict) found.push({ kind: verdict === 'valid' ? 'residentId' : 'residentIdSuspect', start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** What a careless note puts between the digits of a phone number: spaces, dashes, dots, slashes. */
const separator = '[ \\t.\\-·_/~]';
const mobilePattern = new RegExp(`(?<![\\d+])(?:(?:\\+|00)?86${separator}?)?1${separator}?[3-9](?:${separator}?\\d){9}(?!\\d)`, 'g');
const digitThenSeparator = new RegExp(`\\d${separator}$`);
const separatorThenDigit = new RegExp(`^${separator}\\d`);
const hasSeparator = new RegExp(separator);

/** A separated number with another number one separator before or after it is part of a run of numbers (a list, a date and time), not a phone. */
function inRunOfNumbers(text: string, start: number, end: number): boolean {
  return hasSeparator.test(text.slice(start, end)) && (digitThenSeparator.test(text.slice(Math.max(0, start - 2), start)) || separatorThenDigit.test(text.slice(end, end + 2)));
}

function mobiles(text: string): Candidate[] {
  return matches(mobilePattern, text)
    .filter((m) => !inRunOfNumbers(text, m.index, m.index + m[0].length))
    .map((m) => ({ kind: 'mobile', start: m.index, end: m.index + m[0].length }));
}

// 010 and 02x are the three-digit area codes; all others have four digits.
const areaCode = '(?:010|02\\d|0[3-9]\\d{2})';
const landlinePattern = new RegExp(
  `(?<!\\d)(?:\\(${areaCode}\\) ?|${areaCode}[- .])(?:\\d{7,8}|\\d{3,4}[ .-]\\d{4})(?:(?:转|-|分机|ext\\.? ?|x)\\d{1,5})?(?!\\d)`,
  'gi',
);
// A bare eight-digit local number counts only right after a word that announces a phone number.
const cuedLocalPattern = /(?:电话|座机|固话|联系|致电|来电|拨打|(?<![A-Za-z])tel)[^\d\n]{0,6}(?<!\d)(\d{4}[ -]?\d{4})(?!\d)/gi;

function landlines(text: string): Candidate[] {
  const found: Candidate[] = matches(landlinePattern, text).map((m) => ({ kind: 'landline', start: m.index, end: m.index + m[0].length }));
  for (const m of matches(cuedLocalPattern, text)) {
    const number = m[1] as string;
    // An eight-digit date such as 20260314 after 联系 is a date, not a phone number.
    if (isRealDate(digitsOf(number))) continue;
    const end = m.index + m[0].length;
    found.push({ kind: 'landline', start: end - number.length, end });
  }
  return found;
}

// Grouped cards are 4-4-4-4 with an optional group of three (19 digits), or 6 then the rest.
// No payment card starts with 0 (ISO/IEC 7812), which spares placeholders such as 000000….
const cardPattern = /(?<!\d)(?=[1-9])(?:\d{16,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{3})?|\d{6}[ -]\d{10,13})(?!\d)/g;

// Every card the pattern takes holds ten digits in a row or three groups of four: most texts have neither (dates, record ids).
const cardCue = /\d{10}|\d{4}[ -]\d{4}[ -]\d{4}/;

function bankCards(text: string): Candidate[] {
  const found: Candidate[] = [];
  if (!cardCue.test(text)) return found;
  for (const m of matches(cardPattern, text)) {
    let card = m[0];
    // The trailing group may be an unrelated number after a 16-digit card: try without it.
    if (!luhnValid(digitsOf(card)) && /^\d{4}([ -]\d{4}){3}[ -]\d{3}$/.test(card)) card = card.slice(0, 19);
    const digits = digitsOf(card);
    if (digits.length >= 16 && luhnValid(digits) && !(digits.length === 18 && classifyResidentId(digits))) {
      found.push({ kind: 'bankCard', start: m.index, end: m.index + card.length });
    }
  }
  return found;
}

const emailPattern = /(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])/g;

function emails(text: string): Candidate[] {
  // Without an @ there is no address, and the pattern would try every run of word characters in turn.
  if (!text.includes('@')) return [];
  return matches(emailPattern, text).map((m) => ({ kind: 'email', start: m.index, end: m.index + m[0].length }));
}

const isCjk = (c: string | undefined) => c !== undefined && /[\u4e00-\u9fff〇]/.test(c);

// Words that end the text before a place name: verbs of residence, prepositions, administrative levels.
const nameBoundaries = [
  '居住在', '住在', '位于', '地址', '住址', '家住', '搬到', '搬至', '搬往', '前往', '来到', '回到', '到达', '抵达', '现住',
  '暂住', '租住', '借住', '寄住', '现居', '居于', '寄居', '家访', '探访', '地点',
  '街道', '社区', '在', '于', '到', '至', '往', '从', '为', '是', '的', '住', '了', '省', '市', '区', '县', '镇', '乡',
  '示', '称', '说', '即', '及', '和', '与', '或',
];

/**
 * Where the place name that ends at `end` starts: the Chinese characters before it, cut after the
 * last boundary word that still leaves two characters, at most six kept. -1 when under two remain.
 */
function placeNameStart(text: string, end: number): number {
  let start = end;
  while (start > 0 && end - start < 12 && isCjk(text[start - 1])) start--;
  const run = text.slice(start, end);
  let cut = 0;
  for (const word of nameBoundaries) {
    for (let i = run.lastIndexOf(word); i >= 0; i = i > 0 ? run.lastIndexOf(word, i - 1) : -1) {
      const after = i + word.length;
      if (run.length - after >= 2) {
        cut = Math.max(cut, after);
        break;
      }
    }
  }
  cut = Math.max(cut, run.length - 6);
  return run.length - cut >= 2 ? start + cut : -1;
}

// Case notes often put spaces around numbers (东风东路 88 号 3 栋 502 房), hence the optional spaces.
const units = '(?: ?\\d{1,3} ?[栋幢座])?(?: ?\\d{1,2} ?单元)?(?: ?\\d{2,4} ?[室房])?';
const roadPattern = new RegExp(
  '(大道|大街|马路|胡同|路|街|巷|弄|里|坊|村)(?:[东南西北中]段?|[一二三四五六七八九十]段)?(?: ?\\d{1,4} ?[巷弄横街里坊])? ?' +
    `\\d{1,5}(?:-\\d{1,4})? ?号(?:之[一二三四五六七八九十\\d]+)?(?!组员|成员|楼|线|床|机|窗口|选手|文件|位)${units}`,
  'g',
);
// "小组里3号组员", "思路3号" and the like: the word before the suffix is no place name.
const notAPlace = /[组家这那哪室心校内屋班队思线网电]$/;

function roadAddresses(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of matches(roadPattern, text)) {
    const start = placeNameStart(text, m.index);
    if (start >= 0 && !notAPlace.test(text.slice(start, m.index))) found.push({ kind: 'address', start, end: m.index + m[0].length });
  }
  return found;
}

// Building then room needs 室/房; with a 单元 in between the bare room number is enough.
const unitPattern = new RegExp(
  [
    '\\d{1,3} ?[栋幢座] ?(?:\\d{1,2} ?单元 ?)?\\d{2,4} ?[室房]',
    '\\d{1,3} ?[栋幢座] ?\\d{1,2} ?单元 ?\\d{2,4}',
    '\\d{1,3} ?号楼 ?\\d{1,2} ?单元 ?\\d{2,4}(?: ?[室房])?',
    '\\d{1,2} ?单元 ?\\d{2,4} ?[室房]',
  ]
    .map((alternative) => `(?<!\\d)${alternative}(?!\\d)`)
    .join('|'),
  'g',
);
const unitCue = /[栋幢座]|单元/;
const estateWords = '小区|花园|家园|公寓|大院|山庄|新村|大厦|广场|新城|宿舍|苑|村|城|庭|阁|居|园';
const estateSuffix = new RegExp(`(${estateWords}) ?$`);
// What may stand between a road number and a flat of the same address: an estate name.
const estateGap = new RegExp(`^ ?(?:[\\u4e00-\\u9fff]{0,4}(?:${estateWords}))? ?$`);

/** A residential building–unit–room sequence, with the estate name before it when there is one. */
function unitAddresses(text: string): Candidate[] {
  const found: Candidate[] = [];
  // Every alternative of the pattern names a building (栋, 幢, 座) or a 单元.
  if (!unitCue.test(text)) return found;
  for (const m of matches(unitPattern, text)) {
    const suffix = estateSuffix.exec(text.slice(Math.max(0, m.index - 3), m.index));
    const nameStart = suffix ? placeNameStart(text, m.index - suffix[0].length) : -1;
    found.push({ kind: 'address', start: nameStart >= 0 ? nameStart : m.index, end: m.index + m[0].length });
  }
  return found;
}

// Below street level without a road number: an estate's building and flat (幸福小区5栋302,
// 金桂花园B座1203, 碧水家园3-502), where a bare number after the building is the flat, or a
// village's group (石桥村3组). The estate word right before is what makes the numbers an address.
const estateUnitPattern = new RegExp(
  `(?:${estateWords}) ?(?:(?:\\d{1,3}|[A-Z]) ?(?:[栋幢座]|号楼|号院) ?(?:\\d{1,2} ?单元 ?)?\\d{3,4}(?: ?[室房号])?|\\d{1,3}-(?:\\d{1,2}-)?\\d{3,4})(?![\\d人元次个名位天岁])`,
  'g',
);
const villagePattern = /村 ?(?:\d{1,2}|[一二三四五六七八九十]{1,3}) ?[组社队](?![员长织成委])(?: ?\d{1,4} ?号)?/g;

/** Estate flats and village groups, from the estate's or village's name (or the estate word when unnamed). */
function estateAddresses(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of matches(estateUnitPattern, text)) {
    // The estate word is part of the name (翠苑, 幸福小区), so the name is read up to its end.
    const word = (/^[\u4e00-\u9fff]+/.exec(m[0]) as RegExpExecArray)[0];
    const nameStart = placeNameStart(text, m.index + word.length);
    found.push({ kind: 'address', start: nameStart >= 0 ? nameStart : m.index, end: m.index + m[0].length });
  }
  for (const m of matches(villagePattern, text)) {
    const nameStart = placeNameStart(text, m.index);
    if (nameStart >= 0) found.push({ kind: 'address', start: nameStart, end: m.index + m[0].length });
  }
  return found;
}

/** Address pieces that touch or are bridged by an estate name (a road number, then a flat) become one hit. */
function addresses(text: string): Candidate[] {
  const pieces = [...roadAddresses(text), ...unitAddresses(text), ...estateAddresses(text)].sort((a, b) => a.start - b.start);
  const merged: Candidate[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && (piece.start <= last.end || estateGap.test(text.slice(last.end, piece.start)))) last.end = Math.max(last.end, piece.end);
    else merged.push({ ...piece });
  }
  return merged;
}

/** A regex for a number-like known value that ignores spaces and hyphens between its digits. */
function numberPattern(value: string): RegExp | null {
  const compact = value.replace(/[\s\-+()]/g, '');
  if (!/^\d{5,}[Xx]?$/.test(compact)) return null;
  const digits = /^(?:0086|86)1[3-9]\d{9}$/.test(compact) ? compact.slice(compact.length - 11) : compact;
  const body = [...digits].map((c) => (/[Xx]/.test(c) ? '[Xx]' : c)).join('[ -]?');
  return new RegExp(`(?<!\\d)${body}(?![\\dXx])`, 'g');
}

function knownValues(text: string, values: readonly string[]): Candidate[] {
  const found: Candidate[] = [];
  for (const raw of values) {
    const value = normalizeWidth(raw).trim();
    if (value.length < 2) continue;
    const pattern = numberPattern(value);
    if (pattern) {
      for (const m of matches(pattern, text)) found.push({ kind: 'knownValue', start: m.index, end: m.index + m[0].length });
      continue;
    }
    for (let i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + value.length)) {
      found.push({ kind: 'knownValue', start: i, end: i + value.length });
    }
  }
  return found;
}

/** True when a phone hit is one of the organisation's own numbers (same digits, or one ends with the other's seven or more). */
function isAllowed(number: string, allowed: readonly string[]): boolean {
  const digits = digitsOf(number);
  return allowed.some((a) => {
    const other = digitsOf(a);
    if (other.length < 3) return false;
    if (other === digits) return true;
    const [short, long] = other.length < digits.length ? [other, digits] : [digits, other];
    return short.length >= 7 && long.endsWith(short);
  });
}

/**
 * Hits that no other hit strictly contains go first, then the contained ones (which fill the gap
 * when their container lost to a third hit); within each group by rank, then length.
 */
function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  // Only candidates that overlap (directly or through others) can affect each other: resolving
  // each such cluster apart keeps the result and avoids comparing every hit with every other.
  const sorted = [...candidates].sort((a, b) => a.start - b.start);
  const kept: Candidate[] = [];
  for (let i = 0; i < sorted.length; ) {
    let end = (sorted[i] as Candidate).end;
    let j = i + 1;
    while (j < sorted.length && (sorted[j] as Candidate).start < end) end = Math.max(end, (sorted[j++] as Candidate).end);
    kept.push(...resolveCluster(sorted.slice(i, j)));
    i = j;
  }
  return kept.sort((a, b) => a.start - b.start);
}

function resolveCluster(candidates: readonly Candidate[]): Candidate[] {
  if (candidates.length === 1) return [...candidates];
  const length = (c: Candidate) => c.end - c.start;
  const contained = (c: Candidate) => candidates.some((o) => o.start <= c.start && o.end >= c.end && length(o) > length(c));
  const ordered = candidates
    .map((c) => ({ c, inner: contained(c) ? 1 : 0 }))
    .sort((a, b) => a.inner - b.inner || rank[a.c.kind] - rank[b.c.kind] || length(b.c) - length(a.c) || a.c.start - b.c.start);
  const kept: Candidate[] = [];
  for (const { c } of ordered) if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Every kind but a known value needs a digit, a Latin letter, an @ or a village (石桥村三组): most
 * fields of a record have none, and the site scans every field.
 */
const mayHoldPii = /[\dA-Za-z@村]/;

/**
 * Finds personal data in Chinese text: resident ids (checksum-valid, or suspect when only the
 * check character is wrong), mobile and landline numbers (with any separators, or broken over
 * lines), bank cards (Luhn), e-mail addresses, QQ and WeChat ids after the word that names them,
 * passport numbers, vehicle plates, addresses at street level or below (a road number, an
 * estate's building and flat, a village's group) and the record's own known values
 * (`options.knownValues`), leaving out the organisation's own numbers (`options.allowedNumbers`).
 * Hits are sorted by start and never overlap: a candidate inside a longer one gives way to it,
 * otherwise the more specific kind wins (see `rank`).
 */
export function scanPii(text: string, options: PiiScanOptions = {}): PiiHit[] {
  const normalized = normalizeWidth(text);
  if (!(options.knownValues?.length ?? 0) && !mayHoldPii.test(normalized)) return [];
  const candidates = candidatesIn(normalized, options);
  // A number broken over lines (a YAML value folded, a line break typed in) is read joined; only
  // the hits that span a break are new, and they map back to the original offsets.
  const joined = joinBrokenNumbers(normalized);
  if (joined) {
    for (const c of candidatesIn(joined.text, options)) {
      const start = joined.origin[c.start] as number;
      const end = (joined.origin[c.end - 1] as number) + 1;
      if (end - start > c.end - c.start) candidates.push({ kind: c.kind, start, end });
    }
  }
  return resolveOverlaps(candidates).map((c) => ({ ...c, text: text.slice(c.start, c.end) }));
}

function candidatesIn(normalized: string, options: PiiScanOptions): Candidate[] {
  const allowed = options.allowedNumbers ?? [];
  const phones = [...mobiles(normalized), ...landlines(normalized)].filter((c) => !isAllowed(normalized.slice(c.start, c.end), allowed));
  const kinded = (kind: PiiKind, spans: Span[]): Candidate[] => spans.map((s) => ({ kind, ...s }));
  return [
    ...knownValues(normalized, options.knownValues ?? []),
    ...residentIds(normalized),
    ...bankCards(normalized),
    ...emails(normalized),
    ...phones,
    ...kinded('qq', qqNumbers(normalized)),
    ...kinded('wechat', wechatIds(normalized)),
    ...kinded('passport', passports(normalized)),
    ...kinded('plate', plates(normalized)),
    ...addresses(normalized),
  ];
}
