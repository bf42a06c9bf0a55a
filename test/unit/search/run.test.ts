import { describe, expect, it } from 'vitest';
import { searchIndexAttributes } from '../../src/lib/search-index.ts';
import {
	buildExcerpt,
	compareVersions,
	containsAll,
	normalizeQuery,
	parseQuery,
	readSearchParams,
	resolveDocNo,
	runSearch,
	searchFilters,
	searchPageUrl,
	type PagefindData,
	type PagefindLike,
} from '../../src/lib/search-query.ts';
import { pv } from './_helpers.ts';

const KNOWN = ['ISMS-M-001', 'ISMS-P-005', 'ISMS-P-006', 'ISMS-F-005'];

describe('normalizeQuery', () => {
	it('turns full-width letters, digits and punctuation into ASCII', () => {
		expect(normalizeQuery('ＩＳＭＳ－Ｐ－００５')).toBe('ISMS-P-005');
	});

	it('drops 「」『』 and quotation marks, and collapses whitespace (including the ideographic space)', () => {
		expect(normalizeQuery('「管理審查」')).toBe('管理審查');
		expect(normalizeQuery('『管理審查』')).toBe('管理審查');
		expect(normalizeQuery('"管理審查"')).toBe('管理審查');
		expect(normalizeQuery('  管理\u3000審查\t')).toBe('管理 審查');
	});
});

describe('parseQuery', () => {
	it('searches a Han query as a phrase first, then as Pagefind words, keeping only pages that contain it', () => {
		const plan = parseQuery('管理審查');
		expect(plan.mode).toBe('verified');
		expect(plan.terms).toEqual([{ text: '管理審查', kind: 'han', queries: ['"管理審查"', '管理審查'] }]);
		expect(plan.docNos).toEqual([]);
	});

	it('reads 「管理審查」 and "管理審查" as the term inside the marks', () => {
		expect(parseQuery('「管理審查」').terms).toEqual(parseQuery('管理審查').terms);
		expect(parseQuery('"管理審查"').terms).toEqual(parseQuery('管理審查').terms);
	});

	it('keeps two-character terms whole', () => {
		expect(parseQuery('密碼').terms.map((t) => t.queries)).toEqual([['"密碼"', '密碼']]);
	});

	it('splits terms at spaces and Chinese punctuation: every term must be found', () => {
		expect(parseQuery('管理 審查').terms.map((t) => t.text)).toEqual(['管理', '審查']);
		expect(parseQuery('管理審查、內部稽核').terms.map((t) => t.text)).toEqual(['管理審查', '內部稽核']);
		expect(parseQuery('管理 審查').orderQuery).toBe('管理 審查');
	});

	it('leaves a Latin-only query to Pagefind as typed', () => {
		for (const input of ['password policy', 'ISMS', 'A.5.1.1']) {
			const plan = parseQuery(input, KNOWN);
			expect(plan.mode).toBe('latin');
			expect(plan.terms).toEqual([{ text: input, kind: 'latin', queries: [input] }]);
			expect(plan.docNos).toEqual([]);
		}
	});

	it('recognises a document number written ISMS-P-005, isms-p-005, P-005 or in full-width', () => {
		for (const input of ['ISMS-P-005', 'isms-p-005', 'P-005', 'p-005', 'ＩＳＭＳ－Ｐ－００５', ' 「ISMS-P-005」 ']) {
			const plan = parseQuery(input, KNOWN);
			expect(plan.mode, input).toBe('verified');
			expect(plan.docNos, input).toEqual(['ISMS-P-005']);
			expect(plan.terms[0]?.kind, input).toBe('docNo');
		}
	});

	it('names no document for a number the index does not have, but still looks for the text', () => {
		const plan = parseQuery('P-099', KNOWN);
		expect(plan.docNos).toEqual([]);
		expect(plan.mode).toBe('verified');
		expect(plan.terms).toEqual([{ text: 'P-099', kind: 'docNo', queries: ['P-099'] }]);
	});

	it('handles a document number with a Chinese term', () => {
		const plan = parseQuery('ISMS-P-005 稽核', KNOWN);
		expect(plan.mode).toBe('verified');
		expect(plan.docNos).toEqual(['ISMS-P-005']);
		expect(plan.terms.map((t) => [t.text, t.kind])).toEqual([
			['ISMS-P-005', 'docNo'],
			['稽核', 'han'],
		]);
		expect(plan.orderQuery).toBe('ISMS-P-005 稽核');
	});

	it('is empty for blank input or punctuation only, and drops repeated terms', () => {
		expect(parseQuery('   ').mode).toBe('empty');
		expect(parseQuery('「」、').mode).toBe('empty');
		expect(parseQuery('稽核 稽核').terms.map((t) => t.text)).toEqual(['稽核']);
	});
});

