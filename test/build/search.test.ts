import axe from 'axe-core';
import { parse, type HTMLElement } from 'node-html-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launch, serve } from '../browser/browser.ts';
import { loadPagefind, readIndexedPages, type IndexedPage, type NodePagefind } from '../pagefind/pagefind-node.ts';
import { PRINT_NOTICE } from '../../src/lib/site/print.ts';
import { runSearch } from '../../src/lib/search/run.ts';
import { buildFixture, type BuildResult } from './build.ts';

/**
 * Search on a real build of test/fixtures/corpus-basic as of 2025-01-15 (see versions.test.ts): the index
 * Pagefind wrote, searched with the site's own pagefind.js loaded in Node and the UI's query processing.
 * ISMS-P-005: 1.0 and 1.9 superseded, 1.10 current, 2.0 upcoming; 「舊版條文」 is only in 1.0.
 * ISMS-P-007: withdrawn by 1.1. ISMS-R-001 (限閱, tier 3) is above the ceiling. ISMS-P-009 is a draft.
 */
let site: BuildResult;
let pagefind: NodePagefind;
let index: IndexedPage[];
const page = (path: string): HTMLElement => parse(site.read(path));
const entry = (url: string) => index.find((p) => p.url === url);

beforeAll(async () => {
	site = buildFixture('corpus-basic');
	if (site.status !== 0) throw new Error(`build failed:\n${site.stderr}`);
	index = readIndexedPages(site.outDir);
	pagefind = await loadPagefind(site.outDir);
});

afterAll(async () => {
	await pagefind?.close();
});

