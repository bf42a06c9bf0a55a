/**
 * The one reference parser (AUTHORING.md, "References in text"). It finds, in a run of text:
 * - documents: `ISMS-P-005`, `ISMS-P-005 資訊安全目標管理程序書`, 「ISMS-P-005 資訊安全目標管理程序書」, and titles
 *   with Latin letters, digits or spaces (`ISMS-R-002 VPN 存取規範`);
 * - clauses: `第 6.4.3 節`, `第6.4.3節`, `6.4.3 節` (this document), `ISMS-P-005 第 4.2 節` (that one);
 * - Annex A controls: `A.9.2.1` (2013), `A.5.15` (2022).
 * The checker, the auto-linker and the backlinks all read what this finds.
 */
export type FoundReference =
	| {
			kind: 'document';
			docNo: string;
			/** The title written after the number, when one is cited. */
			citedTitle?: string;
			/** Written inside 「」. */
			quoted: boolean;
			index: number;
			length: number;
	  }
	| {
			kind: 'clause';
			/** The document cited just before, or undefined for a clause of the citing document. */
			docNo?: string;
			clause: string;
			index: number;
			length: number;
	  }
	| { kind: 'control'; id: string; index: number; length: number };

export interface ReferenceSyntax {
	/** docNo pattern (the portal's configured one), anchors allowed: `^ISMS-[A-Z]-\d{3}$`. */
	docNoPattern: string;
	/** Title of a known document, to tell where an unquoted cited title ends. */
	titleOf: (docNo: string) => string | undefined;
	/**
	 * Every other title the document has had or will have (older, newer, draft versions): a cited one
	 * is read whole, so that a reference to a document above the ceiling loses all of it.
	 */
	otherTitlesOf?: (docNo: string) => readonly string[] | undefined;
}

/** Words that end a document's title: 政策, 程序書, 作業說明書, 表單 … */
const TITLE_ENDING =
	/(?:政策|手冊|程序書|程序|作業說明書|作業說明|說明書|規範|辦法|要點|計畫書|計畫|準則|標準|清單|清冊|紀錄表|登記表|簽到表|量測表|檢核表|一覽表|紀錄|申請單|處理單|通報單|表單)/gu;
/** Words that make a run of text prose rather than a cited title: 依 ISMS-P-005 辦理相關申請單. */
const NOT_A_TITLE = /辦理|依據|規定|參閱|所定|應/u;
const HAN_RUN = /^[ \u3000]?(\p{Script=Han}[\p{Script=Han}（）()、]*)/u;
/** The same with Latin letters, digits and spaces: `ISMS-R-002 VPN 存取規範`, `ISMS-R-003 機房 管理規範`. */
const MIXED_RUN = /^[ \u3000]?([\p{Script=Han}A-Za-z0-9][\p{Script=Han}A-Za-z0-9（）()、\- \u3000]*)/u;
/** Words that start prose, not a title: `ISMS-P-005 與 ISMS-M-001`, `ISMS-P-005 及 VPN 規範`. */
const PROSE_START = /^[與及和或之等的並且暨]/u;
/** An official-scheme clause number (壹、 一、 （一）) right after a document number. */
const CLAUSE_PATH_START = /^[ \u3000]?(?:[壹貳參叁叄肆伍陸柒捌玖拾一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百0-9０-９]+[）)])/u;
/** Spaces an author may put inside or before a cited title (not line breaks). */
const SPACE = /[ \t\u3000]/;
/** Any `A.<n>.<n>` or `A.<n>.<n>.<n>`: the checker judges it against the catalogue of its edition (`A.19.1.1` too). */
const CONTROL = /(?<![\w.])A\.\d{1,2}\.\d{1,2}(?:\.\d{1,2})?(?![\w]|\.\d)/gu;
const CLAUSE = /第\s*(\d{1,3}(?:\.\d{1,3})*)\s*節|(?<![\d.\w])(\d{1,3}(?:\.\d{1,3})+)\s*節/gu;

export function docNoRegExp(pattern: string): RegExp {
	let regExp = docNoRegExps.get(pattern);
	if (!regExp) {
		const body = pattern.replace(/^\^/, '').replace(/\$$/, '');
		regExp = new RegExp(`(?<![A-Za-z0-9-])(?:${body})(?![A-Za-z0-9])`, 'gu');
		docNoRegExps.set(pattern, regExp);
	}
	return regExp;
}
const docNoRegExps = new Map<string, RegExp>();

/** The same, not global: for `search`, which must not share (or move) the global one's lastIndex. */
function firstDocNo(pattern: string): RegExp {
	let regExp = firstDocNoRegExps.get(pattern);
	if (!regExp) {
		regExp = new RegExp(docNoRegExp(pattern).source, 'u');
		firstDocNoRegExps.set(pattern, regExp);
	}
	return regExp;
}
const firstDocNoRegExps = new Map<string, RegExp>();

/** Every match of a global pattern, as `matchAll` gives them, without the copy of the pattern `matchAll` makes per call. */
function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
	const matches: RegExpExecArray[] = [];
	pattern.lastIndex = 0;
	for (let match; (match = pattern.exec(text)) !== null;) {
		matches.push(match);
		// An empty match moves on by one character, as `matchAll` does.
		if (match[0] === '') pattern.lastIndex += (text.codePointAt(pattern.lastIndex) ?? 0) > 0xffff ? 2 : 1;
	}
	return matches;
}

