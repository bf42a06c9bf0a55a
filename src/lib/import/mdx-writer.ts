import { escapeLineStart, inlineMdx, type InlineContext } from './mdx-text.ts';
import { tableMdx } from './mdx-tables.ts';
import { formatNumber, type NumberFormat } from './numbering.ts';
import type { Block, Inline, ListAttributes } from './pandoc-ast.ts';
import { placeTables } from './table-placement.ts';

/** What the writer needs besides the blocks: clause labels, images, and where to note problems. */
export interface WriterContext {
	/** The literal clause number of a numbered block (from the word processor's numbering). */
	labelOf(block: Block): string | undefined;
	image: InlineContext['image'];
}

/** A label is followed by a space unless it ends in full-width punctuation (`壹、`, `（一）`). */
export function joinLabel(label: string, text: string): string {
	if (text === '') return label;
	return /[、，。）」】〕：]$/.test(label) ? `${label}${text}` : `${label} ${text}`;
}

const PANDOC_FORMATS: Record<string, NumberFormat> = {
	Decimal: 'decimal',
	DefaultStyle: 'decimal',
	Example: 'decimal',
	LowerRoman: 'lowerRoman',
	UpperRoman: 'upperRoman',
	LowerAlpha: 'lowerLetter',
	UpperAlpha: 'upperLetter',
};

/** The number an ordered list shows for item `index` when the word processor's own label is unknown. */
export function fallbackLabel(attributes: ListAttributes, index: number): string {
	const [start, style, delim] = attributes;
	const number = formatNumber(start + index, PANDOC_FORMATS[style.t] ?? 'decimal');
	if (delim.t === 'OneParen') return `${number})`;
	if (delim.t === 'TwoParens') return `(${number})`;
	return `${number}.`;
}

function indent(lines: readonly string[], prefix: string, first = prefix): string[] {
	return lines.map((line, i) => (line === '' ? '' : `${i === 0 ? first : prefix}${line}`));
}

/**
 * Writes pandoc blocks as the MDX body of a controlled document: headings one level down (the
 * title is the page's h1), numbered clauses with their literal numbers as list items, tables (inside
 * the clause that announces them), images and footnotes. Returns the body; footnote definitions come last.
 */
export function writeBody(blocks: readonly Block[], context: WriterContext): string {
	const notes: string[][] = [];
	const inline: InlineContext = {
		image: context.image,
		note: (noteBlocks) => {
			notes.push(renderBlocks(noteBlocks));
			return `[^${notes.length}]`;
		},
	};
	const cellInline: InlineContext = { ...inline, inCell: true };

	const paragraph = (inlines: readonly Inline[], label?: string): string[] => {
		const text = inlineMdx(inlines, inline);
		const full = label ? joinLabel(label, text) : text;
		if (full === '') return [];
		return full.split('\n').map(escapeLineStart);
	};

	const cellText = (cellBlocks: Block[]): string => {
		const parts: string[] = [];
		const visit = (blocks: readonly Block[]) => {
			for (const block of blocks) {
				if (block.t === 'Plain' || block.t === 'Para') {
					const label = context.labelOf(block);
					const text = inlineMdx(block.c, cellInline);
					parts.push(label ? joinLabel(label, text) : text);
				} else if (block.t === 'BulletList') block.c.forEach((item) => visit(item));
				else if (block.t === 'OrderedList') block.c[1].forEach((item) => visit(item));
				else if (block.t === 'Div' || block.t === 'BlockQuote') visit(block.t === 'Div' ? block.c[1] : block.c);
				else if (block.t === 'Header') parts.push(inlineMdx(block.c[2], cellInline));
			}
		};
		visit(cellBlocks);
		return parts.filter((p) => p !== '').join('<br />');
	};

	const listItems = (items: readonly Block[][], attributes?: ListAttributes): string[] => {
		const out: string[] = [];
		items.forEach((item, index) => {
			const [first, ...rest] = item;
			if (first && (first.t === 'BulletList' || first.t === 'OrderedList')) {
				// An item that starts with a deeper list (numbering began below level 1): hoist it.
				out.push(...renderBlocks(item));
				return;
			}
			let head: string[] = [];
			let tail = rest;
			if (first && (first.t === 'Plain' || first.t === 'Para')) {
				const label = context.labelOf(first) ?? (attributes ? fallbackLabel(attributes, index) : undefined);
				head = paragraph(first.c, label);
			} else tail = item;
			const body = renderBlocks(tail);
			if (head.length === 0 && body.length === 0) return;
			out.push(...indent(head.length > 0 ? head : [''], '  ', '- '));
			// A nested list follows its clause directly (a tight list); other blocks after a blank line.
			const nested = tail[0]?.t === 'BulletList' || tail[0]?.t === 'OrderedList';
			if (body.length > 0) out.push(...(nested && head.length > 0 ? [] : ['']), ...indent(body, '  '));
		});
		return out;
	};

	function renderBlocks(blocks: readonly Block[]): string[] {
		const chunks: string[][] = [];
		// A table Word kept after a numbered list goes into the clause that announces it (table-placement.ts).
		for (const block of placeTables(blocks)) {
			const lines = renderBlock(block);
			if (lines.length > 0) chunks.push(lines);
		}
		return chunks.flatMap((chunk, i) => (i === 0 ? chunk : ['', ...chunk]));
	}

	function renderBlock(block: Block): string[] {
		switch (block.t) {
			case 'Plain':
			case 'Para':
				return paragraph(block.c, context.labelOf(block));
			case 'Header': {
				const text = inlineMdx(block.c[2], inline);
				const label = context.labelOf(block);
				const full = label ? joinLabel(label, text) : text;
				if (full === '') return [];
				return [`${'#'.repeat(Math.min(6, block.c[0] + 1))} ${full.replace(/\\\n/g, ' ')}`];
			}
			case 'BulletList':
				return listItems(block.c);
			case 'OrderedList':
				return listItems(block.c[1], block.c[0]);
			case 'BlockQuote':
				return renderBlocks(block.c).map((line) => (line === '' ? '>' : `> ${line}`));
			case 'LineBlock':
				return paragraph(block.c.flatMap((line, i) => (i === 0 ? line : [{ t: 'LineBreak' } as Inline, ...line])));
			case 'CodeBlock': {
				const fence = '`'.repeat(Math.max(3, ...[...block.c[1].matchAll(/`+/g)].map((m) => m[0].length + 1)));
				return [fence, ...block.c[1].split('\n'), fence];
			}
			case 'DefinitionList':
				return block.c.flatMap(([term, definitions]) => [...paragraph(term), '', ...renderBlocks(definitions.flat())]);
			case 'Table':
				return tableMdx(block, cellText);
			case 'Figure':
				return renderBlocks([...block.c[2], ...block.c[1][1]]);
			case 'Div':
				return renderBlocks(block.c[1]);
			case 'HorizontalRule':
				return ['---'];
			default:
				return [];
		}
	}

	const body = renderBlocks(blocks);
	notes.forEach((note, i) => {
		body.push('', ...indent(note.length > 0 ? note : [''], '    ', `[^${i + 1}]: `));
	});
	return `${body.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
