import { diffArrays } from 'diff';
import { stripMarker } from '../outline/numbering.ts';
import type { OutlineBlock as Block } from '../outline/outline.ts';
import { alignRuns } from './align.ts';
import { cellSimilarity, diffCells, type CellChange, type TextPart } from './table-diff.ts';

export type { CellChange, TextPart } from './table-diff.ts';

/**
 * What the diff reads of a block: its kind, clause (its label, `6.4.2.1` or `參、一、（二）`) and
 * text, and the path of the clause it is in (`clausePath`, when it is not a clause itself); a table
 * row also its cells, whether it is a header row, and its table's column headings. The build's blocks
 * carry more (depth, line); the versions.json files the diff page fetches carry only these.
 */
export type DiffBlock = Pick<Block, 'kind' | 'clause' | 'text' | 'cells' | 'head' | 'columns'> & { clausePath?: string };

/**
 * `clause`: the block's own clause; `within`: the clause path it is in, when it is not a clause itself.
 * A changed table row also has its `cells`, each kept, changed (word by word), added or removed.
 */
export type DiffRow =
	| { kind: 'same'; clause?: string; within?: string; block: DiffBlock }
	| { kind: 'changed'; clause?: string; within?: string; before: DiffBlock; after: DiffBlock; parts: TextPart[]; cells?: CellChange[] }
	| { kind: 'added'; clause?: string; within?: string; block: DiffBlock }
	| { kind: 'removed'; clause?: string; within?: string; block: DiffBlock };

export interface VersionDiff {
	rows: DiffRow[];
	counts: { changed: number; added: number; removed: number; same: number };
}

/** A block's text without its clause number (either scheme): what stays when a clause is only renumbered. */
const body = (block: DiffBlock) => (block.clause ? stripMarker(block.text, block.kind === 'heading' ? 'heading' : 'text') : block.text);
const segmenter = new Intl.Segmenter('zh-TW', { granularity: 'word' });

/** Words as Intl segments them for Traditional Chinese (Latin words, numbers and CJK words). */
export function tokenize(text: string): string[] {
	let words = tokens.get(text);
	if (!words) {
		words = Array.from(segmenter.segment(text), (segment) => segment.segment);
		// A page diffs several pairs of versions: each clause text is segmented once, not once per pair.
		if (tokens.size >= 50_000) tokens.clear();
		tokens.set(text, words);
	}
	return words;
}
const tokens = new Map<string, string[]>();

/** Word-level differences inside one changed clause. */
export function diffText(before: string, after: string): TextPart[] {
	const parts: TextPart[] = [];
	for (const change of diffArrays(tokenize(before), tokenize(after))) {
		const value = change.value.join('');
		const part: TextPart = change.added ? { value, added: true } : change.removed ? { value, removed: true } : { value };
		const last = parts.at(-1);
		if (last && Boolean(last.added) === Boolean(part.added) && Boolean(last.removed) === Boolean(part.removed)) {
			last.value += value;
		} else {
			parts.push(part);
		}
	}
	return parts;
}

/** Share of the longer text that two texts have in common, by word. */
function similarity(a: string, b: string): number {
	const common = diffArrays(tokenize(a), tokenize(b))
		.filter((change) => !change.added && !change.removed)
		.reduce((sum, change) => sum + change.value.join('').length, 0);
	return common / Math.max(a.length, b.length, 1);
}

/**
 * Clause-by-clause differences between two versions. Blocks are first aligned by their text, clause
 * numbers aside, so that a clause inserted or deleted in the middle does not make every clause after
 * it look rewritten: a clause that only got a new number shows as changed in its number alone. In the
 * stretches between, a removed and an added block are one changed clause when they carry the same
 * clause number, or when they are of the same kind and mostly the same words (an edit, possibly
 * renumbered too); the rest are removed and added.
 */
export function diffVersions(before: readonly DiffBlock[], after: readonly DiffBlock[]): VersionDiff {
	const rows: DiffRow[] = [];
	for (const run of alignRuns(before, after, (a, b) => body(a) === body(b))) {
		if (run.kind === 'same') for (const [old, now] of run.pairs) rows.push(compare(old, now));
		else rows.push(...pairRuns(run.removed, run.added));
	}
	const counts = { changed: 0, added: 0, removed: 0, same: 0 };
	for (const row of rows) counts[row.kind] += 1;
	return { rows, counts };
}

/** Two blocks aligned with each other: the same, or changed with word-level parts. */
function compare(old: DiffBlock, now: DiffBlock): DiffRow {
	if (old.text === now.text) return { kind: 'same', ...clauseOf(now), block: now };
	const cells = old.cells && now.cells ? { cells: diffCells(old.cells, now.cells, diffText) } : {};
	return { kind: 'changed', ...clauseOf(now), before: old, after: now, parts: diffText(old.text, now.text), ...cells };
}

/** Beyond this many removed × added blocks in one stretch, only nearby blocks are compared. */
const PAIRING_BUDGET = 2_000;
const PAIRING_WINDOW = 12;

/**
 * A stretch of removed blocks facing a stretch of added ones: pairs them as changed clauses, best
 * matches first, keeping the order of both versions. A pair keeps its clause number (whatever its
 * text became) or is of the same kind with at least half its words in common (a table row: half its
 * cells unchanged); a kept number counts for a quarter in the choice. Unpaired blocks are listed as removed, then added, where they stand.
 */
function pairRuns(removed: readonly DiffBlock[], added: readonly DiffBlock[]): DiffRow[] {
	const candidates: { i: number; j: number; score: number }[] = [];
	const everywhere = removed.length * added.length <= PAIRING_BUDGET;
	removed.forEach((old, i) => {
		added.forEach((now, j) => {
			if (!everywhere && Math.abs(i - j) > PAIRING_WINDOW) return;
			const sameNumber = Boolean(old.clause) && old.clause === now.clause;
			if (!sameNumber && old.kind !== now.kind) return;
			// A table row of two cells or more is the same row changed when at least half its cells stay
			// unchanged (however long they are); otherwise it was removed and another added.
			const byCells = old.cells && now.cells && Math.max(old.cells.length, now.cells.length) >= 2;
			const score = byCells ? cellSimilarity(old.cells!, now.cells!) : similarity(body(old), body(now));
			if (sameNumber || score >= 0.5) candidates.push({ i, j, score: score + (sameNumber ? 0.25 : 0) });
		});
	});
	candidates.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
	const pairs: { i: number; j: number }[] = [];
	for (const c of candidates) {
		if (pairs.every((p) => (p.i < c.i && p.j < c.j) || (p.i > c.i && p.j > c.j))) pairs.push(c);
	}
	pairs.sort((a, b) => a.i - b.i);
	const rows: DiffRow[] = [];
	let i = 0;
	let j = 0;
	const flush = (toI: number, toJ: number) => {
		for (; i < toI; i++) rows.push({ kind: 'removed', ...clauseOf(removed[i]!), block: removed[i]! });
		for (; j < toJ; j++) rows.push({ kind: 'added', ...clauseOf(added[j]!), block: added[j]! });
	};
	for (const pair of pairs) {
		flush(pair.i, pair.j);
		rows.push(compare(removed[i++]!, added[j++]!));
	}
	flush(removed.length, added.length);
	return rows;
}

function clauseOf(block: DiffBlock): { clause?: string; within?: string } {
	return block.clause ? { clause: block.clause } : block.clausePath ? { within: block.clausePath } : {};
}
