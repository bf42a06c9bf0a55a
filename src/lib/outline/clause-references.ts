import { NUMERAL_CHARS, formatNumeral, parseDigits, parseNumeral } from './numerals.ts';
import { labelOf, segmentEquals, segmentLabel, type ClausePath, type Segment } from './numbering.ts';
import type { Clause, Outline } from './outline.ts';

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

export type Resolution =
	| {
			status: 'found';
			clause: Clause;
			/**
			 * Other clauses the reference could mean, when `clause` was chosen among several (the one nearest
			 * the citing clause; for 第三點, the `三、` level over `參、`): the checker warns, naming them all.
			 */
			others?: Clause[];
			message?: string;
	  }
	| { status: 'not-found'; message: string }
	| { status: 'ambiguous'; clauses: Clause[]; message: string };

/**
 * Which clause of an outline a reference means. A path is matched whole from the top first, then as
 * the end of a longer path (`一、（二）` in a document numbered from 壹、); the 要點 form as the end
 * of a path. Several matches: the one nearest the citing clause (`citing`), found but with the others
 * named, else ambiguous. `第三點` in a document that also has `參、` could mean either: found (點 is
 * the `一、` level) with `參、` among the others.
 * Messages say what the document has, in the words of the reference (沒有第三點第五款；第三點只有第一款至第四款).
 */
export function resolveClauseReference(
	ref: Pick<ClauseReference, 'form' | 'segments'>,
	outline: Outline,
	options: { citing?: ClausePath } = {},
): Resolution {
	const name = (segments: readonly Segment[]) => (ref.form === 'point' ? pointLabel(segments) : labelOf(segments));
	const cited = `「${name(ref.segments)}」`;
	const all = find(ref.segments, ref.form, outline, undefined);
	const matches = all.length > 1 ? find(ref.segments, ref.form, outline, options.citing) : all;
	const upper = ref.form === 'point' ? upperAlternative(ref.segments, outline) : [];
	const quoted = (clauses: readonly Clause[]) => clauses.map((c) => `「${c.label}」`).join('、');
	if (matches.length === 1) {
		const clause = matches[0]!;
		const others = [...all.filter((c) => c !== clause), ...upper];
		if (others.length === 0) return { status: 'found', clause };
		const candidates = [clause, ...others];
		const why = all.length > 1 ? '與引用處在同一條之下' : '「點」是「一、」這一層';
		const message = `${cited}可能指 ${candidates.length} 處：${quoted(candidates)}；頁面連到「${clause.label}」（${why}），若指其他處請寫出完整的條次（例如「${others[0]!.label}」）`;
		return { status: 'found', clause, others, message };
	}
	if (matches.length > 1) {
		const candidates = [...matches, ...upper];
		return {
			status: 'ambiguous',
			clauses: candidates,
			message: `${cited}有 ${candidates.length} 處：${quoted(candidates)}；頁面不會加連結，請寫出完整的條次（例如「${candidates[0]!.label}」）`,
		};
	}
	const missing = `沒有${cited}`;
	const hint = upper.length === 1 ? `；若指「${upper[0]!.label}」，請直接寫「${upper[0]!.label}」` : '';
	for (let k = ref.segments.length - 1; k >= 1; k--) {
		const parents = find(ref.segments.slice(0, k), ref.form, outline, options.citing);
		if (parents.length !== 1) continue;
		const parent = parents[0]!;
		const scheme = ref.segments[k]!.scheme;
		const children = outline.clauses.filter(
			(c) => c.parent !== undefined && outline.clauses[c.parent] === parent && !c.duplicate && c.path.at(-1)!.scheme === scheme,
		);
		const what = ref.form === 'point' ? pointLabel(ref.segments.slice(0, k)) : `「${parent.label}」之下`;
		const unit = ref.form === 'point' ? (UNITS[k] ?? '') : '';
		return {
			status: 'not-found',
			message: `${missing}；${what}${children.length ? `只有${listNumbers(children, ref.form, k)}` : `沒有${unit || `「${segmentLabel(ref.segments[k]!)}」這一層`}`}${hint}`,
		};
	}
	const first = ref.segments[0]!;
	const level = outline.clauses.filter(
		(c) =>
			!c.duplicate &&
			c.path.at(-1)!.scheme === first.scheme &&
			(ref.form === 'point' || c.parent === undefined || c.path[0]!.scheme === 'part'),
	);
	if (level.length > 0)
		return {
			status: 'not-found',
			message: `${missing}；本文件${ref.form === 'point' ? '的點次為' : '這一層有'}${listNumbers(level, ref.form, 0)}${hint}`,
		};
	const decimal = outline.clauses.some((c) => c.path.at(-1)!.scheme === 'decimal');
	const scheme = ref.form === 'point' ? '「一、」（點）' : `「${segmentLabel(first)}」`;
	return {
		status: 'not-found',
		message: `${missing}；本文件沒有${scheme}這一層的條文${decimal ? '（本文件的條次為 6.4.3 式，請以「第 6.4.3 節」引用）' : outline.clauses.length === 0 ? '（本文件沒有編號的條文）' : ''}${hint}`,
	};
}

