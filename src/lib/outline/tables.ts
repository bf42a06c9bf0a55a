import { isElement, normalise, rawText, startOf, type MdNode } from './tree.ts';

/** One table row as the diff compares it: its cells' text joined by ` | `. */
export interface TableRow {
	text: string;
	line: number;
	column: number;
}

/** Rows of a GitHub-flavoured Markdown table. */
export function markdownTableRows(table: MdNode): TableRow[] {
	return (table.children ?? []).map((row) => ({
		text: (row.children ?? []).map((cell) => normalise(rawText(cell))).join(' | '),
		...startOf(row),
	}));
}

/**
 * Rows of an HTML table written in MDX (`<table>`, as Word and pandoc produce for merged cells).
 * A cell spanning rows (`rowspan`) is repeated in each row it covers, so every row reads whole
 * and a change in a merged cell shows in the rows it belongs to; a cell spanning columns
 * (`colspan`) is read once per row.
 */
export function htmlTableRows(table: MdNode): TableRow[] {
	const rows = collect(table, 'tr');
	const grid: (MdNode | undefined)[][] = rows.map(() => []);
	rows.forEach((row, r) => {
		let column = 0;
		for (const cell of collect(row, 'td', 'th')) {
			while (grid[r]![column]) column++;
			const rowSpan = span(cell, 'rowspan');
			const colSpan = span(cell, 'colspan');
			for (let dr = 0; dr < rowSpan && r + dr < rows.length; dr++) {
				for (let dc = 0; dc < colSpan; dc++) grid[r + dr]![column + dc] = cell;
			}
			column += colSpan;
		}
	});
	return rows.map((row, r) => {
		const cells: MdNode[] = [];
		for (const cell of grid[r]!) if (cell && cells.at(-1) !== cell) cells.push(cell);
		return { text: cells.map((cell) => normalise(rawText(cell))).join(' | '), ...startOf(row) };
	});
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
	const text = typeof raw === 'string' ? raw : typeof raw === 'object' && raw !== null && 'value' in raw ? String((raw as { value: unknown }).value) : '';
	const value = Number.parseInt(text, 10);
	return Number.isInteger(value) && value >= 1 ? Math.min(value, 100) : 1;
}
