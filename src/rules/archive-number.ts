import type { ArchiveRecord } from '../records/archive-record.ts';
import { numberedKinds, recordKinds } from '../schemas/index.ts';
import type { ConfigContext, RecordsContext } from './context.ts';
import { reporter } from './context.ts';
import type { Finding } from './finding.ts';
import { completionDate, type NumberedRecord } from './record-dates.ts';

const archiveNoPattern = /^([A-Z]{2,4})-([A-Z]{2,4})-(\d+)-(\d{4})(\d{2})$/;

export const isNumberedRecord = (record: ArchiveRecord): record is NumberedRecord =>
  (numberedKinds as readonly string[]).includes(record.kind);

/** G-ARCHIVE-NO: the category code of every numbered record is in archive.yaml's code table. */
export function categoryIsKnown(record: NumberedRecord, ctx: ConfigContext): Finding[] {
  const { category } = record.data;
  if (category in ctx.config.categories) return [];
  return [
    reporter(record).error(
      'G-ARCHIVE-NO',
      ['category'],
      `未知的服务类别代码 ${category}；archive.yaml 中的类别有：${codeList(ctx.config.categories)}`,
    ),
  ];
}

/** G-ARCHIVE-NO (第六章第四条): 服务类别-服务性质-次序-年月, parts matching the record. */
export function archiveNumberIsWellFormed(record: NumberedRecord, ctx: ConfigContext): Finding[] {
  const archiveNo = record.data.archiveNo;
  if (archiveNo === undefined) return [];
  const report = (message: string) => [reporter(record).error('G-ARCHIVE-NO', ['archiveNo'], message)];
  const width = ctx.config.sequenceWidth;
  const nature = ctx.config.kindNatures[record.kind];
  const example = `${record.data.category}-${nature}-${'1'.padStart(width, '0')}-202611`;

  const match = archiveNoPattern.exec(archiveNo);
  if (!match) return report(`档案编号 ${archiveNo} 格式不对；应为 服务类别-服务性质-次序-年月，例如 ${example}`);
  const [, category, natureCode, seq, year, month] = match as unknown as [string, string, string, string, string, string];
  if (!(category in ctx.config.categories)) {
    return report(`档案编号中的服务类别 ${category} 不在 archive.yaml 中；已有：${codeList(ctx.config.categories)}`);
  }
  if (category !== record.data.category) {
    return report(`档案编号的服务类别 ${category} 与记录的服务类别 ${record.data.category} 不一致`);
  }
  if (natureCode !== nature) {
    return report(`档案编号的服务性质 ${natureCode} 不对：${recordKinds[record.kind].label}记录的服务性质代码为 ${nature}`);
  }
  if (seq.length !== width || Number(seq) === 0) {
    return report(`档案编号的次序 ${seq} 应为 ${width} 位且不为 0，例如 ${example}`);
  }
  if (Number(month) < 1 || Number(month) > 12 || Number(year) < 1990) {
    return report(`档案编号的年月 ${year}${month} 不是有效的年月（YYYYMM）`);
  }
  const completed = completionDate(record);
  if (completed !== undefined && `${year}-${month}` < completed.slice(0, 7)) {
    return report(`档案编号的年月 ${year}${month} 早于服务完成日期 ${completed}；年月应为存档的月份`);
  }
  return [];
}

/** G-ARCHIVE-NO: numbers are unique; every holder after the first (by record id) is reported. */
export function archiveNumbersAreUnique(ctx: RecordsContext): Finding[] {
  const firstHolder = new Map<string, NumberedRecord>();
  const findings: Finding[] = [];
  const numbered = ctx.records.filter(isNumberedRecord).filter((r) => r.data.archiveNo !== undefined);
  for (const record of [...numbered].sort((a, b) => a.id.localeCompare(b.id))) {
    const archiveNo = record.data.archiveNo as string;
    const first = firstHolder.get(archiveNo);
    if (first) {
      findings.push(
        reporter(record).error('G-ARCHIVE-NO', ['archiveNo'], `档案编号 ${archiveNo} 已被 ${first.id} 使用；档案编号不得重复，请运行 swa archive ${record.id} --renumber 重新编号`),
      );
    } else {
      firstHolder.set(archiveNo, record);
    }
  }
  return findings;
}

const codeList = (table: Record<string, string>) =>
  Object.entries(table)
    .map(([code, name]) => `${code}（${name}）`)
    .join('、');
