import { ANSWER_HINTS, isParticle } from './particles.ts';
import { normalizeTerm } from './text.ts';

/**
 * Cuts a run of Han characters into the terms a page should contain. The browser's (and Node's)
 * `Intl.Segmenter` gives dictionary words, which the synonym words then join where they span several
 * (通行|碼 → 通行碼, 資|安|事件 → 資安事件 when those are synonym words); particles and question words
 * are dropped; a character left alone is joined to its neighbour (通行|碼 → 通行碼 without the
 * dictionary), or is optional when it stands between particles (隨身碟可以「用」嗎).
 */
export interface CutTerm {
	text: string;
	/** For a word with a lone character joined to it (在家|連 → 在家連): the word alone, also a match. */
	base?: string;
	/** Optional: a single character the query does not depend on, or what a question word asks for. */
	optional: boolean;
	/** For the words a question word asks for (ANSWER_HINTS): those words. */
	hints?: readonly string[];
}

let segmenter: Intl.Segmenter | undefined;
function words(text: string): string[] {
	segmenter ??= new Intl.Segmenter('zh-TW', { granularity: 'word' });
	return [...segmenter.segment(text)].map((s) => s.segment).filter((s) => s.trim());
}

/** At most this many segments are joined into one dictionary word. */
const MAX_JOIN = 6;

export function cutHan(run: string, vocabulary: ReadonlySet<string>): CutTerm[] {
	const segments = words(run);
	// 1. Join segments that together spell a dictionary word, longest first.
	const joined: { text: string; known: boolean; base?: string }[] = [];
	for (let i = 0; i < segments.length;) {
		let taken = 1;
		let known = vocabulary.has(normalizeTerm(segments[i]!));
		for (let n = Math.min(MAX_JOIN, segments.length - i); n > 1; n--) {
			if (vocabulary.has(normalizeTerm(segments.slice(i, i + n).join('')))) {
				taken = n;
				known = true;
				break;
			}
		}
		joined.push({ text: segments.slice(i, i + taken).join(''), known });
		i += taken;
	}
	// 2. Particles out; single characters joined to each other, or to the word before or after them
	// (not to a dictionary word: 密碼|錯 stays 密碼 + 錯).
	const terms: (CutTerm & { known: boolean })[] = [];
	let previous: (CutTerm & { known: boolean }) | undefined;
	for (let i = 0; i < joined.length; i++) {
		const { text, known } = joined[i]!;
		if (!known && isParticle(text)) {
			previous = undefined;
			const hints = ANSWER_HINTS[text];
			if (hints) terms.push({ text, optional: true, known: false, hints });
			continue;
		}
		if ([...text].length > 1 || known) {
			previous = { text, optional: false, known, ...(joined[i]!.base ? { base: joined[i]!.base } : {}) };
			terms.push(previous);
			continue;
		}
		let run = text;
		const single = (k: number) => {
			const next = joined[k];
			return next !== undefined && [...next.text].length === 1 && !next.known && !isParticle(next.text);
		};
		while (single(i + 1)) run += joined[++i]!.text;
		const next = joined[i + 1];
		if ([...run].length > 1) {
			previous = { text: run, optional: false, known: false };
			terms.push(previous);
		} else if (previous && !previous.known) {
			previous.base ??= previous.text;
			previous.text += run;
		} else if (next && !next.known && !isParticle(next.text)) {
			joined[i + 1] = { text: run + next.text, known: false, base: next.base ?? next.text };
		} else {
			previous = undefined;
			terms.push({ text: run, optional: true, known: false });
		}
	}
	return terms.map(({ text, optional, base, hints }) => ({ text, optional, ...(base ? { base } : {}), ...(hints ? { hints } : {}) }));
}
