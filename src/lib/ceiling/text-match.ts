/**
 * Finding many fixed strings in large texts, spaces aside: the publication-ceiling checks (a hidden
 * document's title in a published text) and the build's audit of its own output (every title, path
 * and distinctive sentence of what it must not publish, in every output file) both match here.
 */

/** Characters a comparison ignores: white space of any width, and zero-width spaces and joiners. */
const IGNORED = /[\s\u200b-\u200d\u2060\ufeff]+/gu;
/** The same, by UTF-16 code unit (JavaScript's \s: ASCII and Unicode spaces, line breaks, BOM), for inner loops. */
const IGNORED_CODES = new Uint8Array(65536);
for (const code of [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x2060, 0x3000, 0xfeff]) IGNORED_CODES[code] = 1;
for (let code = 0x2000; code <= 0x200d; code++) IGNORED_CODES[code] = 1;

/** The text with every space removed: `VPN 存取 規範` and `VPN存取規範` compare equal. */
export function squeeze(text: string): string {
	return text.replace(IGNORED, '');
}

export interface TextMatch {
	/** Index of the pattern in the list the matcher was made with. */
	pattern: number;
	/** Where it starts in the searched text. */
	index: number;
	/** Where it ends (exclusive) in the searched text: `findAllLoose` only, spaces inside counted. */
	end?: number;
}

/**
 * Matches a fixed set of patterns (each two characters or more) in one pass over a text: candidate
 * positions are those whose first two characters start some pattern (a bitmap of first characters,
 * then a table of first pairs), and only those are compared. Linear in the text for the small,
 * distinctive pattern sets the checks use; no regular expression backtracking.
 */
export class TextMatcher {
	readonly patterns: readonly string[];
	private readonly firsts = new Uint8Array(65536);
	private readonly byPair = new Map<number, number[]>();

	constructor(patterns: readonly string[]) {
		this.patterns = patterns;
		patterns.forEach((pattern, index) => {
			if (pattern.length < 2) throw new RangeError(`pattern too short: ${JSON.stringify(pattern)}`);
			const first = pattern.charCodeAt(0);
			this.firsts[first] = 1;
			const key = first * 65536 + pattern.charCodeAt(1);
			const list = this.byPair.get(key);
			if (list) list.push(index);
			else this.byPair.set(key, [index]);
		});
	}

	get size(): number {
		return this.patterns.length;
	}

	/** Whether any pattern occurs in the text (stops at the first). */
	test(text: string): boolean {
		if (this.patterns.length === 0) return false;
		const { firsts, byPair, patterns } = this;
		const last = text.length - 1;
		for (let i = 0; i < last; i++) {
			const first = text.charCodeAt(i);
			if (firsts[first] === 0) continue;
			const list = byPair.get(first * 65536 + text.charCodeAt(i + 1));
			if (list && list.some((pattern) => text.startsWith(patterns[pattern]!, i))) return true;
		}
		return false;
	}

	/**
	 * Every occurrence of every pattern in a text as written, comparing as `squeeze` does (spaces in
	 * the text skipped) and, with `tags`, skipping HTML tags inside an occurrence too
	 * (`限閱<strong>內文</strong>` contains `限閱內文`). `index` is where the occurrence starts in the text.
	 * One pass, no copy of the text: this runs over every byte of a build's output.
	 */
	findAllLoose(text: string, tags = false): TextMatch[] {
		const found: TextMatch[] = [];
		if (this.patterns.length === 0) return found;
		const { firsts, byPair, patterns } = this;
		const length = text.length;
		/** The next character that counts at or after `at` (spaces, and with `tags` whole tags, skipped), or -1. */
		const next = (at: number): number => {
			while (at < length) {
				const code = text.charCodeAt(at);
				if (IGNORED_CODES[code] === 1) at++;
				else if (tags && code === 60 /* < */) {
					const close = text.indexOf('>', at);
					const open = text.indexOf('<', at + 1);
					if (close === -1 || (open !== -1 && open < close)) return at;
					at = close + 1;
				} else return at;
			}
			return -1;
		};
		for (let i = 0; i < length; i++) {
			const first = text.charCodeAt(i);
			if (firsts[first] === 0) continue;
			const second = next(i + 1);
			if (second === -1) break;
			const list = byPair.get(first * 65536 + text.charCodeAt(second));
			if (!list) continue;
			for (const pattern of list) {
				const wanted = patterns[pattern]!;
				let at = second;
				let k = 1;
				while (k < wanted.length && at !== -1 && text.charCodeAt(at) === wanted.charCodeAt(k)) {
					k++;
					if (k < wanted.length) at = next(at + 1);
				}
				if (k === wanted.length) found.push({ pattern, index: i, end: (wanted.length === 1 ? i : at) + 1 });
			}
		}
		return found;
	}

	/** Every occurrence of every pattern, overlapping ones included, in text order. */
	findAll(text: string): TextMatch[] {
		const found: TextMatch[] = [];
		if (this.patterns.length === 0) return found;
		const { firsts, byPair, patterns } = this;
		const last = text.length - 1;
		for (let i = 0; i < last; i++) {
			const first = text.charCodeAt(i);
			if (firsts[first] === 0) continue;
			const list = byPair.get(first * 65536 + text.charCodeAt(i + 1));
			if (!list) continue;
			for (const pattern of list) if (text.startsWith(patterns[pattern]!, i)) found.push({ pattern, index: i });
		}
		return found;
	}
}
