import type { PortalModel } from '../documents/portal.ts';
import { DEFAULT_SYNONYMS } from './default-synonyms.ts';

/**
 * The search's own data file, `/search/data.json`, written by the build (src/pages/search/data.json.ts)
 * and fetched by the search UI (and the benchmark) with the index: the synonym groups (the portal's
 * defaults and content/search/synonyms.yaml) and the titles of the documents in force, for 「您是不是要找」.
 * Only published documents are listed: nothing above the publication ceiling.
 */
export const SEARCH_DATA_PATH = 'search/data.json';

export interface SearchDataDocument {
	docNo: string;
	title: string;
	url: string;
}

export interface SearchData {
	synonyms: string[][];
	documents: SearchDataDocument[];
}

export function searchData(model: Pick<PortalModel, 'documents' | 'synonyms'>): SearchData {
	return {
		synonyms: [...DEFAULT_SYNONYMS.map((group) => [...group]), ...(model.synonyms ?? [])],
		documents: model.documents.filter((doc) => doc.current).map((doc) => ({ docNo: doc.docNo, title: doc.current!.title, url: doc.url })),
	};
}

/** Reads a fetched data file; anything malformed counts as empty (search still works without it). */
export function readSearchData(value: unknown): SearchData {
	const data = (value ?? {}) as Partial<SearchData>;
	const strings = (list: unknown): list is string[] => Array.isArray(list) && list.every((item) => typeof item === 'string');
	return {
		synonyms: Array.isArray(data.synonyms) ? data.synonyms.filter(strings) : [],
		documents: Array.isArray(data.documents)
			? data.documents.filter(
					(d): d is SearchDataDocument =>
						Boolean(d) && typeof d.docNo === 'string' && typeof d.title === 'string' && typeof d.url === 'string',
				)
			: [],
	};
}
