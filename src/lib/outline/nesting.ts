import { anchorOf, labelOf, type ClausePath, type Marker, type Segment } from './numbering.ts';

/**
 * How clause markers nest into paths when a document may be anything from Markdown headings and
 * nested lists to flat paragraphs imported from Word (README.md in this folder, "Nesting"):
 *
 * 1. A marker of a style already open closes back to it and is its sibling (`二、` after `一、（一）1.`).
 * 2. A marker of a new style nests under the clause open last (`（一）` under `一、`), in any order.
 * 3. A decimal number is absolute (`6.4.3` is the child of `6.4` or `6` when open; `sec-6-4-3` always).
 *    A single number with no clause open (`## 1. 目的`, `1、目的`) is decimal: `sec-1`.
 * 4. Markdown structure bounds it: what a list item opens closes when the item ends; a heading
 *    closes the clauses of the body before it and of deeper headings; an unnumbered heading also
 *    closes its own level (附錄 ends the numbered section). A number heading under a shallower
 *    heading of the same style nests (`## 1.` › `### 1.`).
 * 5. `1.目的` (no space) is a clause only inside an official-scheme clause; elsewhere `1.` needs a space.
 * 6. A part after an unnumbered heading whose numbering starts again (a second 壹、) gets a `part`
 *    segment; otherwise numbers are unique in the document.
 */

/** Where a block stands in the Markdown tree. */
export interface Place {
	origin: 'heading' | 'body';
	/** Heading level (1–6) for headings. */
	level?: number;
	/** Ids of the list items that contain the block, outermost first (the item itself for an item). */
	items: readonly number[];
}

interface Entry {
	index: number;
	path: ClausePath;
	style: string;
	origin: 'heading' | 'body';
	level?: number;
	/** The innermost list item containing the clause, or 0. */
	scope: number;
}

/** Where a marker goes: its path, and the clause (index) it nests under. */
export interface Placement {
	path: ClausePath;
	parent?: number;
}

export interface Nesting {
	/** What a block at this place closes. Call before `place` for every block, numbered or not. */
	enter(place: Place, numbered: boolean): void;
	/** Where a marker goes, or undefined when it is not a clause here (a tight `1.目的` outside an official clause). */
	place(marker: Marker, place: Place): Placement | undefined;
	/** Opens the clause just placed (index in the outline's clauses) with its final path (see `anchorFor`). */
	open(index: number, path: ClausePath, marker: Marker, place: Place): void;
	/** The innermost open clause (index), if any. */
	current(): number | undefined;
	/** Anchor of a path, marking a part that restarts numbering when this anchor was used in an earlier part. */
	anchorFor(placement: Placement, taken: (anchor: string) => boolean): { path: ClausePath; anchor: string; label: string };
}

export function createNesting(): Nesting {
	const stack: Entry[] = [];
	let part = 1;
	let partHasClauses = false;
	/** The part segment once the current part is known to restart numbering. */
	let partSegment: Segment | undefined;
	let partDecided = false;

	const popTo = (length: number) => {
		if (length < stack.length) stack.length = length;
	};
	const isDecimal = (entry: Entry) => entry.path.at(-1)?.scheme === 'decimal';
	const decimalNumbers = (entry: Entry) => {
		const last = entry.path.at(-1);
		return last?.scheme === 'decimal' ? last.numbers : [];
	};

	return {
		enter(place, numbered) {
			while (stack.length > 0 && stack.at(-1)!.scope !== 0 && !place.items.includes(stack.at(-1)!.scope)) stack.pop();
			if (place.origin !== 'heading') return;
			const level = place.level ?? 1;
			const closes = (entry: Entry) => entry.origin === 'body' || (entry.level ?? 0) > level || (!numbered && (entry.level ?? 0) >= level);
			while (stack.length > 0 && closes(stack.at(-1)!)) stack.pop();
			if (!numbered && stack.length === 0 && partHasClauses) {
				part += 1;
				partHasClauses = false;
				partSegment = undefined;
				partDecided = false;
			}
		},

		place(marker, place) {
			const segment = marker.segment;
			if (marker.tight && !stack.some((entry) => !isDecimal(entry))) return undefined;
			if (segment.scheme === 'decimal') {
				const prefix = findLast(stack, (entry) => isDecimal(entry) && isPrefix(decimalNumbers(entry), segment.numbers));
				if (prefix >= 0) popTo(prefix + 1);
				else {
					const first = stack.findIndex(isDecimal);
					if (first >= 0) popTo(first);
				}
				const parent = stack.at(-1);
				return { path: [segment], ...(parent ? { parent: parent.index } : {}) };
			}
			const sibling = findLast(stack, (entry) => entry.style === marker.style);
			// `## 1. 目的` › `### 1. 定義`: the same style under a shallower heading is a child.
			const shallower = place.origin === 'heading' && sibling >= 0 && (stack[sibling]!.level ?? 0) < (place.level ?? 1);
			if (sibling >= 0 && !shallower) popTo(sibling);
			const parent = stack.at(-1);
			if (!parent) {
				return { path: segment.scheme === 'arabic' ? [{ scheme: 'decimal', numbers: [segment.number] }] : [segment] };
			}
			return { path: [...parent.path, segment], parent: parent.index };
		},

		open(index, path, marker, place) {
			const scope = place.items.at(-1) ?? 0;
			const entry: Entry = { index, path, style: marker.style, origin: place.origin, scope };
			if (place.level) entry.level = place.level;
			stack.push(entry);
			partHasClauses = true;
		},

		current() {
			return stack.at(-1)?.index;
		},

		anchorFor(placement, taken) {
			let path = placement.path;
			if (placement.parent === undefined && part > 1) {
				if (!partDecided) {
					partDecided = true;
					if (taken(anchorOf(path))) partSegment = { scheme: 'part', number: part };
				}
			}
			// Children carry their parent's path, part included; only root clauses need it added.
			if (placement.parent === undefined && partSegment) path = [partSegment, ...path];
			return { path, anchor: anchorOf(path), label: labelOf(path) };
		},
	};
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): number {
	for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
	return -1;
}

function isPrefix(prefix: readonly number[], numbers: readonly number[]): boolean {
	return prefix.length < numbers.length && prefix.every((n, i) => n === numbers[i]);
}
