/** A span of text the scanner reports, before overlaps are resolved. */
export interface Span {
  start: number;
  end: number;
}

/** The spans of one group of every match; patterns with a group carry the `d` flag for its indices. */
const spansOf = (pattern: RegExp, text: string, group = 0): Span[] =>
  [...text.matchAll(pattern)].map((m) => {
    const [start, end] = group === 0 ? [m.index, m.index + m[0].length] : (m.indices?.[group] as [number, number]);
    return { start, end };
  });

// QQ群 and QQ空间 are no person's number; a QQ number has five to eleven digits.
const qqPattern = /(?<![A-Za-z])(?:QQ|qq|Qq|扣扣|企鹅号)(?!群|空间|邮箱)(?:号码|号)?[^\dA-Za-z\n]{0,4}?(?<!\d)(\d{5,11})(?!\d)/dg;

/** QQ numbers, found only after a word that names them (QQ号, 扣扣 …). */
export function qqNumbers(text: string): Span[] {
  return spansOf(qqPattern, text, 1);
}

// A WeChat id: six to twenty characters, a letter first, or the phone or QQ number it was made from.
const wechatCue = '(?:微信|威信|薇信|[Vv]信|(?<![A-Za-z])(?:VX|vx|Vx|WX|wx|Wx|weixin|WeChat|wechat)(?![A-Za-z]))';
const wechatPattern = new RegExp(
  `${wechatCue}(?!群|公众号|小程序|支付|转账|红包|视频|语音|朋友圈)(?:号码|号|ID|id)?[^A-Za-z\\d\\n]{0,4}?(?<![A-Za-z\\d_-])([A-Za-z][A-Za-z\\d_-]{5,19}|\\d{6,11})(?![A-Za-z\\d_-]|[元块人次条个天分秒])`,
  'dg',
);
const wxidPattern = /(?<![A-Za-z\d_])wxid_[a-z\d]{6,20}(?![A-Za-z\d_])/g;

/** WeChat ids after a word that names them (微信号, VX …), and wxid_… ids anywhere. */
export function wechatIds(text: string): Span[] {
  return [...spansOf(wechatPattern, text, 1), ...spansOf(wxidPattern, text)];
}

// Ordinary passports: E and eight digits, E, a letter and seven digits, or the older G and eight
// digits. After 护照 or 通行证, any one or two letters and six to nine digits.
const passportPattern = /(?<![A-Za-z\d])(?:E\d{8}|E[A-HJ-NP-Z]\d{7}|G\d{8})(?![A-Za-z\d])/g;
const cuedPassportPattern = /(?:护照|通行证|旅行证|passport)(?:号码|号)?[^A-Za-z\d\n]{0,4}?(?<![A-Za-z\d])([A-Z]{1,2}\d{6,9})(?![A-Za-z\d])/dgi;

/** Passport and travel-permit numbers. */
export function passports(text: string): Span[] {
  return [...spansOf(passportPattern, text), ...spansOf(cuedPassportPattern, text, 1)];
}

// A province's one-character name, the city's letter (never I or O), then five characters, or six
// for a new-energy vehicle; a real plate has at least three digits among them.
const platePattern = /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·• ]?([A-HJ-NP-Z\d]{5,6})(?![A-Za-z\d])/g;

/** Vehicle licence plates (粤A·12345, 沪AD12345). */
export function plates(text: string): Span[] {
  return [...text.matchAll(platePattern)]
    .filter((m) => {
      const tail = m[1] as string;
      const digits = tail.replace(/\D/g, '').length;
      return digits >= 3 && (tail.length === 5 || /^[DF]|[DF]$/.test(tail));
    })
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
