import type { SearchOptions } from './filters.ts';

/**
 * The address of the search page for a query and its filters, `/search/?q=…&all=1&tier=…&classification=…`:
 * what the search page shows and writes back as the user types, and what staff share.
 */
export function searchPageUrl(base: string, query: string, options: SearchOptions = {}): string {
	const params = new URLSearchParams();
	if (query.trim()) params.set('q', query.trim());
	if (options.includeHistory) params.set('all', '1');
	for (const tier of options.tiers ?? []) params.append('tier', tier);
	for (const level of options.classifications ?? []) params.append('classification', level);
	const search = params.toString();
	return `${base.replace(/\/?$/, '/')}search/${search ? `?${search}` : ''}`;
}

/** The query and filters in a search page address (`location.search`). */
export function readSearchParams(search: string): { query: string; options: Required<SearchOptions> } {
	const params = new URLSearchParams(search);
	return {
		query: params.get('q') ?? '',
		options: { includeHistory: params.get('all') === '1', tiers: params.getAll('tier'), classifications: params.getAll('classification') },
	};
}
