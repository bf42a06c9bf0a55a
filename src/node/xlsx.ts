import { strToU8, zipSync } from 'fflate';

/**
 * A small .xlsx (Office Open XML) writer for the portal's tables: typed cells (text, numbers, dates
 * as dates), a bold frozen header row with filters, column widths and wrapped text. Only what the
 * exports need, written as the SpreadsheetML the standard defines, zipped with fflate.
 */
export type XlsxCell = string | number | { date: string } | null | undefined;

export interface XlsxSheet {
	name: string;
	rows: XlsxCell[][];
	/** Column widths in characters. */
	widths?: number[];
	/** Row 1 is a header: bold, frozen, with filters over the table. */
	header?: boolean;
}

export interface XlsxOptions {
	creator?: string;
	/** `YYYY-MM-DD`. */
	created?: string;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Styles (cellXfs): 0 default, 1 wrapped text, 2 header, 3 date. */
const STYLE = { text: 1, header: 2, date: 3 } as const;

/** Text for XML: markup characters escaped, characters XML cannot hold removed. */
export function xmlText(value: string): string {
	return value
		.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** 1 → A, 27 → AA. */
export function columnName(index: number): string {
	let name = '';
	for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
	return name;
}

/** Excel's serial day number of a calendar date (1900 date system): 2026-01-15 → 46037. */
export function dateSerial(isoDate: string): number {
	const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
	return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function cellXml(cell: XlsxCell, ref: string, headerRow: boolean): string {
	if (cell === null || cell === undefined || cell === '') return '';
	if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
	if (typeof cell === 'object') return `<c r="${ref}" s="${STYLE.date}"><v>${dateSerial(cell.date)}</v></c>`;
	return `<c r="${ref}" t="inlineStr" s="${headerRow ? STYLE.header : STYLE.text}"><is><t xml:space="preserve">${xmlText(cell)}</t></is></c>`;
}

function sheetXml(sheet: XlsxSheet): string {
	const columns = Math.max(1, ...sheet.rows.map((row) => row.length));
	const rows = sheet.rows
		.map(
			(row, r) =>
				`<row r="${r + 1}">${row.map((cell, c) => cellXml(cell, `${columnName(c + 1)}${r + 1}`, Boolean(sheet.header) && r === 0)).join('')}</row>`,
		)
		.join('');
	const view = sheet.header
		? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
		: '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
	const cols = sheet.widths?.length
		? `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
		: '';
	const filter = sheet.header ? `<autoFilter ref="${filterRange(sheet, columns)}"/>` : '';
	return `${XML}<worksheet xmlns="${NS}" xmlns:r="${REL}">${view}<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows}</sheetData>${filter}</worksheet>`;
}

function filterRange(sheet: XlsxSheet, columns: number): string {
	return `A1:${columnName(columns)}${Math.max(1, sheet.rows.length)}`;
}

/** `$A$1:$L$115` */
function absoluteRange(sheet: XlsxSheet): string {
	const columns = Math.max(1, ...sheet.rows.map((row) => row.length));
	return `$A$1:$${columnName(columns)}$${Math.max(1, sheet.rows.length)}`;
}

const STYLES = `${XML}<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE8EAF0"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The workbook as the bytes of an .xlsx file. */
export function writeXlsx(sheets: readonly XlsxSheet[], options: XlsxOptions = {}): Uint8Array<ArrayBuffer> {
	const quoteName = (name: string) => `'${name.replace(/'/g, "''")}'`;
	const workbook = `${XML}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${sheets
		.map((sheet, i) => `<sheet name="${xmlText(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
		.join('')}</sheets><definedNames>${sheets
		.map((sheet, i) =>
			sheet.header
				? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(`${quoteName(sheet.name)}!${absoluteRange(sheet)}`)}</definedName>`
				: '',
		)
		.join('')}</definedNames></workbook>`;
	const rels = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
		.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
		.join('')}<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
	const contentTypes = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets
		.map(
			(_, i) =>
				`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
		)
		.join('')}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
	const rootRels = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
	const created = options.created ? `<dcterms:created xsi:type="dcterms:W3CDTF">${options.created}T00:00:00Z</dcterms:created>` : '';
	const core = `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${options.creator ? `<dc:creator>${xmlText(options.creator)}</dc:creator>` : ''}${created}</cp:coreProperties>`;
	const files: Record<string, Uint8Array> = {
		'[Content_Types].xml': strToU8(contentTypes),
		'_rels/.rels': strToU8(rootRels),
		'docProps/core.xml': strToU8(core),
		'xl/workbook.xml': strToU8(workbook),
		'xl/_rels/workbook.xml.rels': strToU8(rels),
		'xl/styles.xml': strToU8(STYLES),
	};
	sheets.forEach((sheet, i) => {
		files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet));
	});
	// A fixed modification time keeps the output the same from build to build.
	return zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') }) as Uint8Array<ArrayBuffer>;
}
