import { tableRows, type Block, type Cell, type Row } from './pandoc-ast.ts';

type Table = Extract<Block, { t: 'Table' }>;

/** How a cell's blocks become one line of MDX (paragraphs joined with `<br />`). */
export type CellRenderer = (blocks: Block[]) => string;

function isEmptyRow(row: Row): boolean {
	return row[1].every((cell) => cell[4].length === 0);
}

function hasMergedCells(rows: readonly Row[]): boolean {
	return rows.some((row) => row[1].some((cell) => cell[2] > 1 || cell[3] > 1));
}

/**
 * The rows a reader sees, top to bottom, and how many of them are the header. pandoc's ODT reader
 * gives an empty header row: dropped. Without a header the first row is taken as the header (with
 * the rows its merged cells span), as in Word tables of Taiwanese documents, where it names the columns.
 */
function layout(table: Table): { rows: Row[]; headerRows: number } {
	const head = table.c[3][1].filter((row) => !isEmptyRow(row));
	const rows = tableRows(table).filter((row) => !isEmptyRow(row) || row[1].length === 0);
	const kept = rows.filter((row) => row[1].length > 0);
	// Without a marked header, the first row is the header, with the rows its merged cells reach into.
	const headerRows = head.length > 0 ? head.length : Math.max(1, ...(kept[0]?.[1] ?? []).map((cell) => cell[2]));
	return { rows: kept, headerRows };
}

/** A GFM table: every cell one line, first row the header. */
function pipeTable(rows: readonly Row[], render: CellRenderer): string[] {
	const width = Math.max(...rows.map((row) => row[1].length));
	const line = (cells: readonly Cell[]) => {
		const texts = cells.map((cell) => render(cell[4]) || ' ');
		while (texts.length < width) texts.push(' ');
		return `| ${texts.join(' | ')} |`;
	};
	return [line(rows[0]![1]), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...rows.slice(1).map((row) => line(row[1]))];
}

/**
 * An accessible HTML table for merged cells: header cells are `<th scope>` (col, or colgroup when
 * spanning), spans are `colspan`/`rowspan`. Only table tags and these attributes are written: the
 * portal's MDX checks allow exactly them in documents.
 */
function htmlTable(rows: readonly Row[], headerRows: number, render: CellRenderer): string[] {
	// A header cell spanning into the body rows cannot stay in <thead>: then all rows go in <tbody>.
	const headSpansBody = rows.slice(0, headerRows).some((row, r) => row[1].some((cell) => r + cell[2] > headerRows));
	const out = ['<table>'];
	const section = (tag: string, part: readonly Row[], header: boolean) => {
		out.push(`  <${tag}>`);
		for (const [index, row] of part.entries()) {
			out.push('    <tr>');
			for (const cell of row[1]) {
				const spans = `${cell[3] > 1 ? ` colspan="${cell[3]}"` : ''}${cell[2] > 1 ? ` rowspan="${cell[2]}"` : ''}`;
				const text = render(cell[4]);
				if (header || (headSpansBody && index < headerRows))
					out.push(`      <th scope="${cell[3] > 1 ? 'colgroup' : 'col'}"${spans}>${text}</th>`);
				else out.push(`      <td${spans}>${text}</td>`);
			}
			out.push('    </tr>');
		}
		out.push(`  </${tag}>`);
	};
	if (headSpansBody) section('tbody', rows, false);
	else {
		section('thead', rows.slice(0, headerRows), true);
		if (rows.length > headerRows) section('tbody', rows.slice(headerRows), false);
	}
	out.push('</table>');
	return out;
}

/** A table as MDX lines: GFM when it is a plain grid of one-line cells, else accessible HTML. */
export function tableMdx(table: Table, render: CellRenderer): string[] {
	const { rows, headerRows } = layout(table);
	if (rows.length === 0) return [];
	const complex = rows.some((row) => row[1].some((cell) => cell[4].some((b) => b.t !== 'Plain' && b.t !== 'Para') || cell[4].length > 1));
	if (!hasMergedCells(rows) && !complex && headerRows === 1) return pipeTable(rows, render);
	return htmlTable(rows, headerRows, render);
}

/** An ODF cell layout (from content.xml) for restoring merged cells: see odt-structure.ts. */
export interface CellLayout {
	covered: boolean;
	colspan: number;
	rowspan: number;
}

/**
 * Puts back the merged cells pandoc's ODT reader flattens: it leaves covered cells out and pads
 * each row with empty cells at its end. When every row has a cell for each uncovered cell of the
 * layout read from content.xml (and only empty padding after them), spans are set and the padding
 * removed. Returns false (table unchanged) when they do not line up.
 */
export function restoreSpans(table: Table, layoutRows: readonly (readonly CellLayout[])[]): boolean {
	const rows = tableRows(table).filter((row) => !isEmptyRow(row));
	if (rows.length !== layoutRows.length) return false;
	const visible = layoutRows.map((row) => row.filter((cell) => !cell.covered));
	const fits = rows.every(
		(row, r) => row[1].length >= visible[r]!.length && row[1].slice(visible[r]!.length).every((cell) => cell[4].length === 0),
	);
	if (!fits) return false;
	rows.forEach((row, r) => {
		row[1] = visible[r]!.map((spec, c) => {
			const cell = row[1][c]!;
			return [cell[0], cell[1], Math.max(1, spec.rowspan), Math.max(1, spec.colspan), cell[4]] as Cell;
		});
	});
	return true;
}
