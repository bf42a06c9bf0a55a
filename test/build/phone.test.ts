import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../browser/axe.ts';
import { CHROMIUM, hasChromium, launch, serve } from '../browser/browser.ts';
import { contentSite, ROUTE_KINDS } from './content-site.ts';

/**
 * Staff on phones (issue 18): every kind of page of the real content at 390×844 fits the screen, with the
 * header search and the menu in reach; axe-core finds no serious or critical violation at desktop and
 * phone widths in light and dark themes; skip link and headings in order.
 */
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
	if (!hasChromium())
		throw new Error(`找不到 Chromium（${CHROMIUM}）：請先執行 apt-get install -y chromium fonts-noto-cjk，或以 PORTAL_CHROMIUM 指定路徑`);
	server = await serve(contentSite().outDir, '/', {}, { notFoundPage: '404.html' });
	browser = await launch();
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

const contexts = new Map<string, { context: BrowserContext; page: Page }>();
/** One page per viewport and colour scheme (Starlight's theme follows the system's until chosen). */
async function pageFor(width: number, scheme: 'light' | 'dark' = 'light'): Promise<Page> {
	const key = `${width}-${scheme}`;
	if (!contexts.has(key)) {
		const context = await browser.newContext({
			locale: 'zh-TW',
			viewport: { width, height: width < 600 ? 844 : 900 },
			colorScheme: scheme,
			isMobile: width < 600,
			hasTouch: width < 600,
		});
		contexts.set(key, { context, page: await context.newPage() });
	}
	return contexts.get(key)!.page;
}

async function open(page: Page, path: string, ready?: string): Promise<void> {
	await page.goto(`${server.url}${path}`);
	await page.waitForLoadState('load');
	if (ready) await page.locator(ready).first().waitFor({ state: 'attached', timeout: 60_000 });
}

describe('at 390×844 no page is wider than the screen, and the search and the menu are in reach', () => {
	for (const { path, ready } of ROUTE_KINDS) {
		it(path, async () => {
			const page = await pageFor(390);
			await open(page, path, ready);
			const layout = await page.evaluate(() => {
				const box = (selector: string) => {
					const el = document.querySelector(selector);
					if (!el) return null;
					const r = el.getBoundingClientRect();
					return {
						left: r.left,
						right: r.right,
						top: r.top,
						bottom: r.bottom,
						visible: r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden',
					};
				};
				return {
					scrollWidth: document.documentElement.scrollWidth,
					innerWidth,
					search: box('site-search button[data-open-modal]'),
					menu: box('button.sl-menu-button'),
				};
			});
			// Against the phone's 390 px, not innerWidth: a mobile viewport widens innerWidth to a page wider than the screen.
			expect(layout.innerWidth, `viewport widened to ${layout.innerWidth} px`).toBe(390);
			expect(layout.scrollWidth, `page ${layout.scrollWidth} px wide`).toBeLessThanOrEqual(390);
			for (const name of ['search', 'menu'] as const) {
				const box = layout[name];
				expect(box, name).not.toBeNull();
				expect(box!.visible, name).toBe(true);
				expect(box!.left, name).toBeGreaterThanOrEqual(0);
				expect(box!.right, name).toBeLessThanOrEqual(layout.innerWidth);
				expect(box!.top, name).toBeGreaterThanOrEqual(0);
			}
		});
	}

	it('the menu opens the site navigation, and the header stays in reach at the bottom of a long page', async () => {
		const page = await pageFor(390);
		await open(page, '/reviews/');
		await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
		await page.locator('button.sl-menu-button').click();
		await expect.poll(() => page.locator('nav.sidebar a', { hasText: '文件一覽表' }).first().isVisible()).toBe(true);
		await page.locator('nav.sidebar a', { hasText: '文件一覽表' }).first().click();
		await page.waitForURL(`${server.url}/documents/`);
	});

	it('a wide table scrolls in its own box, which the keyboard can reach', async () => {
		const page = await pageFor(390);
		await open(page, '/soa/');
		const box = page.locator('.table-scroll', { has: page.locator('.soa-table') });
		expect(await box.getAttribute('tabindex')).toBe('0');
		expect(await box.getAttribute('aria-label')).toBe('控制措施一覽');
		expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
		await box.focus();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
	});

	it('lists of documents reflow into cards with their column names', async () => {
		const page = await pageFor(390);
		await open(page, '/documents/');
		const row = page.locator('tr[data-doc-no="ISMS-P-005"]');
		expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe('flex');
		expect(await row.locator('td[data-label="版次"]').evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"版次："');
		expect(await row.evaluate((el) => el.getBoundingClientRect().right <= innerWidth)).toBe(true);
	});
});

describe('axe-core: no serious or critical violation at 1280 and 390 px, light and dark', () => {
	for (const width of [1280, 390]) {
		for (const scheme of ['light', 'dark'] as const) {
			for (const { path, ready } of ROUTE_KINDS) {
				it(`${width} ${scheme} ${path}`, async () => {
					const page = await pageFor(width, scheme);
					await open(page, path, ready);
					expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
					expect(await axeViolations(page)).toEqual([]);
				});
			}
		}
	}
});

describe('skip link and headings in order', () => {
	for (const { path, ready } of ROUTE_KINDS) {
		it(path, async () => {
			const page = await pageFor(1280);
			await open(page, path, ready);
			// The first thing the keyboard reaches skips to the content, whose target exists.
			await page.keyboard.press('Tab');
			const skip = await page.evaluate(() => {
				const el = document.activeElement as HTMLAnchorElement | null;
				return {
					text: el?.textContent?.trim(),
					href: el?.getAttribute('href'),
					target: Boolean(el?.hash && document.getElementById(el.hash.slice(1))),
				};
			});
			expect(skip).toEqual({ text: '跳到內容', href: '#_top', target: true });
			// Within the page's content: one h1 first, and no level skipped on the way down.
			const levels = await page.evaluate(() =>
				[...document.querySelectorAll('main :is(h1, h2, h3, h4, h5, h6)')]
					.filter((h) => h.getClientRects().length > 0)
					.map((h) => Number(h.tagName[1])),
			);
			expect(levels[0]).toBe(1);
			expect(levels.filter((level) => level === 1)).toHaveLength(1);
			const skips = levels.flatMap((level, i) => (i > 0 && level > levels[i - 1]! + 1 ? [`h${levels[i - 1]} → h${level}`] : []));
			expect(skips).toEqual([]);
		});
	}
});
