/**
 * Reads back the .xlsx files the portal writes, for tests (not a test file): the sheets in workbook
 * order with their cells (text, numbers, dates resolved through the cell's number format), the frozen
 * pane, the filter range and which cells are bold. Written against SpreadsheetML, not the writer.
 */
import { strFromU8, unzipSync } from 'fflate';

export type ReadCell = string | number | { date: string } | null;

export interface ReadSheet {
	name: string;
	/** rows[r][c], 0-based, null for an empty cell. */
	rows: ReadCell[][];
	frozenRows: number;
	autoFilter?: string;
	bold: (row: number, column: number) => boolean;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (text: string) =>
	text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');

function columnIndex(ref: string): number {
	const letters = /^[A-Z]+/.exec(ref)![0];
	return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

function isoFromSerial(serial: number): string {
	return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

export function readXlsx(bytes: Uint8Array): ReadSheet[] {
	const files = unzipSync(bytes);
	const text = (path: string) => {
		const file = files[path];
		if (!file) throw new Error(`missing ${path}`);
		return strFromU8(file);
	};
	const workbook = text('xl/workbook.xml');
	const rels = text('xl/_rels/workbook.xml.rels');
	const styles = text('xl/styles.xml');
	const formats = new Map([...styles.matchAll(/<numFmt\b[^>]*>/g)].map((m) => [attr(m[0], 'numFmtId'), attr(m[0], 'formatCode') ?? '']));
	const fonts = [
		...(/<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1] ?? '').matchAll(/<font\b[^>]*?(?:\/>|>([\s\S]*?)<\/font>)/g),
	].map((m) => /<b\s*\/>/.test(m[1] ?? ''));
	const xfs = [...(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b[^>]*>/g)].map((m) => {
		const numFmtId = attr(m[0], 'numFmtId') ?? '0';
		const code = formats.get(numFmtId) ?? '';
		return { date: /^(14|15|16|17|22)$/.test(numFmtId) || /[yd]/i.test(code), bold: fonts[Number(attr(m[0], 'fontId') ?? 0)] ?? false };
	});
	const shared = files['xl/sharedStrings.xml']
		? [...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
				unescape([...m[1]!.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
			)
		: [];
	return [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
		const rid = attr(m[0], 'r:id');
		const target = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((r) => r[0]).find((r) => attr(r, 'Id') === rid);
		const xml = text(`xl/${attr(target!, 'Target')!.replace(/^\/?xl\//, '')}`);
		const rows: ReadCell[][] = [];
		const boldCells = new Set<string>();
		for (const row of xml.matchAll(/<row\b[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
			const r = Number(attr(row[0], 'r')) - 1;
			const cells: ReadCell[] = [];
			for (const cell of (row[1] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
				const tag = `<c${cell[1]}>`;
				const c = columnIndex(attr(tag, 'r')!);
				const type = attr(tag, 't');
				const style = xfs[Number(attr(tag, 's') ?? 0)];
				const body = cell[2] ?? '';
				const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
				let value: ReadCell = null;
				if (type === 'inlineStr') value = unescape([...body.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''));
				else if (type === 's') value = shared[Number(v)] ?? '';
				else if (type === 'str') value = unescape(v ?? '');
				else if (v !== undefined) value = style?.date ? { date: isoFromSerial(Number(v)) } : Number(v);
				while (cells.length < c) cells.push(null);
				cells[c] = value;
				if (style?.bold) boldCells.add(`${r}:${c}`);
			}
			while (rows.length < r) rows.push([]);
			rows[r] = cells;
		}
		const pane = /<pane\b[^>]*>/.exec(xml)?.[0];
		return {
			name: unescape(attr(m[0], 'name')!),
			rows,
			frozenRows: pane && attr(pane, 'state') === 'frozen' ? Number(attr(pane, 'ySplit') ?? 0) : 0,
			...(/<autoFilter\b[^>]*>/.test(xml) ? { autoFilter: attr(/<autoFilter\b[^>]*>/.exec(xml)![0], 'ref')! } : {}),
			bold: (row: number, column: number) => boldCells.has(`${row}:${column}`),
		};
	});
}
