import type { Severity } from '../problems.ts';
import { createNesting, type Place } from './nesting.ts';
import { depthOf, labelOf, listMarker, readMarker, type ClausePath, type Marker, type Segment } from './numbering.ts';
import { htmlTableRows, markdownTableRows, type TableCell } from './tables.ts';
import { isElement, normalise, rawText, startOf, textStartOf, type MdNode } from './tree.ts';

/**
 * The outline of one version: every numbered clause with its path and anchor, the text blocks the
 * diff and search read (each knowing its clause), and the numbering problems — from one parse.
 * The checker, the anchor plugin, the auto-linker, backlinks, versions.json and search read this.
 */
export interface Outline {
	clauses: Clause[];
	blocks: OutlineBlock[];
	problems: OutlineProblem[];
}

export type ClauseKind = 'heading' | 'paragraph' | 'item';

export interface Clause {
	/** 參、一、（二） as segments (numbering.ts). */
	path: ClausePath;
	/** Element id on the page: `sec-6-4-3`, `sec-參-一-（二）`. */
	anchor: string;
	/** As staff write it: `6.4.3`, `參、一、（二）`. */
	label: string;
	kind: ClauseKind;
	/** The block's text, number included (an ordered list's number is shown by the list, not in the text). */
	text: string;
	/** Where the number is written (file line and column when the tree was parsed with the file's line offset). */
	line: number;
	column: number;
	/** Levels of the path (`6.4.3` → 3). */
	depth: number;
	/** Index in `clauses` of the clause it nests under. */
	parent?: number;
	/** h1–h6 for a heading. */
	headingLevel?: number;
	/** Same path as an earlier clause (an error): the page gives it no id, references reach the first. */
	duplicate?: true;
}

/** A text block as the diff and search compare it (the retired src/lib/blocks.ts `Block`). */
export interface OutlineBlock {
	kind: 'heading' | 'paragraph' | 'item' | 'row' | 'code';
	text: string;
	/** Heading level, or list nesting depth (1 = top level). */
	depth: number;
	line: number;
	column: number;
	/** The clause this block is: its label (`6.4.2.1`, `參、一、（二）`). */
	clause?: string;
	/** Characters of `text` that are its clause number (`（二）`); 0 when a list shows the number. */
	markerLength?: number;
	/** The clause the block is in (its own or the nearest enclosing one): label and anchor. */
	within?: { label: string; anchor: string };
	/** A table row's cells (`text` is them joined by ` | `), whether it is a header row, and its table's column headings. */
	cells?: TableCell[];
	head?: true;
	columns?: TableCell[];
}

/** A numbering problem, in the portal's Problem format less the file. */
export interface OutlineProblem {
	line: number;
	column: number;
	severity: Severity;
	rule: 'outline/duplicate-clause' | 'outline/skipped-clause' | 'outline/clause-order' | 'outline/clause-in-paragraph';
	message: string;
}

export interface OutlineOptions {
	/** Called for each clause with the node that gets its anchor (heading, paragraph or list item). */
	onClause?: (node: MdNode, clause: Clause) => void;
}

const SKIPPED = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'html', 'yaml', 'toml', 'definition', 'thematicBreak']);

