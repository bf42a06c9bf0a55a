import { diffArrays } from 'diff';
import type { TableCell } from '../outline/tables.ts';
import { alignRuns } from './align.ts';

/** A piece of changed text: kept, added or removed (the word-level diff's unit). */
export interface TextPart {
	value: string;
	added?: true;
	removed?: true;
}

/**
 * One cell of a changed table row: kept, changed word by word (`parts`), or added / removed (a
 * column inserted or dropped). `text` is the cell as the newer version has it (the older one's
 * for a removed cell).
 */
export interface CellChange {
	kind: 'same' | 'changed' | 'added' | 'removed';
	text: string;
	parts?: TextPart[];
	span?: number;
	head?: true;
}

/**
 * The cells of two versions of a table row, aligned: equal cells are kept; between them, removed and
 * added cells face each other in order and are one changed cell each (the word-level differences of
 * `diffText`); what is left over is a removed or added column.
 */
export function diffCells(
	before: readonly TableCell[],
	after: readonly TableCell[],
	diffText: (a: string, b: string) => TextPart[],
): CellChange[] {
	const result: CellChange[] = [];
	for (const run of alignRuns(before, after, (a, b) => a.text === b.text)) {
		if (run.kind === 'same') {
			for (const [, now] of run.pairs) result.push({ kind: 'same', ...cellOf(now) });
			continue;
		}
		const { removed, added } = run;
		const paired = Math.min(removed.length, added.length);
		for (let k = 0; k < paired; k++)
			result.push({ kind: 'changed', ...cellOf(added[k]!), parts: diffText(removed[k]!.text, added[k]!.text) });
		for (const cell of removed.slice(paired)) result.push({ kind: 'removed', ...cellOf(cell) });
		for (const cell of added.slice(paired)) result.push({ kind: 'added', ...cellOf(cell) });
	}
	return result;
}

/** Share of the longer row's cells that both rows keep unchanged, in order (a column inserted moves the rest along). */
export function cellSimilarity(before: readonly TableCell[], after: readonly TableCell[]): number {
	const width = Math.max(before.length, after.length);
	if (width === 0) return 0;
	const kept = diffArrays(
		before.map((cell) => cell.text),
		after.map((cell) => cell.text),
	)
		.filter((change) => !change.added && !change.removed)
		.reduce((sum, change) => sum + change.value.length, 0);
	return kept / width;
}

/** Columns a row of cells covers (spans counted). */
export function rowWidth(cells: readonly { span?: number }[]): number {
	return cells.reduce((sum, cell) => sum + (cell.span ?? 1), 0);
}

function cellOf(cell: TableCell): Pick<CellChange, 'text' | 'span' | 'head'> {
	return { text: cell.text, ...(cell.span ? { span: cell.span } : {}), ...(cell.head ? { head: true as const } : {}) };
}
