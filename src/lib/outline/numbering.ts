import { NUMERAL_CHARS, formatNumeral, parseDigits, parseNumeral } from './numerals.ts';

/**
 * The one place that knows how clauses are numbered (README.md in this folder): which clause
 * number a heading, paragraph or list item starts with, in the decimal scheme (`6.4.3`, `1.`) or
 * the Taiwanese official one (壹、 / 一、 / （一） / 1. / （1）), and the anchor and label of a
 * clause path. How markers nest into paths is outline.ts.
 */

/** The numbering schemes, outermost first as official documents use them. */
export type Scheme = 'decimal' | 'upper' | 'han' | 'han-paren' | 'arabic' | 'arabic-paren' | 'part';

/**
 * One level of a clause path: a decimal number (`6.4.3`, absolute, all its numbers) or one number
 * of the official scheme: 壹 (upper), 一 (han), （一） (han-paren), 1. (arabic), （1） (arabic-paren).
 * `part` is not written by staff: it leads the paths of a part of the document (after an
 * unnumbered heading) whose numbering starts again (花蓮縣政府資訊安全政策與管理作業要點 has two
 * parts, each from 壹、); only such a restarted part has one.
 */
export type Segment =
	| { readonly scheme: 'decimal'; readonly numbers: readonly number[] }
	| { readonly scheme: Exclude<Scheme, 'decimal'>; readonly number: number };

/** The chain of numbers from the outermost clause: 參、一、（二） is [upper 3, han 1, han-paren 2]. */
export type ClausePath = readonly Segment[];

/** Where a marker is read: a heading accepts `1 目的` (a bare number); running text does not. */
export type MarkerSource = 'heading' | 'text';

/** A clause number at the start of a text. */
export interface Marker {
	segment: Segment;
	/**
	 * Markers of one style are one level (siblings): `arabic/.` for `1.` and ordered lists,
	 * `arabic/、` for `1、`, `arabic/heading` for a number heading, else the scheme.
	 */
	style: string;
	/** Characters of the text the marker takes, leading and trailing whitespace included. */
	length: number;
	/** `1.目的`: `1.` directly followed by text; a clause only inside an official-scheme section. */
	tight?: true;
}

const LOWER = NUMERAL_CHARS.lower;
const UPPER = NUMERAL_CHARS.upper;
const DECIMAL = /^\s*(\d{1,3}(?:\.\d{1,3})+)\.?(?:\s+|$)/u;
const ARABIC = /^\s*([0-9０-９]{1,3})([.．、]?)/u;
const UPPER_MARKER = new RegExp(`^\\s*([${UPPER}]+)、\\s*`, 'u');
const HAN_MARKER = new RegExp(`^\\s*([${LOWER}]+)、\\s*`, 'u');
/** What every marker above starts with, after whitespace: a digit, a numeral, a parenthesis. */
const MARKER_START = new RegExp(`^\\s*[0-9０-９${UPPER}${LOWER}（(]`, 'u');
const PAREN_MARKER = new RegExp(`^\\s*[（(]\\s*([${LOWER}]+|[0-9０-９]{1,3})\\s*[）)]\\s*`, 'u');

/**
 * The clause number a heading, paragraph or list item starts with, or undefined: `6.4.3 文件`,
 * `1. 目的`, `壹、總則`, `一、`, `（一）`/`(一)`, `1.`/`1、`/`１．`, `（1）`/`(1)`; in a heading also
 * `1 目的`. Not a number: `2020 年`, `14 項`, `6.4.3文件`, `1.5 倍`, `A.9.2.1`.
 */
export function readMarker(text: string, source: MarkerSource): Marker | undefined {
	// Most blocks start with none of the characters a marker starts with: one test instead of five patterns.
	if (!MARKER_START.test(text)) return undefined;
	const decimal = DECIMAL.exec(text);
	if (decimal) {
		return { segment: { scheme: 'decimal', numbers: decimalNumbers(decimal[1]!) }, style: 'decimal', length: decimal[0].length };
	}
	const arabic = ARABIC.exec(text);
	if (arabic) return arabicMarker(text, arabic, source);
	const upper = UPPER_MARKER.exec(text);
	if (upper) return numeralMarker(upper, 'upper', parseNumeral(upper[1]!, 'upper'));
	const han = HAN_MARKER.exec(text);
	if (han) return numeralMarker(han, 'han', parseNumeral(han[1]!, 'lower'));
	const paren = PAREN_MARKER.exec(text);
	if (paren) {
		const inside = paren[1]!;
		return /^[0-9０-９]/u.test(inside)
			? numeralMarker(paren, 'arabic-paren', parseDigits(inside))
			: numeralMarker(paren, 'han-paren', parseNumeral(inside, 'lower'));
	}
	return undefined;
}

