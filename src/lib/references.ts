/**
 * The one reference parser (AUTHORING.md, "References in text"). It finds, in a run of text:
 * - documents: `ISMS-P-005`, `ISMS-P-005 資訊安全目標管理程序書`, 「ISMS-P-005 資訊安全目標管理程序書」;
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
}

/** Words that end a document's title: 政策, 程序書, 作業說明書, 表單 … */
const TITLE_ENDING = /(?:政策|手冊|程序書|程序|作業說明書|作業說明|說明書|規範|辦法|要點|計畫書|計畫|準則|標準|清單|清冊|紀錄表|登記表|簽到表|量測表|檢核表|一覽表|紀錄|申請單|處理單|通報單|表單)/gu;
/** Words that make a run of text prose rather than a cited title: 依 ISMS-P-005 辦理相關申請單. */
const NOT_A_TITLE = /辦理|依據|規定|參閱|所定|應/u;
const HAN_RUN = /^[ \u3000]?(\p{Script=Han}[\p{Script=Han}（）()、]*)/u;
const CONTROL = /(?<![\w.])A\.(?:[5-9]|1[0-8])\.\d{1,2}(?:\.\d{1,2})?(?![\w]|\.\d)/gu;
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

export function findReferences(text: string, syntax: ReferenceSyntax): FoundReference[] {
	const found: FoundReference[] = [];
	const documentEnds: { end: number; docNo: string }[] = [];

	for (const match of text.matchAll(docNoRegExp(syntax.docNoPattern))) {
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
			const run = HAN_RUN.exec(text.slice(end));
			const words = run?.[1];
			if (words && !words.startsWith('第')) {
				const known = syntax.titleOf(docNo);
				if (known && words.startsWith(known)) {
					citedTitle = known;
				} else {
					const endings = [...words.matchAll(TITLE_ENDING)];
					const last = endings.at(-1);
					const candidate = last ? words.slice(0, last.index + last[0].length) : undefined;
					if (candidate && !NOT_A_TITLE.test(candidate)) citedTitle = candidate;
				}
				if (citedTitle) end += run[0].indexOf(words) + citedTitle.length;
			}
		}
		found.push({ kind: 'document', docNo, ...(citedTitle ? { citedTitle } : {}), quoted, index: start, length: end - start });
		documentEnds.push({ end, docNo });
	}

	for (const match of text.matchAll(CLAUSE)) {
		const clause = (match[1] ?? match[2])!;
		// `ISMS-P-005 第 4.2 節`, 「ISMS-P-005 …」第 4.2 節: the clause belongs to the document right before it.
		const before = documentEnds.find((d) => d.end <= match.index && /^\s*$/.test(text.slice(d.end, match.index)));
		found.push({ kind: 'clause', ...(before ? { docNo: before.docNo } : {}), clause, index: match.index, length: match[0].length });
	}

	for (const match of text.matchAll(CONTROL)) {
		found.push({ kind: 'control', id: match[0], index: match.index, length: match[0].length });
	}

	return found.sort((a, b) => a.index - b.index);
}

/** A reference found in a document, where it was written, and the clause that cites it. */
export type ReferenceSite = (FoundReference | { kind: 'link'; url: string; index: number; length: number }) & {
	/** The text as written, e.g. 「ISMS-P-005 資訊安全目標管理程序書」 or `第 6.4.3 節`. */
	text: string;
	line: number;
	column: number;
	/** Clause of the citing document that contains the reference (`6.4.2`), if numbered. */
	citingClause?: string;
	/** Found in frontmatter `controls` rather than the body. */
	frontmatter?: true;
};

interface MdNode {
	type: string;
	value?: string;
	url?: string;
	depth?: number;
	children?: MdNode[];
	position?: { start: { line: number; column: number; offset?: number } };
}

/** Nodes whose text is not prose: code, and MDX expressions and imports. */
const SKIPPED = new Set(['code', 'inlineCode', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'html', 'yaml']);

/**
 * Every reference in a parsed body (see `parseBody`), with file line and column: text in code is
 * skipped; Markdown links to `/documents/…` are collected as links; each reference remembers the
 * numbered clause (heading, paragraph or list item) it was written in.
 */
export function collectReferences(tree: MdNode, syntax: ReferenceSyntax, clauseOf: (text: string) => string | undefined): ReferenceSite[] {
	const sites: ReferenceSite[] = [];
	let sectionClause: string | undefined;

	const plain = (node: MdNode): string =>
		node.value !== undefined && !SKIPPED.has(node.type) ? node.value : (node.children ?? []).map(plain).join('');

	// Continuation lines of a paragraph start at its column (the parser strips the list indentation).
	const visit = (node: MdNode, clause: string | undefined, blockColumn = 1): void => {
		if (SKIPPED.has(node.type)) return;
		if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') blockColumn = node.position?.start.column ?? blockColumn;
		if (node.type === 'heading') {
			// An unnumbered heading (附錄, 附件) ends the numbered section before it.
			const own = clauseOf(plain(node));
			sectionClause = own;
			clause = own;
		} else if (node.type === 'listItem' || node.type === 'paragraph') {
			const first = node.type === 'listItem' ? node.children?.[0] : node;
			const own = first ? clauseOf(plain(first)) : undefined;
			if (own) clause = own;
		}
		if (node.type === 'link') {
			const start = node.position?.start;
			if (node.url?.startsWith('/documents/') && start) {
				sites.push({ kind: 'link', url: node.url, index: 0, length: 0, text: node.url, line: start.line, column: start.column, ...(clause ? { citingClause: clause } : {}) });
			}
			return;
		}
		if (node.type === 'text' && node.value && node.position) {
			for (const ref of findReferences(node.value, syntax)) {
				const { line, column } = advance(node.position.start, node.value, ref.index, blockColumn);
				sites.push({ ...ref, text: node.value.slice(ref.index, ref.index + ref.length), line, column, ...(clause ? { citingClause: clause } : {}) });
			}
			return;
		}
		for (const child of node.children ?? []) visit(child, clause ?? sectionClause, blockColumn);
	};
	visit(tree, undefined);
	return sites;
}

/** Line and column of `index` within a text node that starts at `start`. */
function advance(start: { line: number; column: number }, value: string, index: number, blockColumn: number): { line: number; column: number } {
	const before = value.slice(0, index);
	const newlines = before.split('\n');
	if (newlines.length === 1) return { line: start.line, column: start.column + index };
	return { line: start.line + newlines.length - 1, column: blockColumn + newlines.at(-1)!.length };
}
