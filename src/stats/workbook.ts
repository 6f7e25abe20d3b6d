import ExcelJS from 'exceljs';
import type { Table } from './tables.ts';

/** The report as an Excel workbook: one sheet per table, a bold header row, numbers as numbers. */
export function statsWorkbook(tables: readonly Table[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name);
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? undefined));
    sheet.columns.forEach((column, i) => {
      const widest = Math.max(...[table.columns[i], ...table.rows.map((r) => r[i])].map((v) => displayWidth(String(v ?? ''))));
      column.width = Math.min(40, widest + 2);
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return workbook;
}

/** Columns a text takes: a CJK character is two. */
const displayWidth = (text: string) => [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
