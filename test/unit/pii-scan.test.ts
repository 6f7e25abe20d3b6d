import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { luhnValid } from '../../src/privacy/luhn.ts';
import { piiKindLabels, scanPii, type PiiKind, type PiiScanOptions } from '../../src/privacy/pii-scan.ts';
import { classifyResidentId, isRealDate, residentIdCheckChar } from '../../src/privacy/resident-id.ts';

/** The hits of one scan as [kind, text] pairs, the shape most assertions compare. */
const pairs = (text: string, options?: PiiScanOptions) => scanPii(text, options).map((h) => [h.kind, h.text]);

// Checksums computed independently of the implementation; all numbers are fictional.
const validId = '440106199003071231';
const validIdX = '44010620120229004X';
const validCard16 = '4367420012345673';
const validCard19 = '6222021001123456789';

describe('resident id checksum (GB 11643-1999, ISO 7064 MOD 11-2)', () => {
  it('computes the check character, X included', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44010619900307123')).toBe('1');
    expect(residentIdCheckChar('44030619851231567')).toBe('5');
    expect(residentIdCheckChar('44190019850615123')).toBe('5');
    expect(residentIdCheckChar('36232119770815241')).toBe('8');
  });

  it('classifies plausible ids by their checksum and rejects implausible shapes', () => {
    expect(classifyResidentId(validId)).toBe('valid');
    expect(classifyResidentId(validIdX)).toBe('valid');
    expect(classifyResidentId(validIdX.toLowerCase())).toBe('valid');
    expect(classifyResidentId('440106199003071232')).toBe('badCheck');
    expect(classifyResidentId('940106199003071231')).toBeNull(); // area code starting 9
    expect(classifyResidentId('040106199003071231')).toBeNull();
    expect(classifyResidentId('440106199002301231')).toBeNull(); // 30 February
    expect(classifyResidentId('440106189903071231')).toBeNull(); // before 1900
    expect(classifyResidentId('44010619900307123')).toBeNull();
  });

  it('knows real dates, leap years included', () => {
    expect(isRealDate('20120229')).toBe(true);
    expect(isRealDate('20130229')).toBe(false);
    expect(isRealDate('20261301')).toBe(false);
    expect(isRealDate('21000101')).toBe(false);
  });
});

describe('Luhn', () => {
  it('accepts valid numbers and rejects one changed digit or non-digits', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid(validCard16)).toBe(true);
    expect(luhnValid(validCard19)).toBe(true);
    expect(luhnValid('4367420012345674')).toBe(false);
    expect(luhnValid('4367 4200 1234 5673')).toBe(false);
  });
});

describe('resident ids in text', () => {
  it('finds valid ids written whole, in 6-8-4 groups and with a lower-case x', () => {
    expect(pairs(`身份证号${validId}。`)).toEqual([['residentId', validId]]);
    expect(pairs(`证件 440106 19900307 1231 已核对`)).toEqual([['residentId', '440106 19900307 1231']]);
    expect(pairs(`证件号：${validIdX.toLowerCase()}`)).toEqual([['residentId', validIdX.toLowerCase()]]);
  });

  it('reports a plausible id with a wrong check character as suspect', () => {
    expect(pairs('身份证 440106199003071232 待核实')).toEqual([['residentIdSuspect', '440106199003071232']]);
    expect(pairs('身份证 44010620120229004 5')).toEqual([]);
  });

  it('ignores digits inside longer runs and id-shaped numbers without a real date', () => {
    expect(pairs(`流水号 9${validId}`)).toEqual([]);
    expect(pairs(`流水号 ${validId}7`)).toEqual([]);
    expect(pairs('订单 440106199013071231')).toEqual([]);
  });
});

describe('mobile numbers', () => {
  it('finds plain, grouped and prefixed numbers', () => {
    expect(pairs('手机13800138000，或 139 1234 5678，或 137-1234-5678')).toEqual([
      ['mobile', '13800138000'],
      ['mobile', '139 1234 5678'],
      ['mobile', '137-1234-5678'],
    ]);
    expect(pairs('+86 138 0013 8000 与 8613800138000')).toEqual([
      ['mobile', '+86 138 0013 8000'],
      ['mobile', '8613800138000'],
    ]);
  });

  it('ignores other 11-digit numbers and longer runs', () => {
    expect(pairs('序列号 12345678901、10987654321、11000000000')).toEqual([]);
    expect(pairs('批次号 138001380001，工单 1380013800')).toEqual([]);
  });

  it('leaves out the organisation’s own numbers', () => {
    expect(pairs('机构值班手机 138 0013 8000', { allowedNumbers: ['13800138000'] })).toEqual([]);
  });
});