describe('resolveDocNo', () => {
	it('matches the number exactly in any case, else by its last parts (at least two)', () => {
		expect(resolveDocNo('isms-p-005', KNOWN)).toEqual(['ISMS-P-005']);
		expect(resolveDocNo('F-005', KNOWN)).toEqual(['ISMS-F-005']);
		expect(resolveDocNo('005', KNOWN)).toEqual([]);
		expect(resolveDocNo('MS-P-005', KNOWN)).toEqual([]);
		expect(resolveDocNo('X-P-005', KNOWN)).toEqual([]);
	});
});

describe('searchFilters', () => {
	it('by default leaves out versions that are not in force (pages without a status still pass)', () => {
		expect(searchFilters()).toEqual({ status: { none: ['已被取代', '尚未生效', '已廢止', '草稿'] } });
	});

	it('includes them on request, and filters by 文件類別 and 機密等級 (any of the chosen values)', () => {
		expect(searchFilters({ includeHistory: true, tiers: ['第二階文件'], classifications: ['公開', '內部使用'] })).toEqual({
			tier: { any: ['第二階文件'] },
			classification: { any: ['公開', '內部使用'] },
		});
	});
});

describe('search page address', () => {
	it('carries the query and the filters, and reads back what it wrote', () => {
		const options = { includeHistory: true, tiers: ['第二階文件', '第四階文件'], classifications: ['公開'] };
		const url = searchPageUrl('/', ' 管理審查 ', options);
		expect(url).toBe(`/search/?q=${encodeURIComponent('管理審查')}&all=1&tier=${encodeURIComponent('第二階文件')}&tier=${encodeURIComponent('第四階文件')}&classification=${encodeURIComponent('公開')}`);
		expect(readSearchParams(url.slice(url.indexOf('?')))).toEqual({ query: '管理審查', options });
		expect(searchPageUrl('/portal', '')).toBe('/portal/search/');
		expect(readSearchParams('')).toEqual({ query: '', options: { includeHistory: false, tiers: [], classifications: [] } });
	});
});

describe('matching and excerpts', () => {
	it('matches ignoring case, width and spaces, but not words apart', () => {
		expect(containsAll('依「ISMS-P-005 資訊安全目標管理程序書」', ['isms-p-005'])).toBe(true);
		expect(containsAll('ＩＳＭＳ－Ｐ－００５', ['ISMS-P-005'])).toBe(true);
		expect(containsAll('管理 審查', ['管理審查'])).toBe(true);
		expect(containsAll('管理階層審查', ['管理審查'])).toBe(false);
		expect(containsAll('管理審查與稽核', ['管理審查', '稽核'])).toBe(true);
		expect(containsAll('管理審查', ['管理審查', '稽核'])).toBe(false);
	});

	it('builds the excerpt from the real text, escaped, every match marked, never cut in two', () => {
		const text = `${'前'.repeat(50)}<b>管理 審查</b>之輸入及管理審查之輸出${'後'.repeat(100)}`;
		const excerpt = buildExcerpt(text, ['管理審查']);
		expect(excerpt).toContain('&lt;b&gt;<mark>管理 審查</mark>&lt;/b&gt;之輸入及<mark>管理審查</mark>之輸出');
		expect(excerpt.startsWith('…')).toBe(true);
		expect(excerpt.endsWith('…')).toBe(true);
		expect(excerpt).not.toContain('<b>');
		expect(buildExcerpt('A 管理審查 B', ['管理審查'], undefined, 2, 3)).toBe('A <mark>管理審查</mark>…');
	});

	it('orders versions numerically', () => {
		expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0);
		expect(compareVersions('2.0', '10.0')).toBeLessThan(0);
	});
});

