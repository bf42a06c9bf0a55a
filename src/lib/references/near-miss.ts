/**
 * Document numbers typed almost right (issue 14): `ISMS-p-007`, `ISMS–P-007` (en dash; also em dash,
 * minus sign, full-width hyphen), `ISMS P-007`, `ＩＳＭＳ－Ｐ－００７`, `ISMS-P-07`, `ISMS-P-0077`. The
 * reference parser (src/lib/references.ts) reads only numbers that match the configured pattern, so these
 * would render as plain text and go unchecked. This finds them, in a run of text, for the checker.
 *
 * Only text that starts with a prefix the agency's numbers start with (`ISMS`, from the pattern and the
 * known numbers) is looked at, so `CNS 27001`, `ISO/IEC 27001:2022`, `A.5.1`, dates and form numbers of
 * other schemes are never read; nor are file names and paths (`/documents/isms-p-007/`, `isms-p-007.pdf`),
 * nor a number the pattern matches (`ISMS-P-007-01` is `ISMS-P-007` followed by text, as the parser reads it).
 */

export interface NearMissSyntax {
	/** The portal's document-number pattern (`^ISMS-[A-Z]-\d{3}$`). */
	docNoPattern: string;
	/** Every document number of the corpus, published or not: the numbers a near miss may have meant. */
	known: readonly string[];
}

export interface NearMiss {
	kind: 'near-miss';
	/**
	 * `form`: only the way it is written is wrong (case, dash, space, full-width) and `normalised` matches
	 * the pattern; `close`: one character away from `candidates` (or a number padded differently); `shape`:
	 * written like a document number (prefix, dashes, letters and digits) but matches none.
	 */
	miss: 'form' | 'close' | 'shape';
	/**
	 * What is wrong with the way it is written, for `form`: full-width characters, a dash or minus sign for
	 * the hyphen, a space or no hyphen (or two) between the parts, lower case.
	 */
	faults: ('full-width' | 'dash' | 'separator' | 'lower-case')[];
	/** The text as the pattern wants it: upper case, ASCII, single hyphens (`ISMS-P-007`). */
	normalised: string;
	/** Known document numbers it may mean, best first (at most 3). */
	candidates: string[];
	index: number;
	length: number;
}

/** Dashes an author may type for the hyphen: ‐ ‑ ‒ – — ― − ﹘ ﹣ －. */
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/u;

/** Every character `fold` changes: dashes, full-width ASCII, ideographic and no-break spaces. */
const FOLDED = /[\u00a0\u2010-\u2015\u2212\u3000\ufe58\ufe63\uff01-\uff5e]/g;

/** One UTF-16 unit for one: full-width ASCII to ASCII, dashes to `-`, ideographic and no-break spaces to ` `. */
function fold(text: string): string {
	return text.replace(FOLDED, (char) => {
		if (DASHES.test(char)) return '-';
		const code = char.charCodeAt(0);
		if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
		return ' ';
	});
}

/** The literal letters a pattern starts with (`^ISMS-…` → `ISMS`), if any. */
function patternPrefix(pattern: string): string | undefined {
	return /^\^?([A-Za-z]{2,})/u.exec(pattern)?.[1]?.toUpperCase();
}

interface Compiled {
	/** A prefix as written before folding (each letter ASCII or full-width, either case): a text without one has no near miss. */
	written: RegExp;
	prefixes: RegExp;
	pattern: RegExp;
	/** The known numbers as a set, and the shapes (`A-A-9`) they have. */
	known: ReadonlySet<string>;
	shapes: ReadonlySet<string>;
}

/**
 * By list of known numbers (the analysis passes one list for the whole corpus), then by pattern: the body
 * checker calls this for every run of text, so neither the list nor the regular expressions are built again.
 */
const cache = new WeakMap<readonly string[], Map<string, Compiled>>();

function compiled(syntax: NearMissSyntax): Compiled {
	let byPattern = cache.get(syntax.known);
	if (!byPattern) {
		byPattern = new Map();
		cache.set(syntax.known, byPattern);
	}
	let entry = byPattern.get(syntax.docNoPattern);
	if (!entry) {
		const prefixes = new Set<string>();
		const fromPattern = patternPrefix(syntax.docNoPattern);
		if (fromPattern) prefixes.add(fromPattern);
		for (const docNo of syntax.known) {
			const letters = /^[A-Za-z]{2,}/u.exec(docNo)?.[0];
			if (letters) prefixes.add(letters.toUpperCase());
		}
		const alternatives = [...prefixes].sort((a, b) => b.length - a.length).join('|') || '(?!)';
		// A prefix, then up to three runs of letters or digits, each after a dash, a space or nothing.
		const token = `(?<![A-Za-z0-9/\\\\._@#-])(?:${alternatives})(?:(?: {0,2}-{1,2} {0,2}| {1,2}|_)?[A-Za-z0-9]+){1,3}`;
		const body = syntax.docNoPattern.replace(/^\^/u, '').replace(/\$$/u, '');
		const widths = (prefix: string) =>
			[...prefix].map((letter) => `[${letter}${String.fromCharCode(letter.charCodeAt(0) + 0xfee0)}]`).join('');
		entry = {
			written: new RegExp([...prefixes].map(widths).join('|') || '(?!)', 'iu'),
			prefixes: new RegExp(token, 'giu'),
			pattern: new RegExp(`^(?:${body})$`, 'u'),
			known: new Set(syntax.known),
			shapes: new Set(syntax.known.map(shapeOf)),
		};
		byPattern.set(syntax.docNoPattern, entry);
	}
	return entry;
}