/** 第三點(第二款) read with 參、 for 三、: the top-level clause `參、`(`（二）`), which some writers mean by it. */
function upperAlternative(segments: readonly Segment[], outline: Outline): Clause[] {
	const [first, ...rest] = segments;
	if (!first || first.scheme !== 'han') return [];
	const wanted: Segment[] = [{ scheme: 'upper', number: first.number }, ...rest];
	return outline.clauses.filter((c) => {
		const path = c.path[0]?.scheme === 'part' ? c.path.slice(1) : c.path;
		return !c.duplicate && path.length === wanted.length && wanted.every((s, i) => segmentEquals(s, path[i]!));
	});
}

/** Clauses whose path is the cited one (path form, from the top first) or ends with it. */
function find(segments: readonly Segment[], form: ClauseReference['form'], outline: Outline, citing: ClausePath | undefined): Clause[] {
	const live = outline.clauses.filter((c) => !c.duplicate);
	const endsWith = (c: Clause) =>
		c.path.length >= segments.length && segments.every((s, i) => segmentEquals(s, c.path[c.path.length - segments.length + i]!));
	if (form === 'path') {
		const whole = live.filter((c) => c.path.length === segments.length && endsWith(c));
		if (whole.length > 0) return whole;
	}
	const matches = live.filter(endsWith);
	if (matches.length <= 1 || !citing) return matches;
	const shared = (c: Clause) => {
		let n = 0;
		while (n < c.path.length && n < citing.length && segmentEquals(c.path[n]!, citing[n]!)) n++;
		return n;
	};
	const best = Math.max(...matches.map(shared));
	const nearest = matches.filter((c) => shared(c) === best);
	return nearest.length === 1 ? nearest : matches;
}

const UNITS = ['點', '款', '目'] as const;

/** 第三點第二款第1目 */
export function pointLabel(segments: readonly Segment[]): string {
	return segments.map((segment, level) => pointPart(segment, level)).join('');
}

/** One level of the 要點 form: 第三點 (level 0), 第二款 (1), 第1目 (2). */
function pointPart(segment: Segment, level: number): string {
	const number =
		segment.scheme === 'decimal' ? segment.numbers.join('.') : level < 2 ? formatNumeral(segment.number, 'lower') : String(segment.number);
	return `第${number}${UNITS[level] ?? ''}`;
}

/** 「（一）」至「（四）」, 「（一）」、「（三）」, 第一款至第四款: the numbers a level has, once each, in order. */
function listNumbers(clauses: readonly Clause[], form: ClauseReference['form'], level: number): string {
	const byNumber = new Map<number, Segment>();
	for (const clause of clauses) {
		const segment = clause.path.at(-1)!;
		byNumber.set(segment.scheme === 'decimal' ? 0 : segment.number, segment);
	}
	const numbers = [...byNumber.keys()].sort((a, b) => a - b);
	const show = (n: number) => (form === 'point' ? pointPart(byNumber.get(n)!, level) : `「${segmentLabel(byNumber.get(n)!)}」`);
	const consecutive = numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
	if (consecutive && numbers.length >= 3) return `${show(numbers[0]!)}至${show(numbers.at(-1)!)}`;
	return numbers.map(show).join('、');
}
