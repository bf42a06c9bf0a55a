import type { NumberedParagraph } from './docx-numbering.ts';
import { normalizeText, stringify, tableRows, type Block } from './pandoc-ast.ts';

/** How far ahead a block may find its numbered paragraph (paragraphs the converter dropped). */
const LOOKAHEAD = 40;

export interface LabelMatch {
	labels: Map<Block, string>;
	/** Numbered paragraphs no block was found for (their numbers would be lost). */
	unmatched: NumberedParagraph[];
}

/**
 * Pairs the converter's blocks with the word processor's numbered paragraphs, in document order
 * and by text, so each numbered heading, paragraph or list item gets the number the reader saw
 * (`壹、`, `（一）`, `1.`). A block whose text already starts with its number (typed by hand) is left.
 */
export function matchLabels(blocks: readonly Block[], numbered: readonly NumberedParagraph[]): LabelMatch {
	const pending = numbered.filter((p) => normalizeText(p.text) !== '');
	const labels = new Map<Block, string>();
	const used = new Set<number>();
	let next = 0;

	const consider = (block: Block, text: string) => {
		const wanted = normalizeText(text);
		if (wanted === '') return;
		for (let j = next; j < Math.min(pending.length, next + LOOKAHEAD); j++) {
			if (normalizeText(pending[j]!.text) !== wanted) continue;
			const label = pending[j]!.label;
			if (!wanted.startsWith(normalizeText(label))) labels.set(block, label);
			used.add(j);
			next = j + 1;
			return;
		}
	};

	const visit = (list: readonly Block[]) => {
		for (const block of list) {
			switch (block.t) {
				case 'Plain':
				case 'Para':
					consider(block, stringify(block.c));
					break;
				case 'Header':
					consider(block, stringify(block.c[2]));
					break;
				case 'BulletList':
					block.c.forEach(visit);
					break;
				case 'OrderedList':
					block.c[1].forEach(visit);
					break;
				case 'BlockQuote':
					visit(block.c);
					break;
				case 'Div':
					visit(block.c[1]);
					break;
				case 'Table':
					for (const row of tableRows(block)) for (const cell of row[1]) visit(cell[4]);
					break;
				default:
					break;
			}
		}
	};
	visit(blocks);
	return { labels, unmatched: pending.filter((_, i) => !used.has(i)) };
}
