import { readSearchData, SEARCH_DATA_PATH, type SearchData } from '../lib/search/data.ts';
import { searchEngine, type SearchEngine } from '../lib/search/engine.ts';
import { INDEX_PARTS_FILE, readIndexParts } from '../lib/search/index-parts.ts';
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

type PagefindModule = PagefindLike & { options(o: object): Promise<void>; mergeIndex(url: string, o: object): Promise<void> };

/**
 * The site's Pagefind bundle, with the other parts of its index merged in (src/lib/search/index-parts.ts: a
 * large site's index is written in parts). Without a parts file (a site of one part, an older build) the
 * first bundle is the whole index.
 */
export async function importPagefind(
	root: string,
	importModule: (url: string) => Promise<unknown> = (url) => import(/* @vite-ignore */ url),
	fetchJson: (url: string) => Promise<unknown> = fetchJsonOrNothing,
): Promise<PagefindLike> {
	const module = (await importModule(`${root}pagefind/pagefind.js`)) as PagefindModule;
	await module.options({ baseUrl: root, excerptLength: 30 });
	for (const part of readIndexParts(await fetchJson(`${root}${INDEX_PARTS_FILE}`)))
		await module.mergeIndex(`${root}${part}`, { baseUrl: root, excerptLength: 30 });
	return module;
}

async function fetchJsonOrNothing(url: string): Promise<unknown> {
	try {
		const response = await fetch(url);
		return response.ok ? await response.json() : undefined;
	} catch {
		return undefined;
	}
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