/** `6.4.3` → [6, 4, 3]: ASCII digits and dots, as `DECIMAL` matched them. */
function decimalNumbers(written: string): number[] {
	const numbers: number[] = [];
	let number = 0;
	for (let i = 0; i < written.length; i++) {
		const code = written.charCodeAt(i);
		if (code === 0x2e) {
			numbers.push(number);
			number = 0;
		} else number = number * 10 + code - 0x30;
	}
	numbers.push(number);
	return numbers;
}

function arabicMarker(text: string, match: RegExpExecArray, source: MarkerSource): Marker | undefined {
	const number = parseDigits(match[1]!);
	const punctuation = match[2]!;
	const rest = text.slice(match[0].length);
	const space = /^\s*/u.exec(rest)![0].length;
	const style = source === 'heading' ? 'arabic/heading' : punctuation === '、' ? 'arabic/、' : 'arabic/.';
	const marker: Marker = { segment: { scheme: 'arabic', number }, style, length: match[0].length + space };
	if (punctuation === '、') return marker;
	if (punctuation === '') return source === 'heading' && (space > 0 || rest === '') ? marker : undefined;
	// `1.` followed by a space or nothing; `1.5` is a number; `1.目的` is tight.
	if (space > 0 || rest === '') return marker;
	if (/^[0-9０-９.．]/u.test(rest)) return undefined;
	return { ...marker, tight: true };
}

function numeralMarker(
	match: RegExpExecArray,
	scheme: 'upper' | 'han' | 'han-paren' | 'arabic-paren',
	number: number | undefined,
): Marker | undefined {
	if (number === undefined) return undefined;
	return { segment: { scheme, number }, style: scheme, length: match[0].length };
}

/** The number a Markdown ordered list shows for an item (`start` + position): the `1.` level. */
export function listMarker(number: number): Marker {
	return { segment: { scheme: 'arabic', number }, style: 'arabic/.', length: 0 };
}

/** A text without the clause number it starts with (what stays when a clause is only renumbered). */
export function stripMarker(text: string, source: MarkerSource = 'text'): string {
	const marker = readMarker(text, source);
	return marker ? text.slice(marker.length) : text;
}

/** The anchor token of one segment: `6-4-3`, `參`, `一`, `（二）`, `1`, `（1）`. */
function segmentToken(segment: Segment): string {
	switch (segment.scheme) {
		case 'decimal':
			return joinNumbers(segment.numbers, '-');
		case 'upper':
			return formatNumeral(segment.number, 'upper');
		case 'han':
			return formatNumeral(segment.number, 'lower');
		case 'han-paren':
			return `（${formatNumeral(segment.number, 'lower')}）`;
		case 'arabic':
			return String(segment.number);
		case 'arabic-paren':
			return `（${segment.number}）`;
		case 'part':
			return `第${segment.number}部分`;
	}
}

/**
 * The anchor (element id) of a clause: `sec-` and its path, segments joined by `-`.
 * - decimal: exactly as before, `6.4.3` → `sec-6-4-3`, `1. 目的` → `sec-1`;
 * - official scheme: `參、一、（二）、1.、（1）` → `sec-參-一-（二）-1-（1）` (canonical numerals, full-width
 *   parentheses whichever way the document writes them);
 * - a decimal clause with official-scheme clauses under it: `_` ends the decimal number,
 *   `6.4.3` › `（一）` → `sec-6-4-3_（一）`, `1` › ordered item 2 → `sec-1_2` (never `sec-1-2`, which is 1.2).
 */
export function anchorOf(path: ClausePath): string {
	const [first, ...rest] = path;
	if (!first) throw new RangeError('a clause path has at least one segment');
	if (first.scheme === 'part')
		return rest.length === 0 ? `sec-${segmentToken(first)}` : `sec-${segmentToken(first)}-${anchorOf(rest).slice(4)}`;
	if (first.scheme === 'decimal') {
		return rest.length === 0 ? `sec-${segmentToken(first)}` : `sec-${segmentToken(first)}_${rest.map(segmentToken).join('-')}`;
	}
	return `sec-${path.map(segmentToken).join('-')}`;
}

/**
 * The clause path an anchor names, or undefined: reads what `anchorOf` writes, percent-encoded or
 * not (a copied address), with half-width parentheses and variant numerals (叁) accepted.
 */
