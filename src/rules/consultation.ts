import type { ConfigContext, RecordRule } from './context.ts';
import { reporter } from './context.ts';
import type { ConsultationRecord } from '../schemas/consultation.ts';
import type { ArchiveItem } from './case.ts';
import type { Finding } from './finding.ts';

const inquiryParts = [
  { key: 'profile', label: '基本资料（服务对象概况）' },
  { key: 'purpose', label: '访谈目的' },
  { key: 'content', label: '访谈内容' },
  { key: 'needsAnalysis', label: '需求分析及评估' },
  { key: 'closing', label: '结案信息表' },
] as const;

/** C-INQUIRY: the contents of an inquiry's archive bag. */
export const inquiryArchiveItems = (data: ConsultationRecord): ArchiveItem[] => inquiryParts.map((part) => ({ label: part.label, present: data[part.key] !== undefined }));

/** C-INQUIRY (第三条): an inquiry without an opened case is still recorded in full. */
export const inquiryIsRecorded: RecordRule<'consultation'> = (record) => {
  const report = reporter(record);
  const findings: Finding[] = inquiryParts
    .filter((part) => record.data[part.key] === undefined)
    .map((part) => report.error('C-INQUIRY', [part.key], `咨询/访谈记录缺少「${part.label}」；未开案的访谈也须如实记录目的、内容、需求分析及评估、基本资料和结案信息`));
  const closing = record.data.closing;
  if (closing && closing.date < record.data.date) {
    findings.push(report.error('C-INQUIRY', ['closing', 'date'], `结案日期 ${closing.date} 早于咨询日期 ${record.data.date}`));
  }
  return findings;
};

/** C-HOTLINE (第四条): a hotline consultation names a hotline the organisation serves. */
export const hotlineIsKnown: RecordRule<'consultation', ConfigContext> = (record, ctx) => {
  const report = reporter(record);
  const { channel, hotline } = record.data;
  const known = ctx.config.hotlines;
  if (channel === '热线' && hotline === undefined) {
    return [report.error('C-HOTLINE', ['channel'], `热线咨询须写明热线号码（hotline），例如 ${known[0] ?? '12355'}`)];
  }
  if (hotline !== undefined && channel !== '热线') {
    return [report.error('C-HOTLINE', ['hotline'], `写了热线号码，但咨询方式是 ${channel}；热线咨询的咨询方式应为 热线`)];
  }
  if (hotline !== undefined && !known.includes(hotline)) {
    return [report.error('C-HOTLINE', ['hotline'], `热线号码不在 archive.yaml 的热线列表中（${known.join('、') || '空'}）；这里只能写本机构服务的热线，不能写来电号码`)];
  }
  return [];
};
