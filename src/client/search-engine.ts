import { readSearchData, SEARCH_DATA_PATH, type SearchData } from '../lib/search/data.ts';
import { searchEngine, type SearchEngine } from '../lib/search/engine.ts';
import type { PagefindLike } from '../lib/search/pagefind.ts';

/**
 * The site's own Pagefind bundle and search data file (both built by `npm run build`; absent in
 * `npm run dev`), loaded on the first search and shared by every search panel on the page.
 */
let engine: Promise<SearchEngine> | undefined;

export function loadSearchEngine(base: string, load = importPagefind, fetchData = fetchSearchData): Promise<SearchEngine> {
	engine ??= (async () => {
		const root = base.replace(/\/?$/, '/');
		const [pagefind, data] = await Promise.all([load(root), fetchData(root)]);
		return searchEngine(pagefind, data);
	})();
	// A failed load is tried again on the next search.
	engine.catch(() => (engine = undefined));
	return engine;
}

/** Forgets the loaded engine (tests). */
export function resetSearchEngine(): void {
	engine = undefined;
}

async function importPagefind(root: string): Promise<PagefindLike> {
	const module = (await import(/* @vite-ignore */ `${root}pagefind/pagefind.js`)) as PagefindLike & { options(o: object): Promise<void> };
	await module.options({ baseUrl: root, excerptLength: 30 });
	return module;
}

/** The data file; without it (an older build, a network error) the search still runs, without synonyms. */
async function fetchSearchData(root: string): Promise<SearchData> {
	try {
		const response = await fetch(`${root}${SEARCH_DATA_PATH}`);
		return readSearchData(response.ok ? await response.json() : undefined);
	} catch {
		return readSearchData(undefined);
	}
}
