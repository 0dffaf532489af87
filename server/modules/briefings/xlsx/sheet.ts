import type ExcelJS from 'exceljs';
import type { BriefingPackData } from '../../../../shared';
import type { PackText, SourceRegistry } from '../pack-format';

export type Cell = string | number | null;

/** What every sheet is written with: the workbook, the data, the words, the pack-wide source numbers. */
export interface SheetContext {
  wb: ExcelJS.Workbook;
  d: BriefingPackData;
  pt: PackText;
  sources: SourceRegistry;
  rtl: boolean;
}

/** A sheet whose first row is a bold header kept in view (frozen), right to left in Arabic. */
export function addSheet(
  x: SheetContext,
  name: string,
  header: string[],
  widths: number[],
  frozenColumns = 0,
) {
  const ws = x.wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: frozenColumns, rightToLeft: x.rtl }],
  });
  ws.addRow(header).font = { bold: true };
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return ws;
}

/** Long cells wrap, and every row reads from its top. */
export const wrapped = (ws: ExcelJS.Worksheet) =>
  ws.eachRow((row) => {
    row.alignment = { wrapText: true, vertical: 'top' };
  });
