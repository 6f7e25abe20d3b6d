import type { RecordView } from '../site/site-model.ts';
import type { CoverFacts } from '../site/cover-facts.ts';
import { factsOf } from './filled-form.ts';
import type { PrintDocument, PrintPage } from './print-model.ts';

/** The box the archivist ticks when the paper is in the bag. */
const box = '□';

/** YYYYMM of an archive number as 2026 年 06 月. */
const archiveMonth = (archiveNo: string) => {
  const month = /-(\d{4})(\d{2})$/.exec(archiveNo);
  return month ? `${month[1]} 年 ${month[2]} 月` : '';
};

/** The archive-bag cover (档案袋封面): the record's numbers, dates, retention and contents, a box per item. Pure. */
export function coverPage(record: RecordView, cover: CoverFacts): PrintPage {
  const retention = cover.retention ? `${cover.retention.years} 年（${cover.retention.expires} 期满复核，不销毁）` : '（archive.yaml 未规定）';
  return {
    title: '档案袋封面',
    cover: true,
    facts: [
      ...factsOf(record),
      { label: '服务类别', value: record.categoryLabel },
      { label: '服务性质', value: record.nature },
      { label: '完成日期', value: cover.completed ?? '（尚未完成）' },
      { label: '存档年月', value: archiveMonth(cover.archiveNo) },
      { label: '保管期限', value: retention },
    ],
    statement: [],
    blocks: [
      { heading: '档案袋内材料', fields: [], table: { columns: ['材料', '档案记录', '装袋核对'], rows: cover.items.map((i) => [i.label, i.present ? '有' : '缺', box]), blankRows: 0 } },
      ...(cover.attachments.length > 0
        ? [{ heading: '个案附件清单', fields: [], table: { columns: ['附件名称', '页数', '装袋核对'], rows: cover.attachments.map((a) => [a.name, a.pages === null ? '' : String(a.pages), box]), blankRows: 0 } }]
        : []),
    ],
    signatures: ['归档社工', '档案管理人'],
  };
}

export function coverDocument(organisation: string, internal: boolean, record: RecordView, cover: CoverFacts): PrintDocument {
  return { organisation, archiveNo: cover.archiveNo, internal, title: `${cover.archiveNo} 档案袋封面`, pages: [coverPage(record, cover)] };
}
