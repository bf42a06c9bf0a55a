import type { PagefindData, PagefindLike } from '../../../src/lib/search/pagefind.ts';

/** A page of the stand-in index: its text, metadata and filters. */
export interface FakePage {
	url: string;
	content: string;
	meta?: Record<string, string>;
	filters?: Record<string, string>;
	/** The stand-in's phrase search finds the page only when this is true (index and query cut alike). */
	phrase?: boolean;
	anchors?: PagefindData['anchors'];
	words?: string[];
	score?: number;
}

/**
 * A small stand-in for Pagefind's JS API: a plain query matches a page having every character of it
 * (loose on purpose, as Pagefind's word search is), a quoted one only pages marked `phrase` that have it.
 */
export function fakePagefind(pages: FakePage[]): PagefindLike & { queries: string[]; loads: string[] } {
	const queries: string[] = [];
	const loads: string[] = [];
	const passes = (page: FakePage, filters: Record<string, unknown> = {}) =>
		Object.entries(filters).every(([key, rule]) => {
			const value = page.filters?.[key];
			if (typeof rule === 'string') return value === rule;
			const { none, any } = rule as { none?: string[]; any?: string[] };
			if (none) return !value || !none.includes(value);
			if (any) return value !== undefined && any.includes(value);
			return true;
		});
	const data = (page: FakePage): PagefindData => ({
		url: page.url,
		content: page.content,
		...(page.words ? { raw_content: page.words.join('\u200b') } : {}),
		excerpt: `pagefind excerpt of ${page.url}`,
		meta: { title: page.url, ...page.meta },
		...(page.anchors ? { anchors: page.anchors } : {}),
	});
	return {
		queries,
		loads,
		async search(term, options) {
			queries.push(term ?? '(filters)');
			const matches = (page: FakePage) => {
				if (term === null) return true;
				const quoted = /^"(.+)"$/.exec(term);
				if (quoted) return Boolean(page.phrase) && page.content.includes(quoted[1]!);
				return [...term.replace(/[\s-]/g, '').toLowerCase()].every((c) => page.content.toLowerCase().includes(c));
			};
			return {
				results: pages
					.filter((page) => matches(page) && passes(page, options?.filters))
					.map((page) => ({
						id: page.url,
						score: page.score ?? 1,
						data: async () => {
							loads.push(page.url);
							return data(page);
						},
					})),
			};
		},
		async filters() {
			return { docNo: Object.fromEntries(pages.filter((p) => p.filters?.docNo).map((p) => [p.filters!.docNo!, 1])) };
		},
	};
}

/** A document version's page: `/documents/<docno>/` when in force, else `/documents/<docno>/v<version>/`. */
export const doc = (docNo: string, version: string, status: string, content: string, extra: Partial<FakePage> = {}): FakePage => ({
	url: `/documents/${docNo.toLowerCase()}/${status === '現行版' ? '' : `v${version}/`}`,
	content,
	meta: { title: `${docNo} 的標題`, docNo, version, status, classification: '內部使用', standing: `${version} 版的狀態` },
	filters: { docNo, status, tier: '第二階文件', classification: '內部使用' },
	phrase: true,
	...extra,
});
