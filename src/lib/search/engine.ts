import type { SearchData } from './data.ts';
import type { PagefindLike } from './pagefind.ts';
import { runSearch, type RunOptions, type SearchOutcome } from './run.ts';
import { suggest, type Suggestions } from './suggest.ts';
import { synonymIndex } from './synonyms.ts';

/**
 * The portal's search over one Pagefind index and its data file: what the search UI runs and what
 * `npm run bench:search` measures. Simplified → Traditional conversion is loaded on first use.
 */
export interface SearchResult extends SearchOutcome {
	/** When nothing matched: the nearest titles and a shorter query. */
	suggestions?: Suggestions;
}

export interface SearchEngine {
	search(input: string, options?: RunOptions): Promise<SearchResult>;
}

const toTraditional = async (text: string) => (await import('./simplified.ts')).toTraditional(text);

export function searchEngine(pagefind: PagefindLike, data: SearchData): SearchEngine {
	const context = { synonyms: synonymIndex(data.synonyms), toTraditional };
	return {
		async search(input, options = {}) {
			const outcome = await runSearch(pagefind, input, options, context);
			if (outcome.hits.length > 0 || outcome.plan.mode === 'empty') return outcome;
			return { ...outcome, suggestions: suggest(outcome.plan, data.documents) };
		},
	};
}
