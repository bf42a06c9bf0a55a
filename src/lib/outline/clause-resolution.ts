/**
 * Which clause of an outline an official-scheme reference means (`參、一、（二）`, `第三點第二款`, found by
 * clause-references.ts), and what to tell the author when none or several do.
 */
import { formatNumeral } from './numerals.ts';
import { labelOf, segmentEquals, segmentLabel, type ClausePath, type Segment } from './numbering.ts';
import type { ClauseReference } from './clause-references.ts';
import type { Clause, Outline } from './outline.ts';

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