export function parseAnchor(fragment: string): ClausePath | undefined {
	let id = fragment.startsWith('#') ? fragment.slice(1) : fragment;
	try {
		id = decodeURIComponent(id);
	} catch {
		return undefined;
	}
	if (!id.startsWith('sec-')) return undefined;
	const part = /^sec-第(\d{1,3})部分(?:-|$)/u.exec(id);
	if (part) {
		const segment: Segment = { scheme: 'part', number: Number(part[1]) };
		if (part[0].length === id.length) return [segment];
		const rest = parseAnchor(`sec-${id.slice(part[0].length)}`);
		return rest && rest[0]!.scheme !== 'part' ? [segment, ...rest] : undefined;
	}
	const parts = id.slice(4).split('_');
	if (parts.length > 2) return undefined;
	let tokens: string[];
	let decimal: number[] = [];
	if (parts.length === 2) {
		if (!/^\d+(?:-\d+)*$/u.test(parts[0]!)) return undefined;
		decimal = parts[0]!.split('-').map(Number);
		tokens = parts[1]!.split('-');
	} else {
		tokens = parts[0]!.split('-');
		while (tokens.length > 0 && /^\d+$/u.test(tokens[0]!)) decimal.push(Number(tokens.shift()));
	}
	const path: Segment[] = decimal.length > 0 ? [{ scheme: 'decimal', numbers: decimal }] : [];
	for (const token of tokens) {
		const segment = parseToken(token);
		if (!segment) return undefined;
		path.push(segment);
	}
	return path.length > 0 ? path : undefined;
}

function parseToken(token: string): Segment | undefined {
	if (/^[0-9０-９]{1,3}$/u.test(token)) return { scheme: 'arabic', number: parseDigits(token) };
	const paren = /^[（(]([^（()）]+)[）)]$/u.exec(token);
	if (paren) {
		const inside = paren[1]!;
		if (/^[0-9０-９]{1,3}$/u.test(inside)) return { scheme: 'arabic-paren', number: parseDigits(inside) };
		const number = parseNumeral(inside, 'lower');
		return number === undefined ? undefined : { scheme: 'han-paren', number };
	}
	const upper = parseNumeral(token, 'upper');
	if (upper !== undefined) return { scheme: 'upper', number: upper };
	const han = parseNumeral(token, 'lower');
	return han === undefined ? undefined : { scheme: 'han', number: han };
}

/** The anchor as the portal writes it, for any way of writing it `parseAnchor` reads; else undefined. */
export function canonicalAnchor(fragment: string): string | undefined {
	const path = parseAnchor(fragment);
	return path ? anchorOf(path) : undefined;
}

/** One segment as staff write it: `6.4.3`, `參、`, `一、`, `（二）`, `1.`, `（1）`. */
export function segmentLabel(segment: Segment): string {
	switch (segment.scheme) {
		case 'decimal':
			return joinNumbers(segment.numbers, '.');
		case 'upper':
		case 'han':
			return `${segmentToken(segment)}、`;
		case 'arabic':
			return `${segment.number}.`;
		case 'part':
			return `（第 ${segment.number} 部分）`;
		default:
			return segmentToken(segment);
	}
}

/** A clause path as staff write it: `6.4.3`, `參、一、（二）1.（1）`, `6.4.3 （一）`. */
export function labelOf(path: ClausePath): string {
	let label = '';
	for (let index = 0; index < path.length; index++)
		label += index > 0 && path[index - 1]!.scheme === 'decimal' ? ` ${segmentLabel(path[index]!)}` : segmentLabel(path[index]!);
	return label;
}

/** `[6, 4, 3]` → `6.4.3` (or `6-4-3`): `join` without its general machinery, for every clause. */
function joinNumbers(numbers: readonly number[], separator: string): string {
	let text = numbers.length > 0 ? `${numbers[0]}` : '';
	for (let i = 1; i < numbers.length; i++) text += `${separator}${numbers[i]}`;
	return text;
}

/** How messages, search results and backlinks name a clause: `第 6.4.3 節`, or the path `參、一、（二）`. */
export function describeClause(path: ClausePath): string {
	const last = path.at(-1);
	if (last?.scheme === 'decimal' && path.length <= 2 && (path.length === 1 || path[0]!.scheme === 'part'))
		return `${labelOf(path.slice(0, -1))}第 ${segmentLabel(last)} 節`;
	return labelOf(path);
}

/** Levels of a path, each decimal number counting: `6.4.3` → 3, `參、一、（二）` → 3. */
export function depthOf(path: ClausePath): number {
	return path.reduce(
		(sum, segment) => sum + (segment.scheme === 'decimal' ? segment.numbers.length : segment.scheme === 'part' ? 0 : 1),
		0,
	);
}

export function segmentEquals(a: Segment, b: Segment): boolean {
	if (a.scheme === 'decimal') {
		return b.scheme === 'decimal' && a.numbers.length === b.numbers.length && a.numbers.every((n, i) => n === b.numbers[i]);
	}
	return b.scheme !== 'decimal' && a.scheme === b.scheme && a.number === b.number;
}

export function pathEquals(a: ClausePath, b: ClausePath): boolean {
	return a.length === b.length && a.every((segment, index) => segmentEquals(segment, b[index]!));
}