export function findReferences(text: string, syntax: ReferenceSyntax): FoundReference[] {
	const found: FoundReference[] = [];
	const documentEnds: { end: number; docNo: string }[] = [];

	for (const match of allMatches(docNoRegExp(syntax.docNoPattern), text)) {
		const docNo = match[0];
		let start = match.index;
		let end = start + docNo.length;
		let citedTitle: string | undefined;
		const quoted = text[start - 1] === '「';
		if (quoted) {
			const close = text.indexOf('」', end);
			const inside = close === -1 ? '' : text.slice(end, close);
			if (close !== -1 && !inside.includes('「') && !inside.includes('\n')) {
				citedTitle = inside.trim() || undefined;
				start -= 1;
				end = close + 1;
			}
		} else {
			const cited = citedTitleAfter(text, end, docNo, syntax);
			if (cited) {
				citedTitle = cited.title;
				end = cited.end;
			}
		}
		// One literal each way (no spread per reference); the fields in the same order.
		found.push(
			citedTitle
				? { kind: 'document', docNo, citedTitle, quoted, index: start, length: end - start }
				: { kind: 'document', docNo, quoted, index: start, length: end - start },
		);
		documentEnds.push({ end, docNo });
	}

	// Clauses are written with 節, controls with `A.`: most runs of text have neither.
	for (const match of text.includes('節') ? allMatches(CLAUSE, text) : []) {
		const clause = (match[1] ?? match[2])!;
		// `ISMS-P-005 第 4.2 節`, 「ISMS-P-005 …」第 4.2 節: the clause belongs to the document right before it.
		const before = documentEnds.find((d) => d.end <= match.index && /^\s*$/.test(text.slice(d.end, match.index)));
		found.push(
			before
				? { kind: 'clause', docNo: before.docNo, clause, index: match.index, length: match[0].length }
				: { kind: 'clause', clause, index: match.index, length: match[0].length },
		);
	}

	for (const match of text.includes('A.') ? allMatches(CONTROL, text) : []) {
		found.push({ kind: 'control', id: match[0], index: match.index, length: match[0].length });
	}

	return found.length > 1 ? found.sort((a, b) => a.index - b.index) : found;
}

/**
 * The title cited right after a document number (unquoted), and where it ends: one of the document's
 * known titles, spaces inside it as the author typed them; else words up to a title ending (政策,
 * 程序書, 規範 …): Han characters only, or words with Latin letters or digits and spaces.
 */
function citedTitleAfter(text: string, from: number, docNo: string, syntax: ReferenceSyntax): { title: string; end: number } | undefined {
	const known = [syntax.titleOf(docNo), ...(syntax.otherTitlesOf?.(docNo) ?? [])].filter((t): t is string => Boolean(t));
	// Longest first: of 資訊安全政策 and 資訊安全政策附錄, the whole one.
	for (const title of [...new Set(known)].sort((a, b) => b.length - a.length)) {
		const end = matchTitle(text, from, title);
		if (end !== undefined) return { title, end };
	}
	const rest = text.slice(from);
	// `ISMS-M-002 參、一、（二）`: a clause path of that document, not a title.
	if (CLAUSE_PATH_START.test(rest)) return undefined;
	for (const runPattern of [HAN_RUN, MIXED_RUN]) {
		const run = runPattern.exec(rest);
		let words = run?.[1];
		if (!run || !words || words.startsWith('第')) continue;
		// The title of this document ends before another document's number.
		const other = words.search(firstDocNo(syntax.docNoPattern));
		if (other !== -1) words = words.slice(0, other);
		const last = [...words.matchAll(TITLE_ENDING)].at(-1);
		if (!last) continue;
		const candidate = words.slice(0, last.index + last[0].length).trimEnd();
		if (NOT_A_TITLE.test(candidate) || candidate.includes('第')) continue;
		// Spaced words are a title only with Latin letters or digits in it (`VPN 存取規範`), never prose (`與 程序書`).
		if (runPattern === MIXED_RUN && (!/[A-Za-z0-9]/.test(candidate) || PROSE_START.test(candidate))) continue;
		return { title: candidate, end: from + run[0].indexOf(run[1]!) + candidate.length };
	}
	return undefined;
}

/**
 * Where `title` ends when it is written at `from` (after at most a few spaces), comparing everything
 * but spaces: `VPN存取規範` and `VPN 存取 規範` both cite 「VPN 存取規範」. Undefined when it is not there.
 */
function matchTitle(text: string, from: number, title: string): number | undefined {
	const wanted = title.replace(/\s+/gu, '');
	if (wanted === '') return undefined;
	let at = from;
	while (at < text.length && at - from < 3 && SPACE.test(text[at]!)) at++;
	let matched = 0;
	while (matched < wanted.length) {
		if (at >= text.length) return undefined;
		const char = text[at]!;
		if (char === wanted[matched]) {
			matched++;
			at++;
		} else if (matched > 0 && SPACE.test(char)) {
			at++;
		} else {
			return undefined;
		}
	}
	return at;
}