// ---------------------------------------------------------------------------------------------------
// runSearch against a small stand-in for Pagefind's JS API.

interface FakePage {
	url: string;
	content: string;
	meta?: Record<string, string>;
	filters?: Record<string, string>;
	/** The stand-in's phrase search finds the page only when this is true (index and query cut alike). */
	phrase?: boolean;
	anchors?: PagefindData['anchors'];
	words?: string[];
}

function fakePagefind(pages: FakePage[]): PagefindLike & { queries: string[] } {
	const queries: string[] = [];
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
		async search(term, options) {
			queries.push(term ?? '(filters)');
			const matches = (page: FakePage) => {
				if (term === null) return true;
				const quoted = /^"(.+)"$/.exec(term);
				if (quoted) return Boolean(page.phrase) && page.content.includes(quoted[1]!);
				// Pagefind's plain search: every character somewhere in the page (loose on purpose).
				return [...term.replace(/[\s-]/g, '').toLowerCase()].every((c) => page.content.toLowerCase().includes(c));
			};
			return {
				results: pages
					.filter((page) => matches(page) && passes(page, options?.filters))
					.map((page) => ({ id: page.url, data: async () => data(page) })),
			};
		},
		async filters() {
			return { docNo: Object.fromEntries(pages.filter((p) => p.filters?.docNo).map((p) => [p.filters!.docNo!, 1])) };
		},
	};
}

const doc = (docNo: string, version: string, status: string, content: string, extra: Partial<FakePage> = {}): FakePage => ({
	url: `/documents/${docNo.toLowerCase()}/${status === '現行版' ? '' : `v${version}/`}`,
	content,
	meta: { title: `${docNo} 的標題`, docNo, version, status, classification: '內部使用' },
	filters: { docNo, status, tier: '第二階文件', classification: '內部使用' },
	phrase: true,
	...extra,
});

