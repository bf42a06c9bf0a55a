import { formatRocDate } from '../documents/dates.ts';
import { SOA_COLUMNS, soaCells, type SoaCell, type SoaHeading } from './export.ts';
import type { SoaMatrix } from './matrix.ts';

/**
 * The SoA as workbook sheets (written by src/node/xlsx.ts): 適用性聲明書, the same columns and rows as
 * the page and the CSV with the header on row 1 (frozen, filtered) and 最近審查 as dates; 說明, which
 * SoA version this is.
 */
export interface SoaSheet {
	name: string;
	rows: (SoaCell | null)[][];
	widths: number[];
	header: boolean;
}

export const SOA_SHEET = '適用性聲明書';
export const SOA_INFO_SHEET = '說明';
const WIDTHS = [11, 28, 36, 18, 9, 30, 10, 14, 36, 36, 12, 12];

export function soaSheets(matrix: SoaMatrix, heading: SoaHeading): SoaSheet[] {
	const info: (SoaCell | null)[][] = [
		['項目', '內容'],
		['機關', heading.organization],
		['依據標準', `${heading.standard} 附錄 A`],
		...(heading.version
			? [
					['版次', heading.version],
					['生效日期', { date: heading.effective! }],
					['核准', heading.approvedBy ?? ''],
					...(heading.changes ? [['修訂說明', heading.changes]] : []),
				]
			: [['狀態', '尚未建立適用性聲明書資料']]),
		['產製日期', { date: heading.generated }],
		['產製日期（民國）', formatRocDate(heading.generated)],
	] as (SoaCell | null)[][];
	return [
		{ name: SOA_SHEET, rows: [[...SOA_COLUMNS], ...soaCells(matrix)], widths: WIDTHS, header: true },
		{ name: SOA_INFO_SHEET, rows: info, widths: [16, 80], header: true },
	];
}
