import type { NumberedParagraph } from './docx-numbering.ts';
import { formatNumber, ListCounters, odfNumberFormat, type NumberFormat } from './numbering.ts';
import { elements, findAll, firstElement, type XmlElement } from './xml.ts';

interface OdfLevel {
	format: NumberFormat;
	prefix: string;
	suffix: string;
	/** How many levels the label shows (`1.2.3` for 3). */
	display: number;
	start: number;
}

/** `text:list-style` and `text:outline-style` definitions: numbered levels by style name. */
function readListStyles(...roots: (XmlElement | undefined)[]): {
	lists: Map<string, (OdfLevel | undefined)[]>;
	outline: (OdfLevel | undefined)[];
} {
	const lists = new Map<string, (OdfLevel | undefined)[]>();
	let outline: (OdfLevel | undefined)[] = [];
	const levelsOf = (style: XmlElement, name: string) => {
		const levels: (OdfLevel | undefined)[] = [];
		for (const level of elements(style, name)) {
			const format = odfNumberFormat(level.attributes['style:num-format']);
			levels[Number(level.attributes['text:level'] ?? 1) - 1] = {
				format,
				prefix: level.attributes['style:num-prefix'] ?? '',
				suffix: level.attributes['style:num-suffix'] ?? '',
				display: Number(level.attributes['text:display-levels'] ?? 1),
				start: Number(level.attributes['text:start-value'] ?? 1),
			};
		}
		return levels;
	};
	for (const root of roots) {
		if (!root) continue;
		for (const style of findAll(root, 'text:list-style'))
			lists.set(style.attributes['style:name'] ?? '', levelsOf(style, 'text:list-level-style-number'));
		const outlineStyle = findAll(root, 'text:outline-style')[0];
		if (outlineStyle) outline = levelsOf(outlineStyle, 'text:outline-level-style');
	}
	return { lists, outline };
}

function label(levels: readonly (OdfLevel | undefined)[], counters: readonly number[]): string {
	const level = levels[counters.length - 1];
	if (!level || level.format === 'none') return '';
	const shown = counters.slice(Math.max(0, counters.length - level.display));
	const numbers = shown.map((value, i) => formatNumber(value, levels[counters.length - shown.length + i]?.format ?? 'decimal'));
	return `${level.prefix}${numbers.join('.')}${level.suffix}`.trim();
}

/** Text of a paragraph or heading as shown, without notes, annotations and frame descriptions. */
export function odfParagraphText(paragraph: XmlElement): string {
	let out = '';
	const walk = (node: XmlElement) => {
		for (const child of node.children) {
			if (typeof child === 'string') {
				out += child;
				continue;
			}
			switch (child.name) {
				case 'text:s':
					out += ' '.repeat(Number(child.attributes['text:c'] ?? 1));
					break;
				case 'text:tab':
				case 'text:line-break':
					out += ' ';
					break;
				case 'text:note':
				case 'office:annotation':
				case 'svg:desc':
				case 'svg:title':
					break;
				default:
					walk(child);
			}
		}
	};
	walk(paragraph);
	return out;
}

/**
 * Every automatically numbered paragraph and heading of an OpenDocument text (content.xml; list
 * styles from content.xml and styles.xml) in document order, with the number as displayed: lists
 * by nesting depth and list style, `text:start-value`, continued lists (`text:continue-numbering`,
 * `text:continue-list`), and headings numbered by the outline style. The table of contents is skipped.
 */
