import ExcelJS from 'exceljs';
import { SOA_COLUMNS, soaRecords, soaTitleLines, type SoaHeading } from './soa-export.ts';
import type { SoaMatrix } from './soa.ts';

const WIDTHS = [11, 28, 36, 18, 9, 30, 10, 14, 36, 36, 8, 12];

/** The SoA matrix as an .xlsx workbook: title lines, then the same columns and rows as the page. */
export async function soaWorkbook(matrix: SoaMatrix, heading: SoaHeading): Promise<ArrayBuffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = heading.organization;
	workbook.created = new Date(`${heading.generated}T00:00:00Z`);
	const sheet = workbook.addWorksheet('適用性聲明書', { views: [{ state: 'frozen', ySplit: 4 }] });
	for (const line of soaTitleLines(heading)) sheet.addRow([line]);
	sheet.getRow(1).font = { bold: true, size: 14 };
	sheet.addRow([]);
	const header = sheet.addRow([...SOA_COLUMNS]);
	header.font = { bold: true };
	header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EAF0' } };
	for (const record of soaRecords(matrix)) sheet.addRow(record);
	WIDTHS.forEach((width, index) => {
		sheet.getColumn(index + 1).width = width;
		sheet.getColumn(index + 1).alignment = { vertical: 'top', wrapText: true };
	});
	sheet.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: SOA_COLUMNS.length } };
	const buffer = await workbook.xlsx.writeBuffer();
	return new Uint8Array(buffer).slice().buffer;
}