describe('landlines', () => {
  it('finds area-coded numbers with hyphen, parentheses, grouping and extension', () => {
    expect(pairs('电话 020-8123 4567；(0755)12345678；0757-2233445；（020）81234567；010-81234567转801')).toEqual([
      ['landline', '020-8123 4567'],
      ['landline', '(0755)12345678'],
      ['landline', '0757-2233445'],
      ['landline', '（020）81234567'],
      ['landline', '010-81234567转801'],
    ]);
  });

  it('finds a bare eight-digit number only after a phone cue', () => {
    expect(pairs('联系电话：83001234')).toEqual([['landline', '83001234']]);
    expect(pairs('座机 8300 1234')).toEqual([['landline', '8300 1234']]);
    expect(pairs('编号 83001234')).toEqual([]);
    expect(pairs('联系日期：20260314')).toEqual([]);
  });

  it('ignores hotlines and allowed numbers', () => {
    expect(pairs('请拨打 12355、12345、110 或 120，热线 020-12355')).toEqual([]);
    expect(pairs('本中心热线 020-83001234，(020)83001235', { allowedNumbers: ['02083001234', '020-8300 1235'] })).toEqual([]);
  });
});

describe('bank cards', () => {
  it('finds Luhn-valid numbers, whole or grouped in fours', () => {
    expect(pairs(`卡号 ${validCard16}`)).toEqual([['bankCard', validCard16]]);
    expect(pairs('卡号 6222 0210 0112 3456 789。')).toEqual([['bankCard', '6222 0210 0112 3456 789']]);
    expect(pairs('卡号 4367 4200 1234 5673 12月到期')).toEqual([['bankCard', '4367 4200 1234 5673']]);
  });

  it('ignores order numbers that fail Luhn and numbers starting with 0', () => {
    expect(pairs('订单号 4367420012345674')).toEqual([]);
    expect(pairs('订单号 2026031412345678')).toEqual([]);
    expect(pairs('身份证占位 000000198512030000')).toEqual([]);
  });

  it('calls an 18-digit id an id even when it passes Luhn', () => {
    const luhnId = '440106199003071207';
    expect(luhnValid(luhnId)).toBe(true);
    expect(pairs(`号码 ${luhnId}`)).toEqual([['residentId', luhnId]]);
  });
});

describe('e-mail', () => {
  it('finds ordinary addresses and stops at Chinese punctuation', () => {
    expect(pairs('邮箱：chen.xl+case@example.com。另 12345678@qq.com')).toEqual([
      ['email', 'chen.xl+case@example.com'],
      ['email', '12345678@qq.com'],
    ]);
    expect(pairs('发送至 @某某 或 a@b')).toEqual([]);
  });
});

describe('street-level addresses', () => {
  it.each([
    ['家住解放路123号。', '解放路123号'],
    ['住在中山大道西8号之二', '中山大道西8号之二'],
    ['位于幸福里5巷3号', '幸福里5巷3号'],
    ['现住东风东路88号3栋502房', '东风东路88号3栋502房'],
    ['家访：某某小区7栋1单元302室', '某某小区7栋1单元302室'],
    ['搬到某某村12号', '某某村12号'],
    ['广州市天河区解放路123号', '解放路123号'],
    ['搬至东风东路 88 号 3 栋 502 房', '东风东路 88 号 3 栋 502 房'],
    ['住在东湖路12号大院3栋201房', '东湖路12号大院3栋201房'],
    ['家在7栋1单元302', '7栋1单元302'],
  ])('%s → %s', (text, address) => {
    expect(pairs(text)).toEqual([['address', address]]);
  });

  it.each([
    '广州市天河区石牌街道某某社区',
    '某某镇文化站',
    '沿解放路步行 15 分钟',
    '丽景花园与星河大厦的居民',
    '在活动室3号开展小组',
    '第3号议题',
    '在3号楼会议室结业',
    '小组里3号组员发言',
    '服务中心2楼201室',
    '第2单元课程用时 45 分钟',
    '乘坐 12 路公交至地铁3号线',
  ])('not %s', (text) => {
    expect(pairs(text)).toEqual([]);
  });
});

