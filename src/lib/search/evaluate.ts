import { STATUS_LABELS } from './filters.ts';
import type { PagefindData } from './pagefind.ts';
import type { SearchPlan, TermGroup } from './parse.ts';
import { contains, findTagged, matchView } from './text.ts';

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
	/** The title has every required group: as strong as the exact phrase (「帳號申請」 → 帳號權限申請單). */
	titleAll: boolean;
	/** Required groups found in a heading (clause headings 3.1 通行碼規則 …). */
	inHeading: number;
	/** One heading has every required group: the clause is about what was asked (權限審查 → 5.6 存取權限之審查). */
	headingAll: boolean;
	/** Required groups found in the title or a heading: matches in the page's structure. */
	structural: number;
	/** Most required groups found within one stretch of text (NEARBY characters): terms together. */
	nearby: number;
	/** Per group: 2 found in the title, 1 in a heading, 0 in the body only (or not found). */
	place: number[];
	/** Per group: the term as typed is on the page (not only a synonym of it). */
	typed: boolean[];
	/** Optional groups found: a tie-breaker. */
	optional: number;
	/** 0: a document version in force; 1: a portal page (help, SoA …); 2: a version out of force. */
	standing: 0 | 1 | 2;
}

const HEADING = /^h[1-6]$/i;
/** Characters within which terms count as together (about a clause). */
const NEARBY = 60;

/**
 * Evaluates a loaded page. `pagefindFound(i)` tells whether Pagefind returned the page for a Latin
 * alternative of group i (its stemming finds 'policies' for 'policy'); Han terms are checked in the text.
 */
export function evaluatePage(
	data: PagefindData,
	plan: SearchPlan,
	pagefindFound: (group: number) => boolean = () => false,
): PageEvaluation {
	const view = matchView(data.content);
	const title = matchView(`${data.meta.docNo ?? ''} ${data.meta.title ?? ''}`);
	const headingTexts = (data.anchors ?? []).filter((a) => HEADING.test(a.element)).map((a) => a.text ?? '');
	const headings = matchView(headingTexts.join('\n'));
	const has = (target: { text: string }, group: TermGroup) => group.alternatives.some((alternative) => contains(target, alternative));
	const loosely = (group: TermGroup) => (group.loose ?? []).some((alternative) => contains(view, alternative));
	const found = plan.groups.map((group, i) => has(view, group) || has(title, group) || loosely(group) || pagefindFound(i));
	const required = plan.groups.map((group, i) => ({ group, i })).filter(({ group }) => !group.optional);
	const count = (test: (group: TermGroup, i: number) => boolean) => required.filter(({ group, i }) => test(group, i)).length;
	const status = data.meta.status;
	const inTitle = count((group) => has(title, group));
	const needles = required.flatMap(({ group, i }) =>
		[...group.alternatives, ...(group.loose ?? [])].map((alternative) => [alternative, i] as const),
	);
	const matches = findTagged(data.content, needles, view);
	let nearby = 0;
	for (let a = 0; a < matches.length; a++) {
		const groups = new Set<number>();
		for (let b = a; b < matches.length && matches[b]![0] < matches[a]![0] + NEARBY; b++) groups.add(matches[b]![2]);
		nearby = Math.max(nearby, groups.size);
	}
	return {
		phrase: plan.phrases.length > 0 && plan.phrases.every((phrase) => contains(view, phrase) || contains(title, phrase)),
		found,
		coverage: required.length ? count((_, i) => found[i]!) / required.length : 0,
		inTitle,
		titleAll: required.length > 0 && inTitle === required.length,
		inHeading: count((group) => has(headings, group)),
		headingAll:
			required.length > 0 &&
			headingTexts.some((text) => {
				const heading = matchView(text);
				return required.every(({ group }) => has(heading, group));
			}),
		structural: count((group) => has(title, group) || has(headings, group)),
		place: plan.groups.map((group) => (has(title, group) ? 2 : has(headings, group) ? 1 : 0)),
		typed: plan.groups.map((group) => contains(view, group.text) || contains(title, group.text)),
		nearby,
		optional: plan.groups.filter((group, i) => group.optional && found[i]).length,
		standing: !status ? 1 : status === STATUS_LABELS.current ? 0 : 2,
	};
}

/** True when the page answers any part of the query: anything else is not returned at all. */
export function isRelated(evaluation: PageEvaluation): boolean {
	return evaluation.phrase || evaluation.found.some(Boolean);
}
