import { diffArrays } from 'diff';
import type { Block } from './blocks.ts';

/**
 * What the diff reads of a block: its kind, clause number and text. The build's blocks carry more
 * (depth, line); the versions.json files the diff page fetches carry only these.
 */
export type DiffBlock = Pick<Block, 'kind' | 'clause' | 'text'>;

/** A piece of changed text: kept, added or removed. */
export interface TextPart {
	value: string;
	added?: true;
	removed?: true;
}

export type DiffRow =
	| { kind: 'same'; clause?: string; block: DiffBlock }
	| { kind: 'changed'; clause?: string; before: DiffBlock; after: DiffBlock; parts: TextPart[] }
	| { kind: 'added'; clause?: string; block: DiffBlock }
	| { kind: 'removed'; clause?: string; block: DiffBlock };

export interface VersionDiff {
	rows: DiffRow[];
	counts: { changed: number; added: number; removed: number; same: number };
}

const key = (block: DiffBlock) => (block.clause ? `clause:${block.clause}` : `text:${block.text}`);
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
 * Clause-by-clause differences between two versions: blocks are aligned by clause number (or, for
 * unnumbered blocks, by their text); a clause whose text changed, or an unnumbered block replaced by
 * a similar one, is shown as changed with word-level differences.
 */
export function diffVersions(before: readonly DiffBlock[], after: readonly DiffBlock[]): VersionDiff {
	const rows: DiffRow[] = [];
	const changes = diffArrays([...before], [...after], { comparator: (a, b) => key(a) === key(b) });
	let oldIndex = 0;
	let newIndex = 0;
	for (let i = 0; i < changes.length; i++) {
		const change = changes[i]!;
		const count = change.value.length;
		if (!change.added && !change.removed) {
			// Same key: same clause number (its text may differ) or identical unnumbered text.
			for (let offset = 0; offset < count; offset++) {
				const old = before[oldIndex + offset]!;
				const now = after[newIndex + offset]!;
				rows.push(
					old.text === now.text
						? { kind: 'same', ...clauseOf(now), block: now }
						: { kind: 'changed', ...clauseOf(now), before: old, after: now, parts: diffText(old.text, now.text) },
				);
			}
			oldIndex += count;
			newIndex += count;
			continue;
		}
		const next = changes[i + 1];
		if (change.removed && next?.added) {
			rows.push(...pairRuns(before.slice(oldIndex, oldIndex + count), after.slice(newIndex, newIndex + next.value.length)));
			oldIndex += count;
			newIndex += next.value.length;
			i++;
			continue;
		}
		if (change.removed) {
			for (const block of before.slice(oldIndex, oldIndex + count)) rows.push({ kind: 'removed', ...clauseOf(block), block });
			oldIndex += count;
		} else {
			for (const block of after.slice(newIndex, newIndex + count)) rows.push({ kind: 'added', ...clauseOf(block), block });
			newIndex += count;
		}
	}
	const counts = { changed: 0, added: 0, removed: 0, same: 0 };
	for (const row of rows) counts[row.kind] += 1;
	return { rows, counts };
}

/** Removed blocks followed by added ones: pair unnumbered look-alikes as changes, keep the rest. */
function pairRuns(removed: readonly DiffBlock[], added: readonly DiffBlock[]): DiffRow[] {
	const rows: DiffRow[] = [];
	const count = Math.max(removed.length, added.length);
	const pending: DiffRow[] = [];
	for (let j = 0; j < count; j++) {
		const old = removed[j];
		const now = added[j];
		if (old && now && !old.clause && !now.clause && old.kind === now.kind && similarity(old.text, now.text) >= 0.5) {
			rows.push({ kind: 'changed', before: old, after: now, parts: diffText(old.text, now.text) });
			continue;
		}
		if (old) rows.push({ kind: 'removed', ...clauseOf(old), block: old });
		if (now) pending.push({ kind: 'added', ...clauseOf(now), block: now });
	}
	return [...rows, ...pending];
}

function clauseOf(block: DiffBlock): { clause?: string } {
	return block.clause ? { clause: block.clause } : {};
}