/** Builds the outline of a parsed body (`parseBody`'s Sätteri tree, or the remark tree Astro renders). */
export function buildOutline(tree: MdNode, options: OutlineOptions = {}): Outline {
	const clauses: Clause[] = [];
	const blocks: OutlineBlock[] = [];
	const problems: OutlineProblem[] = [];
	const nesting = createNesting();
	const byAnchor = new Map<string, Clause>();
	const highest = new Map<string, number>();
	let itemIds = 0;

	const withinNow = (): OutlineBlock['within'] => {
		const index = nesting.current();
		return index === undefined ? undefined : { label: clauses[index]!.label, anchor: clauses[index]!.anchor };
	};

	/** A heading, paragraph or list item: opens a clause when it starts with a number. */
	const numbered = (
		kind: ClauseKind,
		node: MdNode,
		text: string,
		depth: number,
		place: Place,
		marker: Marker | undefined,
		at: { line: number; column: number },
	) => {
		nesting.enter(place, marker !== undefined);
		const placement = marker ? nesting.place(marker, place) : undefined;
		if (marker && !placement && place.origin === 'heading') nesting.enter(place, false);
		let clause: Clause | undefined;
		if (marker && placement) {
			const { path, anchor, label } = nesting.anchorFor(placement, (a) => byAnchor.has(a));
			const first = byAnchor.get(anchor);
			// Optional fields set after the literal, in the same order (no object spread per clause).
			clause = { path, anchor, label, kind, text, line: at.line, column: at.column, depth: depthOf(path) };
			if (placement.parent !== undefined) clause.parent = placement.parent;
			if (place.level) clause.headingLevel = place.level;
			if (first) clause.duplicate = true;
			clauses.push(clause);
			nesting.open(clauses.length - 1, path, marker, place);
			if (first) {
				problems.push({
					...at,
					severity: 'error',
					rule: 'outline/duplicate-clause',
					message: `條次「${label}」重複（第 ${first.line} 行已有同一條次）；同一層的編號不可重複，請更正編號，否則這一條沒有錨點，引用只會連到第 ${first.line} 行`,
				});
			} else {
				byAnchor.set(anchor, clause);
				checkSequence(clause, clauses, highest, problems);
			}
			options.onClause?.(node, clause);
		}
		const block: OutlineBlock = { kind, text, depth, line: at.line, column: at.column };
		if (clause) {
			block.clause = clause.label;
			// The marker was read from this text (a list's own number takes none of it).
			block.markerLength = marker!.length;
		}
		pushBlock(block);
	};

	/** Adds a block made for it (its clause set last, no copy). */
	const pushBlock = (block: OutlineBlock) => {
		if (block.text === '') return;
		const within = withinNow();
		if (within) block.within = within;
		blocks.push(block);
	};

	const body = (items: readonly number[]): Place => ({ origin: 'body', items });

	const paragraph = (node: MdNode, depth: number, items: readonly number[], kind: ClauseKind = 'paragraph', owner: MdNode = node) => {
		const raw = rawText(node);
		const text = normalise(raw);
		const at = startOf(node);
		numbered(kind, owner, text, depth, body(items), readMarker(text, 'text'), at);
		joinedClauses(raw, at, problems);
	};

	const walk = (node: MdNode, listDepth: number, items: readonly number[]): void => {
		if (SKIPPED.has(node.type)) return;
		switch (node.type) {
			case 'heading': {
				const text = normalise(rawText(node));
				const place: Place = { origin: 'heading', level: node.depth ?? 1, items };
				numbered('heading', node, text, node.depth ?? 1, place, readMarker(text, 'heading'), textStartOf(node));
				return;
			}
			case 'paragraph':
				paragraph(node, listDepth, items);
				return;
			case 'code':
				nesting.enter(body(items), false);
				pushBlock({ kind: 'code', text: normalise(node.value ?? ''), depth: listDepth, ...startOf(node) });
				return;
			case 'table':
				nesting.enter(body(items), false);
				for (const row of markdownTableRows(node)) pushBlock({ kind: 'row', depth: listDepth, ...row });
				return;
			case 'list':
				(node.children ?? []).forEach((item, position) => {
					const inner = [...items, ++itemIds];
					const children = item.children ?? [];
					const first = children[0];
					if (node.ordered) {
						const text = first?.type === 'paragraph' ? normalise(rawText(first)) : '';
						numbered('item', item, text, listDepth + 1, body(inner), listMarker((node.start ?? 1) + position), startOf(item));
						if (first?.type === 'paragraph') joinedClauses(rawText(first), startOf(first), problems);
						else if (first) walk(first, listDepth + 1, inner);
					} else if (first?.type === 'paragraph') {
						paragraph(first, listDepth + 1, inner, 'item', item);
					} else if (first) {
						walk(first, listDepth + 1, inner);
					}
					for (let k = 1; k < children.length; k++) walk(children[k]!, listDepth + 1, inner);
				});
				return;
			default:
				if (isElement(node, 'table')) {
					nesting.enter(body(items), false);
					for (const row of htmlTableRows(node)) pushBlock({ kind: 'row', depth: listDepth, ...row });
					return;
				}
				for (const child of node.children ?? []) walk(child, listDepth, items);
		}
	};
	walk(tree, 0, []);
	return { clauses, blocks, problems };
}

