import { docxNumberFormat, ListCounters, renderLabel, type LevelFormat } from './numbering.ts';
import { childValue, elements, firstElement, type XmlElement } from './xml.ts';

/** A paragraph the word processor numbers automatically, with the number as displayed. */
export interface NumberedParagraph {
	label: string;
	/** The paragraph's text as the converter reads it (no field codes, no deleted text, no notes). */
	text: string;
}

interface DocxLevel extends LevelFormat {
	legal: boolean;
	/** The paragraph style bound to this level (`w:pStyle`), e.g. Heading1. */
	style?: string;
}

interface DocxNumbering {
	abstract: Map<string, (DocxLevel | undefined)[]>;
	/** numId → its abstract definition and level start overrides. */
	nums: Map<string, { abstractId: string; overrides: Map<number, number> }>;
}

function readNumbering(numbering: XmlElement | undefined): DocxNumbering {
	const abstract = new Map<string, (DocxLevel | undefined)[]>();
	const nums = new Map<string, { abstractId: string; overrides: Map<number, number> }>();
	if (!numbering) return { abstract, nums };
	for (const definition of elements(numbering, 'w:abstractNum')) {
		const levels: (DocxLevel | undefined)[] = [];
		for (const level of elements(definition, 'w:lvl')) {
			const format = docxNumberFormat(childValue(level, 'w:numFmt'));
			const index = Number(level.attributes['w:ilvl'] ?? 0);
			if (format === undefined) continue;
			const style = childValue(level, 'w:pStyle');
			levels[index] = {
				format,
				template: childValue(level, 'w:lvlText') ?? '',
				start: Number(childValue(level, 'w:start') ?? 1),
				legal: firstElement(level, 'w:isLgl') !== undefined && childValue(level, 'w:isLgl') !== '0',
				...(style ? { style } : {}),
			};
		}
		abstract.set(definition.attributes['w:abstractNumId'] ?? '', levels);
	}
	for (const num of elements(numbering, 'w:num')) {
		const overrides = new Map<number, number>();
		for (const override of elements(num, 'w:lvlOverride')) {
			const start = childValue(override, 'w:startOverride');
			if (start !== undefined) overrides.set(Number(override.attributes['w:ilvl'] ?? 0), Number(start));
		}
		nums.set(num.attributes['w:numId'] ?? '', { abstractId: childValue(num, 'w:abstractNumId') ?? '', overrides });
	}
	return { abstract, nums };
}

/** Paragraph styles that carry numbering (headings bound to a multilevel list), following `w:basedOn`. */
function readStyles(styles: XmlElement | undefined): Map<string, { numId?: string; ilvl?: number; basedOn?: string }> {
	const map = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
	if (!styles) return map;
	for (const style of elements(styles, 'w:style')) {
		const numPr = firstElement(firstElement(style, 'w:pPr') ?? style, 'w:numPr');
		const numId = childValue(numPr, 'w:numId');
		const ilvl = childValue(numPr, 'w:ilvl');
		const basedOn = childValue(style, 'w:basedOn');
		map.set(style.attributes['w:styleId'] ?? '', {
			...(numId !== undefined ? { numId } : {}),
			...(ilvl !== undefined ? { ilvl: Number(ilvl) } : {}),
			...(basedOn ? { basedOn } : {}),
		});
	}
	return map;
}

/** Text of a paragraph as shown: runs' text, tabs as spaces; no field codes, deleted text or note marks. */
export function docxParagraphText(paragraph: XmlElement): string {
	let out = '';
	const walk = (node: XmlElement) => {
		for (const child of node.children) {
			if (typeof child === 'string') continue;
			switch (child.name) {
				case 'w:t':
					out += child.children.filter((c): c is string => typeof c === 'string').join('');
					break;
				case 'w:tab':
					out += ' ';
					break;
				case 'w:br':
				case 'w:cr':
					out += ' ';
					break;
				case 'w:del':
				case 'w:instrText':
				case 'w:delText':
				case 'w:pPr':
				case 'w:rPr':
				case 'w:footnoteReference':
				case 'w:endnoteReference':
				case 'w:commentReference':
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
 * Every automatically numbered paragraph of a Word file (its main part, word/document) in reading order,
 * with the number Word displays: levels and formats from word/numbering.xml, numbering bound to
 * paragraph styles from word/styles.xml, counters shared by the lists of one definition as in Word.
 */
export function docxNumberedParagraphs(document: XmlElement, numbering?: XmlElement, styles?: XmlElement): NumberedParagraph[] {
	const defs = readNumbering(numbering);
	const styleMap = readStyles(styles);
	const counters = new ListCounters();
	const started = new Set<string>();
	const out: NumberedParagraph[] = [];

	const styleNumbering = (styleId: string | undefined): { numId?: string; ilvl?: number } => {
		const seen = new Set<string>();
		let current = styleId;
		while (current && !seen.has(current)) {
			seen.add(current);
			const style = styleMap.get(current);
			if (!style) break;
			if (style.numId !== undefined) {
				let ilvl = style.ilvl;
				if (ilvl === undefined) {
					const abstract = defs.abstract.get(defs.nums.get(style.numId)?.abstractId ?? '');
					const bound = abstract?.findIndex((level) => level?.style === styleId) ?? -1;
					ilvl = bound >= 0 ? bound : 0;
				}
				return { numId: style.numId, ilvl };
			}
			current = style.basedOn;
		}
		return {};
	};

	const visitParagraph = (paragraph: XmlElement) => {
		const pPr = firstElement(paragraph, 'w:pPr');
		const numPr = pPr ? firstElement(pPr, 'w:numPr') : undefined;
		const fromStyle = styleNumbering(childValue(pPr, 'w:pStyle'));
		const numId = childValue(numPr, 'w:numId') ?? fromStyle.numId;
		const ilvl = Number(childValue(numPr, 'w:ilvl') ?? fromStyle.ilvl ?? 0);
		if (numId === undefined || numId === '0') return;
		const num = defs.nums.get(numId);
		const levels = num ? defs.abstract.get(num.abstractId) : undefined;
		const level = levels?.[ilvl];
		if (!num || !levels || !level) return;
		const key = num.abstractId;
		if (!started.has(numId)) {
			started.add(numId);
			for (const [overridden, start] of num.overrides) counters.restartAt(key, overridden, start);
		}
		const values = counters.advance(
			key,
			ilvl,
			levels.map((l) => l?.start ?? 1),
		);
		const label = renderLabel(level.template, values, levels, level.legal).trim();
		if (label !== '') out.push({ label, text: docxParagraphText(paragraph) });
	};

	const walk = (node: XmlElement) => {
		for (const child of elements(node)) {
			if (child.name === 'w:p') visitParagraph(child);
			else if (child.name !== 'w:del') walk(child);
		}
	};
	walk(firstElement(document, 'w:body') ?? document);
	return out;
}