describe('known values', () => {
  it('finds every occurrence of names and compares numbers on digits', () => {
    const options = { knownValues: ['陈晓岚', '138 0013 8000', validId, '陈', ''] };
    expect(pairs(`陈晓岚说，陈晓岚的手机 13800138000，身份证 440106 19900307 1231；陈老师在场`, options)).toEqual([
      ['knownValue', '陈晓岚'],
      ['knownValue', '陈晓岚'],
      ['knownValue', '13800138000'],
      ['knownValue', '440106 19900307 1231'],
    ]);
  });

  it('wins over the generic kind on the same text, but a longer hit keeps its kind', () => {
    expect(pairs('电话 020-8123 4567', { knownValues: ['02081234567'] })).toEqual([['knownValue', '020-8123 4567']]);
    expect(pairs('邮箱 13800138000@qq.com', { knownValues: ['13800138000'] })).toEqual([['email', '13800138000@qq.com']]);
  });
});

describe('what a careless note contains', () => {
  it('finds phones with dots, slashes or one digit at a time, but not a run of numbers', () => {
    expect(pairs('来电 186.2000.3344，或 158/2233/4455，或 1 3 7 1 2 3 4 5 6 7 8')).toEqual([
      ['mobile', '186.2000.3344'],
      ['mobile', '158/2233/4455'],
      ['mobile', '1 3 7 1 2 3 4 5 6 7 8'],
    ]);
    expect(pairs('固话 020.8363.1328')).toEqual([['landline', '020.8363.1328']]);
    expect(pairs('名单 2.13.8001.3800.0 与 2026.03.14 13:30')).toEqual([]);
  });

  it('reads a number broken over lines or folded by YAML as one, and reports it from its first line', () => {
    const text = 'summary: 来电号码 186 2000\n    3344，周五再联系\n母亲1862000\n3344';
    expect(pairs(text)).toEqual([
      ['mobile', '186 2000\n    3344'],
      ['mobile', '1862000\n3344'],
    ]);
    expect(scanPii(text)[0]?.start).toBe(text.indexOf('186'));
    expect(pairs('共 18\n人参加，其中 13 人首次参加')).toEqual([]);
  });

  it('finds QQ and WeChat ids after the word that names them, not groups, accounts or payments', () => {
    expect(pairs('QQ号：2865123470；微信号 zhangxm_2009；VX: lily-2011a；wxid_8k2m4n6p9q')).toEqual([
      ['qq', '2865123470'],
      ['wechat', 'zhangxm_2009'],
      ['wechat', 'lily-2011a'],
      ['wechat', 'wxid_8k2m4n6p9q'],
    ]);
    expect(pairs('QQ群 712345678；微信公众号 swa_service；微信支付 120000 元；微信群 28 人')).toEqual([]);
  });

  it('finds passports, permits and plates, not trains, flights or receipts', () => {
    expect(pairs('护照 E12345678，EA1234567，通行证 C12345678；车牌 粤A·12345、沪AD12345')).toEqual([
      ['passport', 'E12345678'],
      ['passport', 'EA1234567'],
      ['passport', 'C12345678'],
      ['plate', '粤A·12345'],
      ['plate', '沪AD12345'],
    ]);
    expect(pairs('G1234 次高铁，航班 CA1301，单据 E2026-0315，新A区3号楼')).toEqual([]);
  });

  it('finds estate flats and village groups without a road number, not groups of people or ages', () => {
    expect(pairs('住幸福小区5栋302；金桂花园B座1203；碧水家园3-502；石桥村3组')).toEqual([
      ['address', '幸福小区5栋302'],
      ['address', '金桂花园B座1203'],
      ['address', '碧水家园3-502'],
      ['address', '石桥村3组'],
    ]);
    expect(pairs('小组分为3组；幼儿园3-5岁；全村 3 个村民小组；花园里种了 120 株')).toEqual([]);
  });
});

