import { isElement, normalise, rawText, startOf, type MdNode } from './tree.ts';

/** One cell of a table row as the diff shows it. */
export interface TableCell {
	text: string;
	/** Columns it spans (`colspan`), when more than one. */
	span?: number;
	/** A header cell (`th`, or a Markdown table's first row). */
	head?: true;
}

/**
 * One table row as the diff compares it: its cells' text joined by ` | ` (what the diff aligns and
 * search reads), and the cells themselves, so a changed cell shows as a change in its row.
 */
export interface TableRow {
	text: string;
	line: number;
	column: number;
	cells: TableCell[];
	/** A header row (a Markdown table's first row; an HTML row in `thead` or of `th` cells only). */
	head?: true;
	/** The column headings of a body row: the last header row above it, when the table has one. */
	columns?: TableCell[];
}

/** Rows of a GitHub-flavoured Markdown table: the first row is its header. */
export function markdownTableRows(table: MdNode): TableRow[] {
	const rows = (table.children ?? []).map((row, index) => {
		const cells: TableCell[] = (row.children ?? []).map((cell) => ({
			text: normalise(rawText(cell)),
			...(index === 0 ? { head: true as const } : {}),
		}));
		return { text: joined(cells), ...startOf(row), cells };
	});
	const columns = rows[0]?.cells;
	return rows.map((row, index) => (index === 0 ? { ...row, head: true as const } : { ...row, ...(columns ? { columns } : {}) }));
}

/**
 * Rows of an HTML table written in MDX (`<table>`, as Word and pandoc produce for merged cells).
 * A cell spanning rows (`rowspan`) is repeated in each row it covers, so every row reads whole
 * and a change in a merged cell shows in the rows it belongs to; a cell spanning columns
 * (`colspan`) is read once per row, with its span.
 */
export function htmlTableRows(table: MdNode): TableRow[] {
	const rows = collectRows(table);
	const grid: (MdNode | undefined)[][] = rows.map(() => []);
	rows.forEach((row, r) => {
		let column = 0;
		for (const cell of collect(row.node, 'td', 'th')) {
			while (grid[r]![column]) column++;
			const rowSpan = span(cell, 'rowspan');
			const colSpan = span(cell, 'colspan');
			for (let dr = 0; dr < rowSpan && r + dr < rows.length; dr++) {
				for (let dc = 0; dc < colSpan; dc++) grid[r + dr]![column + dc] = cell;
			}
			column += colSpan;
		}
	});
	let columns: TableCell[] | undefined;
	return rows.map((row, r) => {
		const cells: TableCell[] = [];
		let last: MdNode | undefined;
		for (const node of grid[r]!) {
			if (!node) continue;
			if (node === last) {
				const cell = cells.at(-1)!;
				cell.span = (cell.span ?? 1) + 1;
				continue;
			}
			last = node;
			cells.push({ text: normalise(rawText(node)), ...(isElement(node, 'th') ? { head: true as const } : {}) });
		}
		const head = row.inHead || (cells.length > 0 && cells.every((cell) => cell.head));
		const result: TableRow = {
			text: joined(cells),
			...startOf(row.node),
			cells,
			...(head ? { head: true as const } : columns ? { columns } : {}),
		};
		if (head) columns = cells;
		return result;
	});
}

const joined = (cells: readonly TableCell[]) => cells.map((cell) => cell.text).join(' | ');

/** The table's rows in order, each knowing whether it is inside `thead`; not inside a nested table. */
function collectRows(node: MdNode, inHead = false): { node: MdNode; inHead: boolean }[] {
	const found: { node: MdNode; inHead: boolean }[] = [];
	for (const child of node.children ?? []) {
		if (isElement(child, 'tr')) found.push({ node: child, inHead });
		else if (!isElement(child, 'table')) found.push(...collectRows(child, inHead || isElement(child, 'thead')));
	}
	return found;
}

/** Descendants named `names`, in order, not looking inside them or inside a nested table. */
function collect(node: MdNode, ...names: string[]): MdNode[] {
	const found: MdNode[] = [];
	for (const child of node.children ?? []) {
		if (isElement(child, ...names)) found.push(child);
		else if (!isElement(child, 'table')) found.push(...collect(child, ...names));
	}
	return found;
}

/** `rowspan="2"`, `rowSpan={2}`: 1 to 100, else 1. */
function span(cell: MdNode, name: string): number {
	const attribute = cell.attributes?.find((a) => a.type !== 'mdxJsxExpressionAttribute' && a.name?.toLowerCase() === name);
	const raw = attribute?.value;
	const text =
		typeof raw === 'string'
			? raw
			: typeof raw === 'object' && raw !== null && 'value' in raw
				? String((raw as { value: unknown }).value)
				: '';
	const value = Number.parseInt(text, 10);
	return Number.isInteger(value) && value >= 1 ? Math.min(value, 100) : 1;
}