describe('runSearch', () => {
	it('keeps only pages that contain the Han term as written', async () => {
		const pagefind = fakePagefind([
			doc('ISMS-P-006', '1.0', '現行版', '本程序規範管理審查之輸入。'),
			doc('ISMS-P-004', '1.0', '現行版', '審查結果由管理階層核定。'),
		]);
		const { hits } = await runSearch(pagefind, '管理審查');
		expect(hits.map((h) => h.pageUrl)).toEqual(['/documents/isms-p-006/']);
		expect(pagefind.queries).toContain('"管理審查"');
		expect(pagefind.queries).toContain('管理審查');
	});

	it('does not lose a page that the phrase search misses (the index cut the words differently)', async () => {
		const pagefind = fakePagefind([doc('ISMS-P-007', '1.0', '現行版', '處理不符合事項。', { phrase: false })]);
		expect((await runSearch(pagefind, '不符合事項')).hits.map((h) => h.pageUrl)).toEqual(['/documents/isms-p-007/']);
	});

	it('requires every term of a query with several terms', async () => {
		const pagefind = fakePagefind([
			doc('ISMS-P-006', '1.0', '現行版', '管理審查及內部稽核。'),
			doc('ISMS-P-004', '1.0', '現行版', '內部稽核。'),
		]);
		expect((await runSearch(pagefind, '管理審查 內部稽核')).hits.map((h) => h.pageUrl)).toEqual(['/documents/isms-p-006/']);
	});

	it('passes a Latin-only query to Pagefind as typed, without checking the text', async () => {
		const pagefind = fakePagefind([{ url: '/help/', content: 'VPN policy' }]);
		const { hits } = await runSearch(pagefind, 'policy VPN');
		expect(pagefind.queries).toEqual(['policy VPN']);
		expect(hits.map((h) => [h.pageUrl, h.excerpt])).toEqual([['/help/', 'pagefind excerpt of /help/']]);
	});

	it('puts the named document first for ISMS-P-005, isms-p-005 and P-005, even when Pagefind ranks it last', async () => {
		const pages = [
			doc('ISMS-F-009', '1.0', '現行版', '依 ISMS-P-005 記錄量測結果。'),
			{ url: '/documents/', content: 'ISMS-P-005 資訊安全目標管理程序書' },
			doc('ISMS-P-005', '1.1', '現行版', '文件編號 ISMS-P-005 資訊安全目標管理程序書'),
		];
		for (const input of ['ISMS-P-005', 'isms-p-005', 'P-005']) {
			const { hits } = await runSearch(fakePagefind(pages), input);
			expect(hits[0]?.pageUrl, input).toBe('/documents/isms-p-005/');
			expect(hits[0]?.named, input).toBe(true);
			expect(hits.map((h) => h.pageUrl).sort(), input).toEqual(['/documents/', '/documents/isms-f-009/', '/documents/isms-p-005/']);
		}
	});

	it('puts the named document first even when it is out of force and other pages are in force', async () => {
		const pages = [
			doc('ISMS-F-001', '1.0', '現行版', '依 ISMS-P-007 辦理。'),
			doc('ISMS-P-007', '1.1', '已廢止', 'ISMS-P-007 本程序書廢止。'),
		];
		const { hits } = await runSearch(fakePagefind(pages), 'ISMS-P-007', { includeHistory: true });
		expect(hits.map((h) => [h.docNo, h.status, h.named])).toEqual([
			['ISMS-P-007', '已廢止', true],
			['ISMS-F-001', '現行版', false],
		]);
		expect((await runSearch(fakePagefind(pages), 'ISMS-P-007')).hits.map((h) => h.docNo)).toEqual(['ISMS-F-001']);
	});

	it('leaves versions out of force out by default, and labels them when asked for', async () => {
		const pages = [
			doc('ISMS-P-005', '1.1', '現行版', 'ISMS-P-005 新版條文。'),
			doc('ISMS-P-005', '1.0', '已被取代', 'ISMS-P-005 舊版條文。'),
			doc('ISMS-P-005', '0.9', '已被取代', 'ISMS-P-005 舊版條文。'),
			doc('ISMS-P-005', '2.0', '尚未生效', 'ISMS-P-005 未來條文。'),
			{ url: '/help/', content: '舊版條文的說明' },
		];
		expect((await runSearch(fakePagefind(pages), '舊版條文')).hits.map((h) => h.pageUrl)).toEqual(['/help/']);
		const all = await runSearch(fakePagefind(pages), '舊版條文', { includeHistory: true });
		expect(all.hits.map((h) => [h.pageUrl, h.status])).toEqual([
			['/documents/isms-p-005/v1.0/', '已被取代'],
			['/documents/isms-p-005/v0.9/', '已被取代'],
			['/help/', undefined],
		]);
		// The named document: the version in force first, then the others, newest first.
		const named = await runSearch(fakePagefind(pages), 'P-005', { includeHistory: true });
		expect(named.hits.map((h) => h.version)).toEqual(['1.1', '2.0', '1.0', '0.9']);
	});

	it('lists versions in force before older ones when both are asked for', async () => {
		const pages = [doc('ISMS-P-005', '1.0', '已被取代', '年度目標之量測。'), doc('ISMS-F-009', '1.0', '現行版', '年度目標之量測。')];
		const { hits } = await runSearch(fakePagefind(pages), '年度目標', { includeHistory: true });
		expect(hits.map((h) => [h.docNo, h.status])).toEqual([
			['ISMS-F-009', '現行版'],
			['ISMS-P-005', '已被取代'],
		]);
	});

	it('filters by 文件類別 and 機密等級', async () => {
		const pages = [
			doc('ISMS-P-006', '1.0', '現行版', '管理審查'),
			{ ...doc('ISMS-M-001', '1.0', '現行版', '管理審查'), filters: { docNo: 'ISMS-M-001', status: '現行版', tier: '第一階文件', classification: '公開' } },
		];
		expect((await runSearch(fakePagefind(pages), '管理審查', { tiers: ['第一階文件'] })).hits.map((h) => h.docNo)).toEqual(['ISMS-M-001']);
		expect((await runSearch(fakePagefind(pages), '管理審查', { classifications: ['內部使用'] })).hits.map((h) => h.docNo)).toEqual(['ISMS-P-006']);
	});

	it('ranks pages whose title has the term first, then documents before the portal pages', async () => {
		const pages = [
			{ url: '/reviews/', content: '管理審查程序書 審查期限' },
			doc('ISMS-P-011', '1.0', '現行版', '執行管理審查。'),
			doc('ISMS-P-006', '1.0', '現行版', '管理審查程序書', { meta: { title: '管理審查程序書', docNo: 'ISMS-P-006', version: '1.0', status: '現行版' } }),
		];
		const { hits } = await runSearch(fakePagefind(pages), '管理審查');
		expect(hits.map((h) => h.pageUrl)).toEqual(['/documents/isms-p-006/', '/documents/isms-p-011/', '/reviews/']);
	});

	it('shows each result with its number, title, version, classification and status, and links to the clause that matches', async () => {
		const words = ['管理', '審查', '程序', '書', '. ', '文件', '編號', 'ISMS-P-006', '. ', '5.1', ' ', '召開', '管理', '審查', '會議', '。'];
		const content = words.join('');
		const page = doc('ISMS-P-006', '1.0', '現行版', content, {
			meta: { title: '管理審查程序書', docNo: 'ISMS-P-006', version: '1.0', status: '現行版', classification: '內部使用' },
			words,
			anchors: [
				{ element: 'h1', id: '_top', text: '管理審查程序書', location: 0 },
				{ element: 'li', id: 'sec-5-1', text: '5.1 召開管理審查會議。', location: 9 },
			],
		});
		const [hit] = (await runSearch(fakePagefind([page]), '管理審查')).hits;
		expect(hit).toMatchObject({
			url: '/documents/isms-p-006/#sec-5-1',
			pageUrl: '/documents/isms-p-006/',
			docNo: 'ISMS-P-006',
			title: '管理審查程序書',
			version: '1.0',
			classification: '內部使用',
			status: '現行版',
			section: '第 5.1 節',
		});
		expect(hit?.excerpt).toContain('召開<mark>管理審查</mark>會議');
	});

	it('examines at most maxCandidates pages and says so', async () => {
		const pages = Array.from({ length: 5 }, (_, i) => ({ url: `/p${i}/`, content: '稽核' }));
		const outcome = await runSearch(fakePagefind(pages), '稽核', { maxCandidates: 3 });
		expect(outcome.hits).toHaveLength(3);
		expect(outcome.truncated).toBe(true);
	});
});

describe('search index attributes of a document page', () => {
	const current = pv('ISMS-P-005', '1.1', 'current', { title: '資訊安全目標管理程序書', classification: 'internal', tier: 2 });
	const superseded = pv('ISMS-P-005', '1.0', 'superseded', { title: '資訊安全目標管理程序書', tier: 2, classification: 'public' });

	it('declares the filters (docNo, status, tier, classification) and the metadata results show', () => {
		const attributes = searchIndexAttributes(superseded);
		expect(attributes).toMatchObject({
			'data-search-doc-no': 'ISMS-P-005',
			'data-search-title': '資訊安全目標管理程序書',
			'data-search-version': '1.0',
			'data-search-status': '已被取代',
			'data-search-tier': '第二階文件',
			'data-search-classification': '公開',
		});
		expect(attributes['data-pagefind-filter']).toBe(
			'docNo[data-search-doc-no], status[data-search-status], tier[data-search-tier], classification[data-search-classification]',
		);
		expect(attributes['data-pagefind-meta']).toBe(
			'docNo[data-search-doc-no], title[data-search-title], version[data-search-version], classification[data-search-classification], status[data-search-status]',
		);
		expect(searchIndexAttributes(current)['data-search-status']).toBe('現行版');
	});
});
