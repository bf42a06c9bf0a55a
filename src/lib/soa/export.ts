import { stringify } from 'csv-stringify/sync';
import { formatRocDate } from '../documents/dates.ts';
import { SOA_REASONS, SOA_STATUSES } from './data.ts';
import type { Implementer, SoaMatrix, SoaRow } from './matrix.ts';

/** The columns of the SoA matrix, the same on the page, in the CSV and in the XLSX. */
export const SOA_COLUMNS = [
	'控制措施編號',
	'控制措施名稱',
	'英文名稱',
	'領域',
	'是否適用',
	'選用理由／不適用理由',
	'實施狀態',
	'權責單位',
	'佐證',
	'實作文件',
	'涵蓋',
	'最近審查',
] as const;

export function applicabilityLabel(row: SoaRow): string {
	if (!row.entry) return '未列入';
	return row.entry.applicable ? '適用' : '不適用';
}

export function reasonText(row: SoaRow): string {
	if (!row.entry) return '';
	return row.entry.applicable ? row.entry.reasons.map((r) => SOA_REASONS[r]).join('、') : (row.entry.justification ?? '');
}

export function statusLabel(row: SoaRow): string {
	return row.entry?.applicable && row.entry.status ? SOA_STATUSES[row.entry.status] : '';
}

/** 「依對照表」: a document implements the control through the crosswalk (it cites the other catalogue). */
export const VIA_CROSSWALK = '依對照表';

export function coverageLabel(row: SoaRow): string {
	if (!row.entry?.applicable) return '—';
	if (!row.covered) return '未涵蓋';
	return row.implementedBy.some((doc) => !doc.via) ? '已涵蓋' : `已涵蓋（${VIA_CROSSWALK}）`;
}

/** 「ISMS-P-014 存取控制管理程序書（依對照表：A.9.4.3）」 */
export function implementerText(doc: Implementer): string {
	return `${doc.docNo} ${doc.title}${doc.via ? `（${VIA_CROSSWALK}：${doc.via.join('、')}）` : ''}`;
}

/** One record per control, in catalogue order, as text cells. */
export function soaRecords(matrix: SoaMatrix): string[][] {
	return matrix.rows.map((row) => [
		row.control.id,
		row.control.zh,
		row.control.en,
		`${row.control.domain} ${row.control.domainZh}`,
		applicabilityLabel(row),
		reasonText(row),
		statusLabel(row),
		row.entry?.owner ?? '',
		row.entry?.evidence ?? '',
		row.implementedBy.map(implementerText).join('\n'),
		coverageLabel(row),
		row.entry?.lastReviewed ?? '',
	]);
}

export interface SoaHeading {
	standard: string;
	organization: string;
	version?: string;
	effective?: string;
	approvedBy?: string;
	changes?: string;
	generated: string;
}

/** The lines above the table: what this is, which SoA version, when it was generated. */
export function soaTitleLines(heading: SoaHeading): string[] {
	return [
		`${heading.organization} 適用性聲明書（${heading.standard} 附錄 A）`,
		heading.version
			? `版次 ${heading.version}；生效日期 ${formatRocDate(heading.effective!)}；核准 ${heading.approvedBy ?? ''}；產製日期 ${formatRocDate(heading.generated)}`
			: `尚未建立適用性聲明書資料；產製日期 ${formatRocDate(heading.generated)}`,
	];
}

/** A cell of the workbook: text, or a calendar date (`YYYY-MM-DD`) written as a date. */
export type SoaCell = string | { date: string };

/** The records with typed cells: 最近審查 as a date. */
export function soaCells(matrix: SoaMatrix): SoaCell[][] {
	const dateColumn = SOA_COLUMNS.indexOf('最近審查');
	return soaRecords(matrix).map((record) => record.map((cell, i) => (i === dateColumn && cell !== '' ? { date: cell } : cell)));
}

/**
 * UTF-8 with a byte-order mark so that Excel opens the Chinese text correctly. The column header is
 * row 1 (a table for filters and imports); which SoA version it is, is in the file name.
 */
export function soaCsv(matrix: SoaMatrix): string {
	const rows = [[...SOA_COLUMNS], ...soaRecords(matrix)];
	// A cell with several documents holds line breaks: quote it, or Excel splits the row. A cell that
	// starts with = + - @ tab or CR gets a leading ' (OWASP), or a spreadsheet would run it as a formula.
	return `\uFEFF${stringify(rows, { record_delimiter: '\r\n', quote_record_delimiter: true, escape_formulas: true })}`;
}
