import type { Span } from './pii-contact.ts';

// The most common Chinese surnames (about nine in ten people carry one of them), and the compound ones.
const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const surname = `(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|令狐|[${surnames}])`;

// A surname with 某 or a form of address: 王某, 李先生, 陈阿姨, 张伯. 某 before 项, 些, 天 … means "some".
const addressed = new RegExp(
  `${surname}(?:某某|某(?![项些种个天次位人一处类地时方面日月年件样])|先生|女士|小姐|阿姨|叔叔|伯伯|老伯|伯(?![父母])|奶奶|爷爷|婆婆|阿婆|大爷|大妈|大娘|大叔)`,
  'g',
);
// 任何某人, 如何某种: 何 after these characters is part of a word, not a surname.
const wordBefore = /[任如为奈几]$/;
const wholeName = new RegExp(`^${surname}[\\u4e00-\\u9fff]{1,2}$`);
// A character every match of `addressed` holds: a text without one is not searched (most are not).
const addressCue = /[某先女小阿叔伯奶爷婆大]/;
const noNames: ReadonlySet<string> = new Set();

/** Options of `nameSuspects`. */
export interface NameOptions {
  /** Whether the text is a whole short field (a value such as `signedBy`), where a lone name counts. */
  whole?: boolean;
  /** Names that are no client's: the roster's staff, the organisation's own words. */
  known?: ReadonlySet<string>;
}

/**
 * Where a text probably names a person: a common surname with 某 or a form of address anywhere,
 * or, in a whole short field, a value that is a surname and one or two characters. A heuristic:
 * it cannot know a name, so its hits are warnings; its precision is measured on the sample archive.
 */
export function nameSuspects(text: string, { whole = false, known = noNames }: NameOptions = {}): Span[] {
  const value = text.trim();
  if (whole && wholeName.test(value) && !known.has(value)) {
    const start = text.indexOf(value);
    return [{ start, end: start + value.length }];
  }
  if (!addressCue.test(text)) return [];
  return [...text.matchAll(addressed)]
    .filter((m) => !(m[0].startsWith('何') && wordBefore.test(text.slice(0, m.index))))
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