/**
 * Warns when a clause skips numbers (`一、` then `三、`) or goes back (`三、` then `二、`) among its
 * siblings. Decimal numbers count the numbers their descendants imply (`1.1.1` implies `1.1`).
 */
function checkSequence(clause: Clause, clauses: readonly Clause[], highest: Map<string, number>, problems: OutlineProblem[]): void {
	const last = clause.path.at(-1)!;
	const renumber = (n: number): ClausePath => {
		const replaced: Segment =
			last.scheme === 'decimal' ? { scheme: 'decimal', numbers: [...last.numbers.slice(0, -1), n] } : { ...last, number: n };
		return [...clause.path.slice(0, -1), replaced];
	};
	let key: string;
	let number: number;
	if (last.scheme === 'decimal') {
		const prefix = clause.path[0]!.scheme === 'part' ? labelOf(clause.path.slice(0, 1)) : '';
		// The key of a level is the numbers above it: `#` for 1, `#1` for 1.1, `#1.1` for 1.1.1.
		// 1.1.1 implies 1.1 (and 1): 1.2 after it skips nothing.
		let implied = `${prefix}#`;
		for (let k = 1; k < last.numbers.length; k++) {
			const above = last.numbers[k - 1]!;
			highest.set(implied, Math.max(highest.get(implied) ?? 0, above));
			implied += k === 1 ? `${above}` : `.${above}`;
		}
		key = implied;
		number = last.numbers.at(-1)!;
	} else {
		const parentKey =
			clause.parent !== undefined
				? clauses[clause.parent]!.anchor
				: clause.path[0]!.scheme === 'part'
					? labelOf(clause.path.slice(0, 1))
					: '';
		key = `${parentKey}|${last.scheme}`;
		number = last.number;
	}
	const before = highest.get(key);
	const at = { line: clause.line, column: clause.column };
	if (before !== undefined && number <= before) {
		problems.push({
			...at,
			severity: 'warning',
			rule: 'outline/clause-order',
			message: `條次「${clause.label}」排在「${labelOf(renumber(before))}」之後；請檢查編號順序`,
		});
	} else if (number > (before ?? 0) + 1) {
		const from = labelOf(renumber((before ?? 0) + 1));
		const to = number - 1 > (before ?? 0) + 1 ? `至「${labelOf(renumber(number - 1))}」` : '';
		problems.push({
			...at,
			severity: 'warning',
			rule: 'outline/skipped-clause',
			message: `條次「${clause.label}」跳號：前面缺少「${from}」${to}；請檢查編號`,
		});
	}
	highest.set(key, Math.max(before ?? 0, number));
}

/**
 * A line inside a paragraph that starts with a clause number (`（二）` typed on the next line
 * without an empty line before it) is not a clause: Markdown joins it to the paragraph.
 */
function joinedClauses(raw: string, start: { line: number; column: number }, problems: OutlineProblem[]): void {
	if (!raw.includes('\n')) return;
	const lines = raw.split('\n');
	for (let k = 1; k < lines.length; k++) {
		const line = lines[k]!;
		const marker = readMarker(line, 'text');
		if (!marker || marker.tight || marker.segment.scheme === 'decimal') continue;
		const written = line
			.trim()
			.slice(0, marker.length - (line.length - line.trimStart().length))
			.trim();
		problems.push({
			line: start.line + k,
			column: start.column + (line.length - line.trimStart().length),
			severity: 'warning',
			rule: 'outline/clause-in-paragraph',
			message: `「${written}」寫在段落中間，不會成為條文（沒有錨點，也不能被引用）；請在它前面空一行，讓它自成一段`,
		});
	}
}
