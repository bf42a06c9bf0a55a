import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launch, serve } from '../browser/browser.ts';
import { BUILD_MARKER, PENDING_MARKER, type BuildRecord } from '../../src/lib/publish/build-record.ts';
import { runSearch } from '../../src/lib/search/run.ts';
import { indexPartsOf, loadPagefind, readIndexedPages, type NodePagefind } from '../pagefind/pagefind-node.ts';
import { astroBuild, buildFixture, fixtureEnv, indexStep, ROOT } from './build.ts';

/**
 * Issue 19: a large site's search index is written in parts (scripts/index-search.ts, src/lib/search/index-parts.ts)
 * so that Pagefind's memory stays within the budget; the browser merges them (src/client/search-engine.ts). Here
 * corpus-basic is indexed in parts of 4 pages and compared with its one-bundle build.
 */
const OUT = join(ROOT, 'test/.tmp/search-parts/dist');
let parted: NodePagefind;
let whole: NodePagefind;
let indexed: { status: number | null; stdout: string; stderr: string };
let pending: BuildRecord;
const single = () => buildFixture('corpus-basic');

beforeAll(async () => {
	const built = astroBuild(OUT, fixtureEnv('corpus-basic', 'search-parts'));
	if (built.status !== 0) throw new Error(`build failed:\n${built.stderr}`);
	pending = JSON.parse(readFileSync(join(OUT, PENDING_MARKER), 'utf8')) as BuildRecord;
	indexed = indexStep(OUT, ['--pages-per-index', '4']);
	if (indexed.status !== 0) throw new Error(`index failed:\n${indexed.stderr}`);
	if (single().status !== 0) throw new Error(`build failed:\n${single().stderr}`);
	parted = await loadPagefind(OUT);
	whole = await loadPagefind(single().outDir);
});

afterAll(async () => {
	await parted?.close();
	await whole?.close();
});

describe('the search index in parts', () => {
	it('writes several bundles, names the extra ones in pagefind/portal-parts.json, and passes the output audit', () => {
		const parts = indexPartsOf(OUT);
		expect(parts.length).toBeGreaterThan(1);
		for (const part of parts) expect(existsSync(join(OUT, part, 'pagefind-entry.json'))).toBe(true);
		expect(indexed.stdout).toMatch(new RegExp(`（${parts.length + 1} 個分冊）`));
		expect(existsSync(join(OUT, BUILD_MARKER))).toBe(true);
		// The one-bundle build has no parts file.
		expect(indexPartsOf(single().outDir)).toEqual([]);
	});

	it('gives Pagefind the pages with a search body the build listed while it audited them; the final record does not list them', () => {
		// Pages of the output with a search body, but the copies of the permalink pages and the 404 page (not indexed).
		const indexable = (file: string) => file !== '404.html' && !pending.duplicatePages.includes(file);
		const withBody = readdirSync(OUT, { recursive: true, encoding: 'utf8' })
			.map((file) => file.split(sep).join('/'))
			.filter((file) => file.endsWith('.html') && readFileSync(join(OUT, file), 'utf8').includes('data-pagefind-body'))
			.filter(indexable);
		const given = pending.searchPages!.filter(indexable);
		expect(given.sort()).toEqual(withBody.sort());
		expect(given).toContain('documents/isms-p-005/v1.0/index.html');
		expect(readIndexedPages(OUT).length).toBe(given.length);
		const final = JSON.parse(readFileSync(join(OUT, BUILD_MARKER), 'utf8')) as BuildRecord;
		expect(final.searchPages).toBeUndefined();
		expect(final.audit).toBeUndefined();
	});

	it('indexes the same pages, each once, as one bundle does', () => {
		const urls = (dir: string) => readIndexedPages(dir).map((page) => page.url);
		expect(urls(OUT)).toEqual(urls(single().outDir));
		expect(new Set(urls(OUT)).size).toBe(urls(OUT).length);
	});

	it('a search spans every part: the same best hit and complete hits as one bundle, with the UI’s query processing', async () => {
		const hits = async (pagefind: NodePagefind, input: string, includeHistory = false) =>
			(await runSearch(pagefind, input, { includeHistory })).hits.map((hit) => ({
				page: `${hit.pageUrl} ${hit.status ?? ''}`,
				complete: hit.complete,
			}));
		expect((await hits(parted, '舊版條文', true))[0]!.page).toBe('/documents/isms-p-005/v1.0/ 已被取代');
		for (const input of ['舊版條文', '資訊安全目標', '通行碼', 'ISMS-P-005', 'P-005', '讀懂文件頁', '文件 審查'])
			for (const includeHistory of [false, true]) {
				const [mine, one] = [await hits(parted, input, includeHistory), await hits(whole, input, includeHistory)];
				const pages = (list: typeof mine, complete?: boolean) =>
					list
						.filter((hit) => complete === undefined || hit.complete === complete)
						.map((hit) => hit.page)
						.sort();
				const label = `${input} ${includeHistory}`;
				expect(mine[0]?.page, label).toBe(one[0]?.page);
				// Every page that has all the terms, as one bundle finds them.
				expect(pages(mine, true), label).toEqual(pages(one, true));
				// Pages with some of the terms: a part that lacks a term answers with more of them (Pagefind drops a
				// word its index does not know), never with fewer.
				expect(pages(mine), label).toEqual(expect.arrayContaining(pages(one)));
			}
		expect(await parted.filters()).toEqual(await whole.filters());
	});
});

describe('the search index in parts, in Chromium', () => {
	let browser: Browser;
	let server: Awaited<ReturnType<typeof serve>>;

	beforeAll(async () => {
		if (!hasChromium())
			throw new Error(`找不到 Chromium（${CHROMIUM}）：請先執行 apt-get install -y chromium fonts-noto-cjk，或以 PORTAL_CHROMIUM 指定路徑`);
		server = await serve(OUT);
		browser = await launch();
	});

	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	it('/search/ merges every part under the page’s security policy: a page of the last parts is found, nothing fails', async () => {
		const tab = await browser.newPage({ locale: 'zh-TW', viewport: { width: 1280, height: 900 } });
		const errors: string[] = [];
		tab.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
		tab.on('pageerror', (error) => void errors.push(String(error)));
		const fetched = new Set<string>();
		tab.on('request', (request) => void fetched.add(new URL(request.url()).pathname.split('/')[1]!));
		await tab.goto(`${server.url}/search/?q=${encodeURIComponent('舊版條文')}&all=1`);
		const first = tab.locator('main .portal-search__hit').first();
		await expect.poll(() => first.locator('a').first().getAttribute('href')).toBe('/documents/isms-p-005/v1.0/#sec-1');
		for (const part of indexPartsOf(OUT)) expect(fetched, part).toContain(part.replace(/\/$/, ''));
		expect(errors).toEqual([]);
		await tab.close();
	});
});
