import { NUMERAL_CHARS, parseDigits, parseNumeral } from './numerals.ts';
import type { Segment } from './numbering.ts';

/**
 * References to official-scheme clauses in running text (README.md in this folder, "References"):
 * - the outline path `參、一、（二）`, `一、(二)、1.`: after a document number (`ISMS-M-002 參、一、`) or
 *   本文件/本程序書/本要點/本計畫/本辦法… one number is enough; written alone (bare) it needs two
 *   levels and must start with 壹、, 一、 or （一）, because a single 「一、」 or 「（二）」 in a sentence
 *   is an enumeration, and `1.` in prose is ordinary numbering;
 * - the 要點 form `第三點`, `第三點第二款`, `第三點第二款第1目` (點 = the `一、` level, 款 = `（一）`,
 *   目 = `1.`; Arabic digits accepted, `第3點`), unless a title of another document is written right
 *   before it (`行政院…要點第三點`).
 * Index and length are those of `findReferences` (src/lib/references/references.ts), so the two merge.
 */
export interface ClauseReference {
	kind: 'outline-clause';
	form: 'path' | 'point';
	/** The levels cited: 參、一、（二） → upper 3, han 1, han-paren 2; 第三點第二款 → han 3, han-paren 2. */
	segments: Segment[];
	/** The document cited right before it; undefined for the citing document. */
	docNo?: string;
	/** Written with 本文件, 本要點 … before it (included in index/length). */
	self?: true;
	index: number;
	length: number;
}

export interface ClauseReferenceOptions {
	/** Where document citations end in this text (`ISMS-M-002`, 「ISMS-M-002 標題」), from `findReferences`. */
	documentEnds?: readonly { end: number; docNo: string }[];
	/** The text opens a heading, paragraph or list item: a number at its very start is the clause's own. */
	blockStart?: boolean;
	/** The citing document's title: 「花蓮縣政府…作業要點」第三點 is then the document itself. */
	ownTitle?: string;
}

const HAN = `[${NUMERAL_CHARS.lower.replace('〇', '')}]+`;
const UPPER = `[${NUMERAL_CHARS.upper}]+`;
const DIGITS = '[0-9０-９]{1,3}';
const SEGMENT = new RegExp(`(${UPPER})、|(${HAN})、|[（(](${HAN})[）)]、?|[（(](${DIGITS})[）)]、?|(${DIGITS})[.．、](?![0-9０-９])`, 'uy');
const NUMBER = `(${HAN}|${DIGITS})`;
const POINT = new RegExp(`第\\s*${NUMBER}\\s*點(?:\\s*第\\s*${NUMBER}\\s*款(?:\\s*第\\s*${NUMBER}\\s*目)?)?`, 'gu');
/** 本文件, 本程序書, 本要點 …: the citing document. */
const SELF = /本(?:文件|程序書|要點|計畫書|計畫|辦法|政策|手冊|規範|作業說明書|說明書|準則|規定|須知|注意事項|原則)\s*$/u;
/** A title of another document ends right before: 「行政院…管理要點」第三點. */
const OTHER_TITLE = /(?:要點|規定|辦法|須知|注意事項|原則|規範|法|條例|細則|準則|計畫|計畫書|程序書|政策|手冊|說明書|標準)[」』》]?\s*$/u;
/** What a character is to a path, by UTF-16 code unit (every character here is one unit). */
const KIND = new Uint8Array(0x10000);
/** The characters a number is written with: numerals of either set, ASCII and full-width digits. */
const NUMERAL = 1;
/** A path segment starts with a numeral or an opening parenthesis. */
const PAREN = 2;
/** A character before a number that makes it part of something longer (with the numerals): 第一、二、三類, 十一、, 甲、一、 */
const CONTINUES = 4;
const mark = (chars: string, kind: number) => {
	for (const char of chars) KIND[char.charCodeAt(0)] = KIND[char.charCodeAt(0)]! | kind;
};
mark(`${NUMERAL_CHARS.upper}${NUMERAL_CHARS.lower}0123456789０１２３４５６７８９`, NUMERAL);
mark('（(', PAREN);
mark('.．、第', CONTINUES);
/** What ends a segment (`一、`, `（一）`, `1.`): a text without any of these has no path in it. */
const SEGMENT_END = /[、）).．]/u;