interface Part {
	text: string;
	/** How it is joined to the part before: dash, space, none (a letter–digit boundary or glued), underscore. */
	joint: 'dash' | 'space' | 'none' | '_';
	end: number;
}

/** The runs of a token: `ISMS–P 007` → ISMS, P (dash), 007 (space); `P007` → P, 007 (none). */
function partsOf(folded: string, start: number): Part[] {
	const parts: Part[] = [];
	const re = /( *-+ *| +|_)?([A-Za-z]+|[0-9]+)/guy;
	re.lastIndex = start;
	let match: RegExpExecArray | null;
	while ((match = re.exec(folded)) !== null && match.index < folded.length) {
		const sep = match[1];
		const joint: Part['joint'] = sep === undefined ? 'none' : sep.includes('-') ? 'dash' : sep === '_' ? '_' : 'space';
		parts.push({ text: match[2]!.toUpperCase(), joint, end: re.lastIndex });
	}
	return parts;
}

/** Every near-miss document number in a run of text. `taken` are spans the reference parser already read. */
export function findNearMisses(text: string, syntax: NearMissSyntax, taken: readonly { index: number; length: number }[] = []): NearMiss[] {
	const entry = compiled(syntax);
	const { prefixes, pattern } = entry;
	// Folding is one unit for one, and letters only lose their width: no prefix before it, none after.
	if (!entry.written.test(text)) return [];
	const folded = fold(text);
	const found: NearMiss[] = [];
	// `exec` on the one pattern (`matchAll` would copy it): nothing below uses it. A token is never empty.
	prefixes.lastIndex = 0;
	for (let match; (match = prefixes.exec(folded)) !== null;) {
		const start = match.index;
		const matchEnd = start + match[0].length;
		if (taken.some((t) => start < t.index + t.length && t.index < matchEnd)) continue;
		// A file name (`isms-p-007.pdf`) or an e-mail address is no reference.
		if (/^\.[A-Za-z0-9]|^@/u.test(folded.slice(matchEnd))) continue;
		const parts = partsOf(folded, start).filter((p) => p.end <= matchEnd);
		const miss = judge(parts, entry, syntax.known);
		if (!miss) continue;
		const written = text.slice(start, miss.end);
		if (pattern.test(written)) continue;
		found.push({
			kind: 'near-miss',
			...miss.result,
			faults: miss.result.miss === 'form' ? faults(written, miss.result.normalised) : [],
			index: start,
			length: miss.end - start,
		});
	}
	return found;
}

/**
 * What a token is, trying the longest reading first; it may be cut short only where a space joins the
 * rest (`ISMS P-007 辦理` is `ISMS P-007`; `ISMS-P-007A` stays whole and is no near miss).
 */
function judge(
	parts: Part[],
	{ pattern, known: knownSet, shapes }: Compiled,
	known: readonly string[],
): { end: number; result: Omit<NearMiss, 'kind' | 'index' | 'length' | 'faults'> } | undefined {
	const ends: number[] = [];
	for (let k = parts.length; k >= 2; k--) if (k === parts.length || parts[k]!.joint === 'space') ends.push(k);
	const normal = (k: number) =>
		parts
			.slice(0, k)
			.map((p) => p.text)
			.join('-');
	for (const k of ends) {
		if (pattern.test(normal(k)))
			return {
				end: parts[k - 1]!.end,
				result: { miss: 'form', normalised: normal(k), candidates: knownSet.has(normal(k)) ? [normal(k)] : [] },
			};
	}
	for (const k of ends) {
		const candidates = closeTo(normal(k), known);
		if (candidates.length > 0) return { end: parts[k - 1]!.end, result: { miss: 'close', normalised: normal(k), candidates } };
	}
	// Written like a number (a dash in it, the runs of a known number's kinds) but no number is close.
	for (const k of ends) {
		if (parts.slice(1, k).some((p) => p.joint === 'dash') && shapes.has(shapeOf(normal(k)))) {
			return { end: parts[k - 1]!.end, result: { miss: 'shape', normalised: normal(k), candidates: [] } };
		}
	}
	return undefined;
}

/** `ISMS-P-007` → `A-A-9`: letters and digits runs. */
function shapeOf(docNo: string): string {
	return docNo
		.split('-')
		.map((part) => (/^[0-9]+$/u.test(part) ? '9' : /^[A-Za-z]+$/u.test(part) ? 'A' : '?'))
		.join('-');
}

/** Known numbers meant by `written`: the same but for zero padding (ISMS-P-07), else one character off. */
function closeTo(written: string, known: readonly string[]): string[] {
	const unpadded = (s: string) => s.replace(/(^|-)0+(?=\d)/gu, '$1');
	const padded = known.filter((docNo) => unpadded(docNo) === unpadded(written));
	if (padded.length > 0) return padded.slice(0, 3);
	return known
		.filter((docNo) => withinOneEdit(written, docNo))
		.sort()
		.slice(0, 3);
}

/** One insertion, deletion, substitution or swap of neighbours apart (or equal). */
export function withinOneEdit(a: string, b: string): boolean {
	if (a === b) return true;
	if (Math.abs(a.length - b.length) > 1) return false;
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	if (a.length === b.length) {
		if (a.slice(i + 1) === b.slice(i + 1)) return true;
		return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
	}
	return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function faults(written: string, normalised: string): NearMiss['faults'] {
	const found: NearMiss['faults'] = [];
	if (/[\uff01-\uff5e\u3000]/u.test(written)) found.push('full-width');
	if (/[\u2010-\u2015\u2212\ufe58\ufe63]/u.test(written)) found.push('dash');
	if (fold(written).toUpperCase() !== normalised) found.push('separator');
	if (/[a-z\uff41-\uff5a]/u.test(written)) found.push('lower-case');
	return found;
}
