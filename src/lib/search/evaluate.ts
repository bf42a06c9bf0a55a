import { STATUS_LABELS } from './filters.ts';
import type { PagefindData } from './pagefind.ts';
import type { SearchPlan, TermGroup } from './parse.ts';
import { contains, matchView } from './text.ts';

/** How one page answers a query: the facts the ranking (rank.ts) orders by. */
export interface PageEvaluation {
	/** The page contains every piece of the query as written: the exact band. */
	phrase: boolean;
	/** Per group of the plan: found in the page. */
	found: boolean[];
	/** Share of the required groups found (1: all terms). */
	coverage: number;
	/** Required groups found in the title (or the document number). */
	inTitle: number;
	/** Required groups found in a heading (clause headings 3.1 通行碼規則 …). */
	inHeading: number;
	/** Optional groups found: a tie-breaker. */
	optional: number;
	/** 0: a document version in force; 1: a portal page (help, SoA …); 2: a version out of force. */
	standing: 0 | 1 | 2;
}

const HEADING = /^h[1-6]$/i;

/**
 * Evaluates a loaded page. `pagefindFound(i)` tells whether Pagefind returned the page for a Latin
 * alternative of group i (its stemming finds 'policies' for 'policy'); Han terms are checked in the text.
 */
export function evaluatePage(data: PagefindData, plan: SearchPlan, pagefindFound: (group: number) => boolean = () => false): PageEvaluation {
	const view = matchView(data.content);
	const title = matchView(`${data.meta.docNo ?? ''} ${data.meta.title ?? ''}`);
	const headings = matchView((data.anchors ?? []).filter((a) => HEADING.test(a.element)).map((a) => a.text ?? '').join('\n'));
	const has = (target: { text: string }, group: TermGroup) => group.alternatives.some((alternative) => contains(target, alternative));
	const found = plan.groups.map((group, i) => has(view, group) || has(title, group) || pagefindFound(i));
	const required = plan.groups.map((group, i) => ({ group, i })).filter(({ group }) => !group.optional);
	const count = (test: (group: TermGroup, i: number) => boolean) => required.filter(({ group, i }) => test(group, i)).length;
	const status = data.meta.status;
	return {
		phrase: plan.phrases.length > 0 && plan.phrases.every((phrase) => contains(view, phrase) || contains(title, phrase)),
		found,
		coverage: required.length ? count((_, i) => found[i]!) / required.length : 0,
		inTitle: count((group) => has(title, group)),
		inHeading: count((group) => has(headings, group)),
		optional: plan.groups.filter((group, i) => group.optional && found[i]).length,
		standing: !status ? 1 : status === STATUS_LABELS.current ? 0 : 2,
	};
}

/** True when the page answers any part of the query: anything else is not returned at all. */
export function isRelated(evaluation: PageEvaluation): boolean {
	return evaluation.phrase || evaluation.found.some(Boolean);
}
