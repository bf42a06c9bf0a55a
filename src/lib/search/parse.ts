import { findDocReferences, mayNameDocument, type DocReference } from './doc-number.ts';
import { isParticle } from './particles.ts';
import { cutHan } from './segment.ts';
import { NO_SYNONYMS, type SynonymIndex } from './synonyms.ts';
import { hasHan, normalizeQuery, normalizeTerm } from './text.ts';

/**
 * What the user typed, as the searches to run and what to look for in the pages found:
 * - phrases: the query's pieces as written (split at spaces and punctuation). A page with all of them is
 *   in the first band: exact matches still come first.
 * - groups: the terms the pieces are cut into (particles left out), each with its synonyms; pages are
 *   ranked by how many groups they contain.
 * - docRefs: document numbers (and versions) named in the query, resolved against the index.
 */
export interface TermGroup {
	/** The term as it stands in the query. */
	text: string;
	/** The term and its synonyms; a page has the group when it contains any of them. */
	alternatives: string[];
	/**
	 * Weaker forms that still count in the page's text but not in its title: the word a lone character was
	 * joined to (在家 for 在家連).
	 */
	loose?: string[];
	/** Optional groups (a lone character between particles) only break ties. */
	optional: boolean;
	/** A document number: matched as written in the index, never cut. */
	docNo?: boolean;
}

export interface SearchPlan {
	/** The query after normalisation (and conversion to Traditional), for display and messages. */
	normalized: string;
	mode: 'empty' | 'search';
	phrases: string[];
	groups: TermGroup[];
	docRefs: DocReference[];
}

/** Separators between the pieces of a query (after NFKC: full-width punctuation is already ASCII). */
const SEPARATORS = /[\s,;:!?()[\]{}、。・，；：！？]+/u;
/** Runs of Han characters, and runs of anything else that is a word (letters, digits, A.9.2.1). */
const RUNS = /\p{Script=Han}+|[^\p{Script=Han}]+/gu;

export interface ParseContext {
	/** Document numbers in the index; without them no number is recognised. */
	knownDocNos?: readonly string[];
	synonyms?: SynonymIndex;
}

export function parseQuery(input: string, context: ParseContext = {}): SearchPlan {
	const normalized = normalizeQuery(input);
	const synonyms = context.synonyms ?? NO_SYNONYMS;
	const docRefs = mayNameDocument(normalized) ? findDocReferences(normalized, context.knownDocNos ?? []) : [];
	// The rest of the query once the document numbers (and their versions) are taken out.
	let rest = '';
	let cursor = 0;
	for (const ref of docRefs) {
		rest += `${normalized.slice(cursor, ref.start)} `;
		cursor = ref.end;
	}
	rest += normalized.slice(cursor);

	const groups: TermGroup[] = [];
	const seen = new Set<string>();
	const add = (text: string, optional: boolean, docNo = false, base?: string, hints?: readonly string[]) => {
		const key = normalizeTerm(text);
		if (!key || seen.has(key)) return;
		const alternatives = hints ? [...hints] : docNo ? [text] : synonyms.alternatives(text);
		const loose = base ? synonyms.alternatives(base).filter((alternative) => !alternatives.includes(alternative)) : [];
		// A synonym of a term already there (USB隨身碟) adds nothing.
		for (const alternative of alternatives) seen.add(normalizeTerm(alternative));
		groups.push({ text, alternatives, optional, ...(loose.length ? { loose } : {}), ...(docNo ? { docNo: true } : {}) });
	};
	for (const ref of docRefs) for (const docNo of ref.docNos) add(docNo, false, true);

	const vocabulary = new Set(synonyms.vocabulary);
	const phrases: string[] = docRefs.flatMap((ref) => ref.docNos.slice(0, 1));
	for (const piece of rest.split(SEPARATORS).filter(Boolean)) {
		const before = groups.length;
		for (const run of piece.match(RUNS) ?? []) {
			if (hasHan(run)) {
				for (const term of cutHan(run, vocabulary)) add(term.text, term.optional, false, term.base, term.hints);
			} else {
				const word = run.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
				if (word && !isParticle(word)) add(word, false);
			}
		}
		if (groups.length > before || (!hasHan(piece) && /[\p{L}\p{N}]/u.test(piece))) phrases.push(piece);
	}
	// A query of particles only (「如何」) is searched for as written.
	if (groups.length === 0 && rest.trim()) for (const piece of rest.split(SEPARATORS).filter(Boolean)) add(piece, false);
	const unique = [...new Map(phrases.map((p) => [normalizeTerm(p), p])).values()].filter((p) => normalizeTerm(p));
	return { normalized, mode: groups.length ? 'search' : 'empty', phrases: unique, groups, docRefs };
}