export function findClauseReferences(text: string, options: ClauseReferenceOptions = {}): ClauseReference[] {
	const found: ClauseReference[] = [];
	const taken: [number, number][] = [];
	const isTaken = (i: number) => taken.some(([start, end]) => i >= start && i < end);

	// Both forms need characters most runs of text lack (點; 、 ） . after a number): look for those first.
	POINT.lastIndex = 0;
	const points = text.includes('點');
	for (let match; points && (match = POINT.exec(text)) !== null;) {
		const numbers = [match[1], match[2], match[3]].filter((n): n is string => n !== undefined).map(readNumber);
		if (numbers.some((n) => n === undefined)) continue;
		const schemes = ['han', 'han-paren', 'arabic'] as const;
		const segments = numbers.map((number, i): Segment => ({ scheme: schemes[i]!, number: number! }));
		const ref = cite('point', segments, match.index, match[0].length, text, options);
		if (ref) {
			found.push(ref);
			taken.push([match.index, match.index + match[0].length]);
		}
	}

	const paths = SEGMENT_END.test(text);
	for (let i = 0; paths && i < text.length; i++) {
		if ((KIND[text.charCodeAt(i)]! & (NUMERAL | PAREN)) === 0) continue;
		// Only the first numeral of a run starts a segment (十一、 is one number, not 一、 after 十).
		if ((i > 0 && (KIND[text.charCodeAt(i - 1)]! & (NUMERAL | CONTINUES)) !== 0) || isTaken(i)) continue;
		const segments: Segment[] = [];
		let end = i;
		for (;;) {
			SEGMENT.lastIndex = end;
			const match = SEGMENT.exec(text);
			if (!match) break;
			const segment = segmentOf(match);
			if (!segment) break;
			segments.push(segment);
			end = SEGMENT.lastIndex;
			if (text[end] === ' ' || text[end] === '\u3000') {
				SEGMENT.lastIndex = end + 1;
				if (SEGMENT.test(text)) end += 1;
			}
		}
		if (segments.length === 0) continue;
		// An enumeration (一、二、 or （一）（二）) is not a path: each level once.
		if (new Set(segments.map((s) => s.scheme)).size !== segments.length) {
			taken.push([i, end]);
			continue;
		}
		const bare =
			segments.length >= 2 &&
			['upper', 'han', 'han-paren'].includes(segments[0]!.scheme) &&
			!(options.blockStart && text.slice(0, i).trim() === '');
		const ref = cite('path', segments, i, end - i, text, options, bare);
		if (ref) found.push(ref);
		taken.push([i, end]);
	}
	return found.sort((a, b) => a.index - b.index);
}

/** The reference, with what is written before it (a document number, 本要點), or undefined when it is not one. */
function cite(
	form: ClauseReference['form'],
	segments: Segment[],
	index: number,
	length: number,
	text: string,
	options: ClauseReferenceOptions,
	bare = true,
): ClauseReference | undefined {
	const cited = options.documentEnds?.find((d) => d.end <= index && /^\s*$/u.test(text.slice(d.end, index)));
	if (cited) return { kind: 'outline-clause', form, segments, docNo: cited.docNo, index, length };
	// What can stand before a reference is short: look no further back than that.
	const from = Math.max(0, index - 32 - (options.ownTitle?.length ?? 0));
	const before = text.slice(from, index);
	const self = SELF.exec(before) ?? ownTitle(before, options.ownTitle);
	if (self)
		return { kind: 'outline-clause', form, segments, self: true, index: from + self.index, length: index + length - from - self.index };
	if (!bare || OTHER_TITLE.test(before)) return undefined;
	return { kind: 'outline-clause', form, segments, index, length };
}

/** The pattern of a title written right before a reference, by title (one per document, asked for every reference). */
const titlePatterns = new Map<string, RegExp>();

function ownTitle(before: string, title: string | undefined): { index: number } | undefined {
	// The pattern needs the title written whole: most texts before a number have none (and most documents'
	// patterns, never compiled, cost nothing).
	if (!title || !before.includes(title)) return undefined;
	let pattern = titlePatterns.get(title);
	if (!pattern) {
		pattern = new RegExp(`「?${title.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}」?\\s*$`, 'u');
		if (titlePatterns.size >= 4096) titlePatterns.clear();
		titlePatterns.set(title, pattern);
	}
	const match = pattern.exec(before);
	return match ? { index: match.index } : undefined;
}

function segmentOf(match: RegExpExecArray): Segment | undefined {
	const [, upper, han, hanParen, arabicParen, arabic] = match;
	if (upper !== undefined) return numbered('upper', parseNumeral(upper, 'upper'));
	if (han !== undefined) return numbered('han', parseNumeral(han, 'lower'));
	if (hanParen !== undefined) return numbered('han-paren', parseNumeral(hanParen, 'lower'));
	if (arabicParen !== undefined) return { scheme: 'arabic-paren', number: parseDigits(arabicParen) };
	return { scheme: 'arabic', number: parseDigits(arabic!) };
}

function numbered(scheme: 'upper' | 'han' | 'han-paren', number: number | undefined): Segment | undefined {
	return number === undefined ? undefined : { scheme, number };
}

function readNumber(text: string): number | undefined {
	return /^[0-9０-９]+$/u.test(text) ? parseDigits(text) : parseNumeral(text, 'lower');
}
