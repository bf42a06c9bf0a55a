import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launch, serve } from '../browser/browser.ts';
import { buildFixture, ROOT, type BuildResult } from './build.ts';

/**
 * The Content Security Policy in a real browser: the payload fixture (document data that would run
 * script if it were not escaped; see payloads.test.ts) served with exactly the header policy of the
 * README's nginx snippet, every kind of page visited, no violation reported, nothing of the payloads run,
 * and the page's own scripts (search, theme switch) still working.
 */
const README_HEADER = /^add_header Content-Security-Policy "([^"]+)" always;$/m.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'))?.[1];

let site: BuildResult;
let browser: Browser;
let context: BrowserContext;
let server: Awaited<ReturnType<typeof serve>>;
let page: Page;
/** What the browser reported: CSP violations (events and console), dialogs (alert), uncaught errors. */
const reports: { violations: string[]; dialogs: string[]; errors: string[] } = { violations: [], dialogs: [], errors: [] };

beforeAll(async () => {
	if (!hasChromium())
		throw new Error(`找不到 Chromium（${CHROMIUM}）：請先執行 apt-get install -y chromium fonts-noto-cjk，或以 PORTAL_CHROMIUM 指定路徑`);
	if (!README_HEADER) throw new Error('README.md has no nginx Content-Security-Policy line');
	site = buildFixture('corpus-payloads', { PORTAL_SOA_FILE: 'test/fixtures/soa/payloads.yaml' });
	if (site.status !== 0) throw new Error(site.stderr);
	server = await serve(site.outDir, '/', { 'Content-Security-Policy': README_HEADER });
	browser = await launch();
	context = await browser.newContext({ locale: 'zh-TW', viewport: { width: 1280, height: 900 } });
	// Before any script of the page: violations are events on the document.
	await context.addInitScript(() => {
		const seen: string[] = ((window as unknown as { __csp: string[] }).__csp = []);
		document.addEventListener('securitypolicyviolation', (event) =>
			seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
		);
	});
	page = await context.newPage();
	page.on('console', (message) => {
		if (/Content.Security.Policy|Refused to/i.test(message.text())) reports.violations.push(`console: ${message.text().slice(0, 200)}`);
	});
	page.on('dialog', async (dialog) => {
		reports.dialogs.push(dialog.message());
		await dialog.dismiss();
	});
	page.on('pageerror', (error) => reports.errors.push(error.message));
});

beforeEach(() => {
	for (const list of Object.values(reports)) list.length = 0;
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

/** Opens a page, waits until it is filled in, and returns the violations its own listener saw. */
async function visit(path: string, ready?: string): Promise<string[]> {
	const response = await page.goto(`${server.url}${path}`);
	expect(response?.headers()['content-security-policy']).toBe(README_HEADER);
	if (ready) await page.locator(ready).first().waitFor({ state: 'attached', timeout: 60_000 });
	await page.waitForLoadState('load');
	return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

describe('every kind of page under the README header policy and its own policy', () => {
	const ROUTES: [path: string, ready?: string][] = [
		['/'],
		['/documents/'],
		['/documents/isms-p-001/'],
		['/documents/isms-p-001/v1.0/'],
		['/search/?q=管理審查', 'main .portal-search__hit'],
		['/diff/?doc=ISMS-P-001&from=1.0&to=1.1', '.diff-row'],
		['/as-of/', '[data-as-of-table] tbody tr'],
		['/soa/'],
		['/reviews/'],
		['/help/authoring/'],
	];
	for (const [path, ready] of ROUTES) {
		it(`${path}: no violation, no payload run, no error`, async () => {
			expect(await visit(path, ready)).toEqual([]);
			expect(reports).toEqual({ violations: [], dialogs: [], errors: [] });
		});
	}

	it('shows the hostile title as text where the browser fills it in (diff, as-of)', async () => {
		await visit('/diff/?doc=ISMS-P-001&from=1.0&to=1.1', '.diff-row');
		expect(await page.locator('[data-diff-heading]').textContent()).toContain(`</script><script>alert('changes-1.1')</script><!--`);
		await visit('/as-of/', '[data-as-of-table] tbody tr');
		expect(await page.locator('tr[data-doc-no="ISMS-P-001"] td').nth(1).textContent()).toContain(`<img src=x onerror=alert('title')>`);
		expect(await page.locator('main img').count()).toBe(0);
		expect(reports).toEqual({ violations: [], dialogs: [], errors: [] });
	});
});

describe('the page’s own scripts still work', () => {
	it('runs the theme script before first paint (a hashed inline script) and switches the theme', async () => {
		await visit('/documents/isms-p-001/');
		expect(await page.evaluate(() => typeof (window as unknown as { StarlightThemeProvider?: unknown }).StarlightThemeProvider)).toBe(
			'object',
		);
		const select = page.locator('starlight-theme-select select').first();
		await select.selectOption('light');
		await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
		await select.selectOption('dark');
		await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		// The stored choice is applied by the inline script on the next page, before it is painted.
		await page.goto(`${server.url}/soa/`);
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		expect(await page.locator('starlight-theme-select select').first().inputValue()).toBe('dark');
		expect(reports).toEqual({ violations: [], dialogs: [], errors: [] });
	});

	it('searches from the header dialog (Pagefind, WebAssembly) and shows hostile text as text', async () => {
		await visit('/');
		await page.locator('site-search button[data-open-modal]:not([disabled])').click();
		const input = page.locator('site-search dialog input[name="q"]');
		await input.fill('onerror');
		const hit = page.locator('site-search dialog .portal-search__hit').first();
		await hit.waitFor({ timeout: 60_000 });
		expect(await hit.locator('.portal-search__docno').textContent()).toBe('ISMS-P-001');
		expect(await hit.locator('.portal-search__excerpt').textContent()).toContain('onerror');
		expect(await page.locator('site-search dialog .portal-search__hit img, site-search dialog .portal-search__hit script').count()).toBe(0);
		await input.fill('管理審查');
		await expect
			.poll(() => page.locator('site-search dialog .portal-search__hit .portal-search__docno').allTextContents(), { timeout: 60_000 })
			.toContain('ISMS-P-001');
		expect(reports).toEqual({ violations: [], dialogs: [], errors: [] });
	});
});

describe('the policy bites', () => {
	it('blocks an inline script that is not the site’s own, and reports it', async () => {
		await visit('/documents/isms-p-001/');
		const ran = await page.evaluate(async () => {
			const script = document.createElement('script');
			script.textContent = 'window.__injected = true;';
			document.body.append(script);
			await new Promise((resolve) => setTimeout(resolve, 0));
			return (window as unknown as { __injected?: boolean }).__injected === true;
		});
		expect(ran).toBe(false);
		await expect
			.poll(() => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.map((v) => v.split(' ')[0])))
			.toContain('script-src-elem');
	});

	it('is written at the top of every page, before any script or style', () => {
		for (const file of site.files().filter((f) => f.endsWith('.html'))) {
			const html = site.read(file);
			const meta = html.indexOf('<meta http-equiv="content-security-policy"');
			expect(meta, file).toBeGreaterThan(0);
			expect(html.slice(0, meta), file).toMatch(/^<!DOCTYPE html><html[^>]*><head><meta charset="utf-8"\/>$/);
			expect(/script-src [^;]*'unsafe-inline'/.test(html.slice(meta, html.indexOf('>', meta))), file).toBe(false);
		}
	});
});
