// The XLSX answer of GET /v1/statistics/monthly (issue 14 point 4): the CSV's rows as one sheet, for the people who
// open statistics in a spreadsheet. Written with write-excel-file (a zip of the sheet XML, no native code).
import writeXlsxFile, { type Row, type SheetData } from 'write-excel-file/node';
import { csvRows, CSV_HEADER, MONEY_MEASURES } from '../../domain/statistics/monthly-statistics.js';
import type { MonthlyStatistics } from '../../services/statistics/read-monthly-statistics.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * One row a figure, as the CSV. Values are number cells so the sheet can sum them: money with two places (a yuan
 * amount of numeric(18,2) up to 10^13 is exact in a spreadsheet's double), counts as integers.
 */
export async function statisticsWorkbook(report: MonthlyStatistics): Promise<Buffer> {
  const header: Row = CSV_HEADER.map((name) => ({ value: name, fontWeight: 'bold' as const }));
  const rows: Row[] = csvRows(report.months).map(([month, section, item, measure, value]) => [
    { value: month! },
    { value: section! },
    { value: item! },
    { value: measure! },
    MONEY_MEASURES.has(measure!) ? { value: Number(value), format: '#,##0.00' } : { value: Number(value), format: '0' },
  ]);
  const sheet: SheetData = [header, ...rows];
  return writeXlsxFile(sheet, {
    sheet: `${report.region} ${report.from}–${report.to}`,
    columns: [{ width: 10 }, { width: 14 }, { width: 18 }, { width: 12 }, { width: 16 }],
  }).toBuffer();
}