export function odtNumberedParagraphs(content: XmlElement, styles?: XmlElement): NumberedParagraph[] {
	const { lists, outline } = readListStyles(styles, content);
	const counters = new ListCounters();
	const out: NumberedParagraph[] = [];
	let nextKey = 0;
	const keyById = new Map<string, string>();
	const lastKeyByStyle = new Map<string, string>();

	const visitList = (list: XmlElement, depth: number, styleName: string, key: string) => {
		const levels = lists.get(styleName) ?? [];
		for (const item of elements(list)) {
			if (item.name !== 'text:list-item' && item.name !== 'text:list-header') continue;
			const start = item.attributes['text:start-value'];
			if (start !== undefined) counters.restartAt(key, depth, Number(start));
			let numbered = item.name === 'text:list-item';
			for (const child of elements(item)) {
				if (child.name === 'text:list') {
					visitList(child, depth + 1, child.attributes['text:style-name'] ?? styleName, key);
				} else if (child.name === 'text:p' || child.name === 'text:h') {
					if (numbered && levels[depth]) {
						const text = label(
							levels,
							counters.advance(
								key,
								depth,
								levels.map((l) => l?.start ?? 1),
							),
						);
						if (text !== '') out.push({ label: text, text: odfParagraphText(child) });
					}
					numbered = false;
				} else walk(child);
			}
		}
	};

	const walk = (node: XmlElement) => {
		for (const child of elements(node)) {
			switch (child.name) {
				case 'text:table-of-content':
				case 'text:illustration-index':
				case 'text:table-index':
				case 'office:annotation':
				case 'text:note':
					break;
				case 'text:list': {
					const styleName = child.attributes['text:style-name'] ?? '';
					const continues = child.attributes['text:continue-list'];
					let key = continues !== undefined ? keyById.get(continues) : undefined;
					if (key === undefined && child.attributes['text:continue-numbering'] === 'true') key = lastKeyByStyle.get(styleName);
					key ??= `list-${nextKey++}`;
					const id = child.attributes['xml:id'];
					if (id) keyById.set(id, key);
					lastKeyByStyle.set(styleName, key);
					visitList(child, 0, styleName, key);
					break;
				}
				case 'text:h': {
					const level = Number(child.attributes['text:outline-level'] ?? 1) - 1;
					if (child.attributes['text:is-list-header'] !== 'true' && outline[level]) {
						const text = label(
							outline,
							counters.advance(
								'outline',
								level,
								outline.map((l) => l?.start ?? 1),
							),
						);
						if (text !== '') out.push({ label: text, text: odfParagraphText(child) });
					}
					break;
				}
				default:
					walk(child);
			}
		}
	};
	walk(firstElement(content, 'office:body') ?? content);
	return out;
}

/** One cell of an OpenDocument table as laid out: spans, or covered by a merged neighbour. */
export interface OdfCellLayout {
	covered: boolean;
	colspan: number;
	rowspan: number;
}

/**
 * The cell layout of every top-level table in content.xml, in document order, so merged cells the
 * converter flattened can be restored (pandoc's ODT reader keeps covered cells as empty ones).
 */
export function odtTableLayouts(content: XmlElement): OdfCellLayout[][][] {
	const tables: OdfCellLayout[][][] = [];
	const rowsOf = (node: XmlElement, rows: XmlElement[] = []): XmlElement[] => {
		for (const child of elements(node)) {
			if (child.name === 'table:table-row') rows.push(child);
			else if (['table:table-header-rows', 'table:table-rows', 'table:table-row-group'].includes(child.name)) rowsOf(child, rows);
		}
		return rows;
	};
	for (const table of findAll(firstElement(content, 'office:body') ?? content, 'table:table')) {
		const layout: OdfCellLayout[][] = [];
		for (const row of rowsOf(table)) {
			const cells: OdfCellLayout[] = [];
			for (const cell of elements(row)) {
				if (cell.name !== 'table:table-cell' && cell.name !== 'table:covered-table-cell') continue;
				const repeat = Math.min(Number(cell.attributes['table:number-columns-repeated'] ?? 1), 1000);
				for (let i = 0; i < repeat; i++) {
					cells.push({
						covered: cell.name === 'table:covered-table-cell',
						colspan: Number(cell.attributes['table:number-columns-spanned'] ?? 1),
						rowspan: Number(cell.attributes['table:number-rows-spanned'] ?? 1),
					});
				}
			}
			layout.push(cells);
		}
		tables.push(layout);
	}
	return tables;
}

/** The title (or description) of each image frame in content.xml, in document order: its alternative text. */
export function odtImageTexts(content: XmlElement): string[] {
	const texts: string[] = [];
	for (const frame of findAll(firstElement(content, 'office:body') ?? content, 'draw:frame')) {
		if (!firstElement(frame, 'draw:image')) continue;
		const title = firstElement(frame, 'svg:title') ?? firstElement(frame, 'svg:desc');
		texts.push(
			title
				? title.children
						.filter((c): c is string => typeof c === 'string')
						.join('')
						.trim()
				: '',
		);
	}
	return texts;
}
