import type { SearchPlan } from './parse.ts';
import type { SearchDataDocument } from './data.ts';
import { normalizeTerm } from './text.ts';

/**
 * When nothing matches (issue 13, 5): the titles of documents in force that share the most characters
 * with the query, and the query without its last term.
 */
export interface Suggestions {
	titles: SearchDataDocument[];
	/** The query without its last term, when it has more than one. */
	shorter?: string;
}

export function suggest(plan: SearchPlan, documents: readonly SearchDataDocument[], limit = 3): Suggestions {
	const wanted = new Set(
		[...normalizeTerm(plan.groups.map((g) => g.text).join('') || plan.normalized)].filter((c) => /[\p{L}\p{N}]/u.test(c)),
	);
	const scored = documents
		.map((doc, index) => {
			const title = new Set(normalizeTerm(doc.title));
			const shared = [...wanted].filter((c) => title.has(c)).length;
			return { doc, index, shared, share: title.size ? shared / title.size : 0 };
		})
		.filter(({ shared }) => shared > 0)
		.sort((a, b) => b.shared - a.shared || b.share - a.share || a.index - b.index);
	const required = plan.groups.filter((g) => !g.optional);
	const shorter =
		required.length > 1
			? required
					.slice(0, -1)
					.map((g) => g.text)
					.join(' ')
			: undefined;
	return { titles: scored.slice(0, limit).map(({ doc }) => doc), ...(shorter ? { shorter } : {}) };
}