describe('search index', () => {
	it('carries filters and metadata on document pages', () => {
		const wrapper = page('documents/isms-p-005/index.html').querySelector('[data-pagefind-filter]')!;
		expect(wrapper.getAttribute('data-pagefind-filter')).toContain('status[data-search-status]');
		expect(wrapper.getAttribute('data-pagefind-meta')).toContain('docNo[data-search-doc-no]');
		expect(entry('/documents/isms-p-005/')).toMatchObject({
			filters: { docNo: ['ISMS-P-005'], status: ['現行版'], tier: ['第二階文件'], classification: ['內部使用'] },
			meta: { docNo: 'ISMS-P-005', title: '資訊安全目標管理程序書', version: '1.10', classification: '內部使用', status: '現行版' },
		});
		expect(entry('/documents/isms-m-001/')).toMatchObject({ filters: { tier: ['第一階文件'], classification: ['公開'] } });
	});

	it('indexes every published version with its status, once each, and nothing unpublished', () => {
		const status = (url: string) => entry(url)?.filters.status;
		expect(status('/documents/isms-p-005/v1.0/')).toEqual(['已被取代']);
		expect(status('/documents/isms-p-005/v1.9/')).toEqual(['已被取代']);
		expect(status('/documents/isms-p-005/v2.0/')).toEqual(['尚未生效']);
		expect(status('/documents/isms-p-007/')).toEqual(['已廢止']);
		expect(status('/documents/isms-p-007/v1.0/')).toEqual(['已被取代']);
		// The /v<version>/ page that repeats the permalink is not indexed a second time.
		expect(entry('/documents/isms-p-005/v1.10/')).toBeUndefined();
		expect(entry('/documents/isms-p-007/v1.1/')).toBeUndefined();
		const urls = index.map((p) => p.url);
		expect(urls.filter((u) => /isms-(r-001|p-009)/.test(u))).toEqual([]);
		// Neither the diff page (/diff/, filled in by the browser) nor the search page is a result.
		expect(site.exists('diff/index.html')).toBe(true);
		expect(urls.filter((u) => u.includes('/diff/') || u.startsWith('/search/'))).toEqual([]);
		// Versions out of force stay out of search engines.
		expect(page('documents/isms-p-005/v1.0/index.html').querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
	});

	it('indexes the document text, not its header fields (the same on every page) or its version notice', () => {
		const current = entry('/documents/isms-p-005/')!.content;
		expect(current).toContain('委員會核定');
		for (const label of ['文件類別', '發行日期', '發行單位']) expect(current, label).not.toContain(label);
		expect(entry('/documents/isms-p-005/v1.0/')!.content).not.toContain('本版次已於');
	});

	it('leaves the print-only notice out of the indexed text', () => {
		const documents = index.filter((p) => p.url.startsWith('/documents/isms-'));
		expect(documents.length).toBeGreaterThan(0);
		expect(documents.filter((p) => p.content.includes(PRINT_NOTICE)).map((p) => p.url)).toEqual([]);
	});
});

describe('search with the built pagefind.js', () => {
	it('finds text of a superseded version only when asked, labelled 已被取代, first', async () => {
		expect((await runSearch(pagefind, '舊版條文')).hits.map((h) => h.pageUrl)).not.toContain('/documents/isms-p-005/v1.0/');
		const { hits } = await runSearch(pagefind, '舊版條文', { includeHistory: true });
		expect(hits.map((h) => [h.pageUrl, h.status, h.version])[0]).toEqual(['/documents/isms-p-005/v1.0/', '已被取代', '1.0']);
		expect(hits[0]!.excerpt).toContain('<mark>舊版條文</mark>');
	});

	it('finds the portal pages that are not documents by default', async () => {
		const { hits } = await runSearch(pagefind, '讀懂文件頁');
		expect(hits.map((h) => h.pageUrl)).toContain('/help/');
		expect(hits.find((h) => h.pageUrl === '/help/')?.status).toBeUndefined();
	});

	it('puts the named document in force first for ISMS-P-005, isms-p-005 and P-005', async () => {
		for (const input of ['ISMS-P-005', 'isms-p-005', 'P-005']) {
			const { hits } = await runSearch(pagefind, input);
			expect(hits[0], input).toMatchObject({ pageUrl: '/documents/isms-p-005/', status: '現行版', version: '1.10', named: true });
			expect(
				hits.every((h) => h.status === undefined || h.status === '現行版'),
				input,
			).toBe(true);
		}
		const all = await runSearch(pagefind, 'P-005', { includeHistory: true });
		expect(all.hits.filter((h) => h.named).map((h) => h.version)).toEqual(['1.10', '2.0', '1.9', '1.0']);
	});

	it('shows a withdrawn document only when asked, labelled 已廢止', async () => {
		expect((await runSearch(pagefind, 'ISMS-P-007')).hits.map((h) => h.pageUrl)).not.toContain('/documents/isms-p-007/');
		const { hits } = await runSearch(pagefind, 'ISMS-P-007', { includeHistory: true });
		expect(hits[0]).toMatchObject({ pageUrl: '/documents/isms-p-007/', status: '已廢止' });
	});

	it('ranks the pages with a Chinese query as written first, then those with its terms apart', async () => {
		const current = await runSearch(pagefind, '委員會核定');
		expect(current.hits[0]!.pageUrl).toBe('/documents/isms-p-005/');
		expect(current.hits[0]!.excerpt).toContain('<mark>委員會核定</mark>');
		const exact = current.hits.filter((h) => entry(h.pageUrl)!.content.includes('委員會核定')).length;
		expect(current.hits.slice(0, exact).every((h) => entry(h.pageUrl)!.content.includes('委員會核定'))).toBe(true);
	});

	it('filters by 文件類別 and 機密等級', async () => {
		const tier1 = await runSearch(pagefind, '資訊安全', { tiers: ['第一階文件'] });
		expect(tier1.hits.map((h) => h.docNo)).toEqual(['ISMS-M-001']);
		const internal = await runSearch(pagefind, '資訊安全', { classifications: ['內部使用'] });
		expect(internal.hits.length).toBeGreaterThan(0);
		expect(internal.hits.every((h) => h.classification === '內部使用')).toBe(true);
	});
});

describe('preview build (PORTAL_INCLUDE_DRAFTS=1)', () => {
	it('indexes drafts labelled 草稿, shown only with the box, whose label says so', async () => {
		const preview = buildFixture('corpus-basic', { PORTAL_INCLUDE_DRAFTS: '1' }, 'corpus-basic-drafts');
		if (preview.status !== 0) throw new Error(`preview build failed:\n${preview.stderr}`);
		const label = parse(preview.read('search/index.html')).querySelector('main input[name="all"]')?.parentNode?.text.trim();
		expect(label).toBe('包含已取代、尚未生效、已廢止版本及草稿');
		const previewSearch = await loadPagefind(preview.outDir);
		try {
			expect((await runSearch(previewSearch, '草稿內容')).hits.map((h) => h.docNo)).not.toContain('ISMS-P-009');
			const { hits } = await runSearch(previewSearch, '草稿內容', { includeHistory: true });
			expect(hits.map((h) => [h.docNo, h.status])[0]).toEqual(['ISMS-P-009', '草稿']);
		} finally {
			await previewSearch.close();
		}
	});
});

describe('search UI markup', () => {
	it('has a search page that runs the query in its URL, with labelled filters and a live status', () => {
		const root = page('search/index.html');
		const panel = root.querySelector('main portal-search')!;
		expect(panel.hasAttribute('data-sync-url')).toBe(true);
		const input = panel.querySelector('input[type="search"][name="q"]')!;
		expect(root.querySelector(`label[for="${input.getAttribute('id')}"]`)?.text.trim()).toBe('搜尋文件');
		expect(panel.querySelector('form[role="search"]')?.getAttribute('action')).toBe('/search/');
		const history = panel.querySelector('input[type="checkbox"][name="all"]')!;
		expect(history.parentNode?.text.trim()).toBe('包含已取代、尚未生效及已廢止版本');
		const groups = Object.fromEntries(
			panel
				.querySelectorAll('fieldset')
				.map((set) => [set.querySelector('legend')!.text.trim(), set.querySelectorAll('input').map((i) => i.getAttribute('value'))]),
		);
		// Only what this build publishes: no 第三階文件 or 限閱 (ISMS-R-001 is above the ceiling).
		expect(groups).toEqual({ 文件類別: ['第一階文件', '第二階文件', '第四階文件'], 機密等級: ['公開', '內部使用'] });
		const status = panel.querySelector('[role="status"]')!;
		expect(status.getAttribute('aria-live')).toBe('polite');
		expect(panel.querySelector('ol[aria-label="搜尋結果"]')).not.toBeNull();
		// The search page itself is not in the index.
		expect(root.querySelector('[data-pagefind-body]')).toBeNull();
		expect(root.querySelector('html')?.getAttribute('lang')).toBe('zh-TW');
	});

	it('has the header search on every page: Ctrl+K button and a labelled dialog with the same panel', () => {
		for (const path of ['index.html', 'documents/isms-p-005/index.html', 'help/index.html', 'search/index.html']) {
			const search = page(path).querySelector('header site-search')!;
			expect(search, path).not.toBeNull();
			const button = search.querySelector('button[data-open-modal]')!;
			expect(button.getAttribute('aria-keyshortcuts'), path).toBe('Control+K');
			expect(button.querySelector('.site-search__label')?.text, path).toBe('搜尋文件');
			const dialog = search.querySelector('dialog')!;
			expect(page(path).querySelector(`#${dialog.getAttribute('aria-labelledby')}`)?.text, path).toBe('搜尋文件');
			expect(dialog.querySelector('button[data-close-modal]')?.text, path).toContain('關閉');
			const panel = dialog.querySelector('portal-search')!;
			expect(panel.hasAttribute('data-sync-url'), path).toBe(false);
			expect(panel.querySelector('input[name="q"]')?.getAttribute('id'), path).toBe('site-search-q');
			expect(dialog.querySelector('a[data-search-page-link]')?.getAttribute('href'), path).toBe('/search/');
		}
	});
});

describe('search in the browser (Chromium)', () => {
	let browser: Browser;
	let server: Awaited<ReturnType<typeof serve>>;
	let tab: Page;
	const hits = (scope: string) => tab.locator(`${scope} .portal-search__hit`);
	const status = (scope: string) => tab.locator(`${scope} [data-search-status]`);

	beforeAll(async () => {
		if (!hasChromium())
			throw new Error(`找不到 Chromium（${CHROMIUM}）：請先執行 apt-get install -y chromium fonts-noto-cjk，或以 PORTAL_CHROMIUM 指定路徑`);
		server = await serve(site.outDir);
		browser = await launch();
		tab = await browser.newPage({ locale: 'zh-TW', viewport: { width: 1280, height: 900 } });
		tab.on('request', (request) => {
			if (!request.url().startsWith(server.url) && !request.url().startsWith('data:'))
				throw new Error(`request outside the site: ${request.url()}`);
		});
	});

	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	it('opens the header search with Ctrl+K, shows labelled results, and closes with Esc back to the button', async () => {
		await tab.goto(`${server.url}/documents/isms-m-001/`);
		const dialog = tab.locator('site-search dialog');
		await tab.locator('site-search button[data-open-modal]:not([disabled])').waitFor();
		await tab.keyboard.press('Control+K');
		await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
		expect(await tab.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
		await tab.keyboard.type('委員會核定');
		await expect.poll(() => hits('site-search').count()).toBeGreaterThan(0);
		const hit = hits('site-search').first();
		await expect.poll(() => hit.locator('a').first().getAttribute('href')).toBe('/documents/isms-p-005/#sec-1-1');
		expect(await hit.innerText()).toMatch(/ISMS-P-005[\s\S]*版次\s*1\.10[\s\S]*機密等級\s*內部使用[\s\S]*現行版本/);
		expect(await hit.locator('mark').allTextContents()).toContain('委員會核定');
		expect(await tab.locator('a[data-search-page-link]').getAttribute('href')).toBe(`/search/?q=${encodeURIComponent('委員會核定')}`);
		await tab.keyboard.press('Escape');
		await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);

		await tab.getByRole('button', { name: '搜尋文件' }).click();
		await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
		await tab.keyboard.press('Escape');
		await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
		expect(await tab.evaluate(() => document.activeElement?.hasAttribute('data-open-modal'))).toBe(true);
	});

	it('runs the query in the /search/ URL, and writes the query and filters back as the user types', async () => {
		await tab.goto(`${server.url}/search/?q=P-005`);
		await expect.poll(() => hits('main').count()).toBeGreaterThan(0);
		expect(await hits('main').first().locator('a').first().getAttribute('href')).toBe('/documents/isms-p-005/');
		expect(await status('main').textContent()).toContain('僅現行版本');

		await tab.locator('main input[name="q"]').fill('舊版條文');
		await expect.poll(() => new URL(tab.url()).searchParams.get('q')).toBe('舊版條文');
		await expect.poll(() => status('main').textContent()).toContain('「舊版條文」共');
		expect(await tab.locator('main .portal-search__hit[data-status="已被取代"]').count()).toBe(0);

		await tab.locator('main details summary').click();
		await tab.locator('main').getByLabel('包含已取代、尚未生效及已廢止版本').check();
		await expect.poll(() => hits('main').first().getAttribute('data-status')).toBe('已被取代');
		expect(new URL(tab.url()).searchParams.get('all')).toBe('1');
		expect(await hits('main').first().innerText()).toContain('已被取代');
		const count = await hits('main').count();

		// The address is the search: opening it again gives the same results and filters.
		await tab.goto(tab.url());
		await expect.poll(() => hits('main').count()).toBe(count);
		expect(await tab.locator('main').getByLabel('包含已取代、尚未生效及已廢止版本').isChecked()).toBe(true);
	});

	it('has no serious or critical accessibility violations (axe-core), results and dialog shown', async () => {
		const check = () =>
			tab.evaluate(async () => {
				const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
				return result.violations
					.filter((v) => v.impact === 'serious' || v.impact === 'critical')
					.map(
						(v) =>
							`${v.id} (${v.impact}): ${v.nodes
								.map((n) => n.target.join(' '))
								.slice(0, 3)
								.join(', ')}`,
					);
			});
		await tab.goto(`${server.url}/search/?q=P-005&all=1`);
		await expect.poll(() => hits('main').count()).toBeGreaterThan(1);
		// Evaluated through the DevTools protocol: the page's Content Security Policy would refuse an inline <script>.
		await tab.evaluate(axe.source);
		expect(await check()).toEqual([]);
		await tab.keyboard.press('Control+K');
		await tab.keyboard.type('ISMS-P-005');
		await expect.poll(() => hits('site-search').count()).toBeGreaterThan(0);
		expect(await check()).toEqual([]);
	});
});

/**
 * The portal's own documents (content/, as of 2026-11-25; the same build as content.test.ts): what staff
 * type, in a real browser. ISMS-S-004 is 限閱, above the ceiling.
 */
describe('search on the real documents, in the browser (Chromium)', () => {
	let content: BuildResult;
	let browser: Browser;
	let server: Awaited<ReturnType<typeof serve>>;
	let tab: Page;
	const hits = () => tab.locator('main .portal-search__hit');
	const firstLink = () => hits().first().locator('a').first().getAttribute('href');
	const status = () => tab.locator('main [data-search-status]').textContent();

	beforeAll(async () => {
		content = buildFixture(
			'content',
			{ PORTAL_DOCUMENTS_DIR: 'content/documents', PORTAL_SOA_FILE: '', PORTAL_TODAY: '2026-11-25' },
			'content',
		);
		if (content.status !== 0) throw new Error(`build failed:\n${content.stderr}`);
		server = await serve(content.outDir, '/', {}, { notFoundPage: '404.html' });
		browser = await launch();
		tab = await browser.newPage({ locale: 'zh-TW', viewport: { width: 1280, height: 900 } });
		tab.on('request', (request) => {
			if (!request.url().startsWith(server.url) && !request.url().startsWith('data:'))
				throw new Error(`request outside the site: ${request.url()}`);
		});
	});

	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	it('ships the synonyms and the titles in force in /search/data.json, nothing above the ceiling', () => {
		const data = JSON.parse(content.read('search/data.json')) as { synonyms: string[][]; documents: { docNo: string }[] };
		expect(data.synonyms.some((group) => group.includes('通行碼') && group.includes('密碼'))).toBe(true);
		// The document controller's groups (content/search/synonyms.yaml) come after the defaults.
		expect(data.synonyms).toContainEqual(['員警', '警員', '警察同仁']);
		expect(data.documents.map((d) => d.docNo)).toContain('ISMS-S-001');
		expect(content.read('search/data.json')).not.toContain('ISMS-S-004');
	});

	it('「通行碼長度」 puts ISMS-S-001 first, though it says 通行碼之長度', async () => {
		await tab.goto(`${server.url}/search/?q=${encodeURIComponent('通行碼長度')}`);
		await expect.poll(firstLink).toMatch(/^\/documents\/isms-s-001\//);
		expect(await hits().first().locator('mark').allTextContents()).toEqual(expect.arrayContaining(['通行碼', '長度']));
	});

	it('「ISMS-P-005 1.0」 opens with the 1.0 page and says it is superseded', async () => {
		await tab.goto(`${server.url}/search/?q=${encodeURIComponent('ISMS-P-005 1.0')}`);
		await expect.poll(firstLink).toBe('/documents/isms-p-005/v1.0/');
		expect(await hits().first().getAttribute('data-status')).toBe('已被取代');
		expect(await hits().first().innerText()).toContain('1.0 版已於民國111年3月1日由 1.1 版取代');
		expect(await status()).toMatch(/^ISMS-P-005 1\.0 版已於民國111年3月1日由 1\.1 版取代/);
		expect(await hits().nth(1).locator('a').first().getAttribute('href')).toBe('/documents/isms-p-005/');
	});

	it('「密码」 (Simplified) finds the password documents', async () => {
		await tab.goto(`${server.url}/search/?q=${encodeURIComponent('密码')}`);
		await expect.poll(status).toContain('已將簡體字轉為繁體「密碼」搜尋');
		const top = await Promise.all((await hits().all()).slice(0, 3).map((hit) => hit.locator('a').first().getAttribute('href')));
		expect(top.some((href) => href?.startsWith('/documents/isms-s-001/'))).toBe(true);
	});

	it('says why nothing matched and offers the nearest titles and a shorter query', async () => {
		await tab.goto(`${server.url}/search/?q=${encodeURIComponent('颱風假 停班')}`);
		await expect.poll(status).toContain('找不到與「颱風假 停班」相關的頁面');
		await tab.locator('main [data-search-suggestions] a[data-search-query]').click();
		await expect.poll(() => new URL(tab.url()).searchParams.get('q')).toBe('颱風假');
	});

	it('reaches a document from /documents/ISMS-P-005/ (upper case) and /documents/isms-p-005 (no slash)', async () => {
		// Upper case: the 404 page sends the reader on.
		const addresses: [string, string][] = [
			['/documents/ISMS-P-005/', '/documents/isms-p-005/'],
			['/documents/ISMS-P-005', '/documents/isms-p-005/'],
			['/documents/ISMS-P-005/V1.0', '/documents/isms-p-005/v1.0/'],
		];
		for (const [path, canonical] of addresses) {
			await tab.goto(`${server.url}${path}`);
			await expect.poll(() => new URL(tab.url()).pathname, { message: path }).toBe(canonical);
			await expect.poll(() => tab.locator('main [data-doc-no="ISMS-P-005"]').count(), { message: path }).toBe(1);
		}
		// No slash: the server serves the folder's page, as nginx's try_files $uri/ does.
		await tab.goto(`${server.url}/documents/isms-p-005`);
		await expect.poll(() => tab.locator('main [data-doc-no="ISMS-P-005"]').count()).toBe(1);
		// A real 404 stays one.
		await tab.goto(`${server.url}/documents/ISMS-P-099/`);
		expect(await tab.locator('[data-document-redirect]').isHidden()).toBe(true);
		expect(new URL(tab.url()).pathname).toBe('/documents/ISMS-P-099/');
	});
});