describe('hits', () => {
  it('are sorted, non-overlapping, and carry UTF-16 offsets into the original text', () => {
    const text = `案主😀手机１３８００１３８０００，住${'幸福路3巷5号'}，身份证${validId}，卡${validCard16}`;
    const hits = scanPii(text);
    expect(hits.map((h) => h.kind)).toEqual(['mobile', 'address', 'residentId', 'bankCard']);
    for (const [i, hit] of hits.entries()) {
      expect(text.slice(hit.start, hit.end)).toBe(hit.text);
      if (i > 0) expect(hit.start).toBeGreaterThanOrEqual(hits[i - 1]!.end);
    }
  });

  it('never flag the archive’s ordinary numbers', () => {
    const text = [
      '2026-03-14 14:30 面谈，2026-03-14T10:30:00+08:00 提交',
      '档案编号 QSN-GA-001-202612，记录 cases/2026-0001、2026-0001，社工 S03',
      '人民币 1200 元，¥300，¥150,000，出席率 85%，2026 年，年龄段 13-17，60+',
      '热线 12355、12345、110、120，会议于 20260314 召开，共 36 人次',
    ].join('\n');
    expect(scanPii(text)).toEqual([]);
  });

  it('have a Chinese label for every kind', () => {
    expect(Object.keys(piiKindLabels).sort()).toEqual(
      ['address', 'bankCard', 'email', 'knownValue', 'landline', 'mobile', 'passport', 'plate', 'qq', 'residentId', 'residentIdSuspect', 'wechat'],
    );
    expect(piiKindLabels.residentIdSuspect).toBe('疑似身份证号（校验位不符）');
  });
});

const kinds = Object.keys(piiKindLabels) as PiiKind[];
const corpusSchema = z.object({
  note: z.string().includes('虚构'),
  snippets: z.array(
    z.object({
      text: z.string(),
      knownValues: z.array(z.string()).optional(),
      allowedNumbers: z.array(z.string()).optional(),
      pii: z.array(z.object({ kind: z.enum(kinds as [PiiKind, ...PiiKind[]]), text: z.string() })),
    }),
  ),
});

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/** True positives, false positives and false negatives per kind, matching (kind, text) pairs as multisets. */
function tally(snippets: z.infer<typeof corpusSchema>['snippets']): Map<PiiKind, Tally> {
  const counts = new Map(kinds.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  for (const snippet of snippets) {
    const expected = snippet.pii.map((p) => `${p.kind}\t${p.text}`);
    for (const hit of scanPii(snippet.text, snippet)) {
      const key = `${hit.kind}\t${hit.text}`;
      const at = expected.indexOf(key);
      if (at >= 0) {
        expected.splice(at, 1);
        counts.get(hit.kind)!.tp++;
      } else {
        counts.get(hit.kind)!.fp++;
      }
    }
    for (const missed of expected) counts.get(missed.split('\t')[0] as PiiKind)!.fn++;
  }
  return counts;
}

const ratio = (num: number, den: number) => (den === 0 ? 1 : num / den);

const corpus = corpusSchema.parse(JSON.parse(await readFile(new URL('../fixtures/pii-corpus.json', import.meta.url), 'utf8')));

describe('labelled corpus', () => {
  it('is large, a third free of personal data, and every label is a substring of its snippet', () => {
    expect(corpus.snippets.length).toBeGreaterThanOrEqual(200);
    const clean = corpus.snippets.filter((s) => s.pii.length === 0).length;
    expect(clean / corpus.snippets.length).toBeGreaterThan(0.25);
    for (const kind of kinds) expect(corpus.snippets.some((s) => s.pii.some((p) => p.kind === kind))).toBe(true);
    for (const s of corpus.snippets) for (const p of s.pii) expect(s.text).toContain(p.text);
  });

  it('meets the precision and recall targets', () => {
    const counts = tally(corpus.snippets);
    const total = [...counts.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
    const row = (name: string, c: Tally) =>
      [name.padEnd(18), String(c.tp).padStart(4), String(c.fp).padStart(4), String(c.fn).padStart(4),
        ratio(c.tp, c.tp + c.fp).toFixed(3).padStart(10), ratio(c.tp, c.tp + c.fn).toFixed(3).padStart(7)].join(' ');
    console.log(
      [
        `PII corpus: ${corpus.snippets.length} snippets`,
        ['kind'.padEnd(18), '  TP', '  FP', '  FN', ' precision', ' recall'].join(' '),
        ...kinds.map((k) => row(k, counts.get(k)!)),
        row('overall', total),
      ].join('\n'),
    );
    for (const kind of kinds) {
      const c = counts.get(kind)!;
      expect({ kind, recall: ratio(c.tp, c.tp + c.fn) >= 0.98, precision: ratio(c.tp, c.tp + c.fp) >= 0.95 }).toEqual({ kind, recall: true, precision: true });
    }
    for (const kind of ['residentId', 'residentIdSuspect', 'mobile', 'landline'] as const) {
      const c = counts.get(kind)!;
      expect({ kind, recall: ratio(c.tp, c.tp + c.fn) }).toEqual({ kind, recall: 1 });
    }
  });
});
