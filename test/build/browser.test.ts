import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launch, serve } from '../browser/browser.ts';
import { buildFixture } from './build.ts';

/** Staff's path through the portal in a real browser (Debian's Chromium), and an accessibility check. */
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
let page: Page;

beforeAll(async () => {
	if (!hasChromium()) throw new Error(`找不到 Chromium（${CHROMIUM}）：請先執行 apt-get install -y chromium fonts-noto-cjk，或以 PORTAL_CHROMIUM 指定路徑`);
	const site = buildFixture('corpus-basic');
	if (site.status !== 0) throw new Error(site.stderr);
	server = await serve(site.outDir);
	browser = await launch();
	page = await browser.newPage({ locale: 'zh-TW', viewport: { width: 1280, height: 900 } });
	page.on('request', (request) => {
		if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) throw new Error(`request outside the site: ${request.url()}`);
	});
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

describe('home → master list → document → older version', () => {
	it('follows the links staff follow and sees the status of each version', async () => {
		await page.goto(`${server.url}/`);
		await page.getByRole('link', { name: '文件一覽表' }).first().click();
		await page.waitForURL(`${server.url}/documents/`);
		expect(await page.locator('h1').textContent()).toBe('文件一覽表');

		await page.locator('tr[data-doc-no="ISMS-P-005"] a').first().click();
		await page.waitForURL(`${server.url}/documents/isms-p-005/`);
		expect(await page.locator('.doc-header [data-field="version"]').textContent()).toBe('1.10');
		await expect.poll(() => page.locator('.version-status').count()).toBe(0);

		// The version picker goes to the chosen version's own page.
		await page.locator('select[data-version-picker]').selectOption('/documents/isms-p-005/v1.0/');
		await page.waitForURL(`${server.url}/documents/isms-p-005/v1.0/`);
		const notice = page.locator('.version-status');
		expect(await notice.isVisible()).toBe(true);
		expect(await notice.textContent()).toContain('本版次已於民國111年6月1日由 1.9 版取代');

		await notice.getByRole('link').click();
		await page.waitForURL(`${server.url}/documents/isms-p-005/`);
	});

	it('compares two versions from the revision history', async () => {
		await page.goto(`${server.url}/documents/isms-p-005/`);
		await page.locator('.revision-history tr[data-version="1.10"] a', { hasText: '與 1.9 版比較' }).click();
		await page.waitForURL(`${server.url}/documents/isms-p-005/diff/v1.9-v1.10/`);
		expect(await page.locator('.diff-row[data-kind="changed"] ins').first().textContent()).toContain('資通安全與個資保護委員會核定');
		// Choosing another pair goes to its page, older version first whichever way it was picked.
		await page.locator('select[name="from"]').selectOption('2.0');
		await page.locator('select[name="to"]').selectOption('1.0');
		await page.getByRole('button', { name: '比較' }).click();
		await page.waitForURL(`${server.url}/documents/isms-p-005/diff/v1.0-v2.0/`);
	});

	it('shows which version was in force on a chosen date', async () => {
		await page.goto(`${server.url}/as-of/?date=2022-07-01`);
		expect(await page.locator('tr[data-doc-no="ISMS-P-005"]').getAttribute('data-version')).toBe('1.9');
		await page.locator('input[type="date"]').fill('2020-01-01');
		await page.locator('input[type="date"]').dispatchEvent('change');
		expect(await page.locator('tr[data-doc-no="ISMS-P-005"] td').nth(3).textContent()).toBe('尚未發行');
		expect(page.url()).toContain('?date=2020-01-01');
		await page.goto(`${server.url}/as-of/?date=2024-07-01`);
		expect(await page.locator('tr[data-doc-no="ISMS-P-007"] td').nth(3).textContent()).toBe('已廢止（第 1.1 版）');
	});

	it('searches from the home page and opens the document found', async () => {
		await page.goto(`${server.url}/`);
		await page.locator('#home-search-input').fill('委員會核定');
		await page.locator('#home-search-input').press('Enter');
		await page.waitForURL(/\/search\/\?q=/);
		const first = page.locator('main .portal-search__hit').first();
		await first.waitFor();
		expect(await first.locator('.portal-search__docno').textContent()).toBe('ISMS-P-005');
		await first.locator('a.portal-search__title').click();
		await page.waitForURL(new RegExp(`${server.url}/documents/isms-p-005/`));
		expect(await page.locator('.doc-header [data-field="version"]').textContent()).toBe('1.10');
	});

	it('filters the SoA matrix to the gaps', async () => {
		await page.goto(`${server.url}/soa/`);
		await page.getByLabel('僅缺口').check();
		const visible = await page.locator('tr[data-control]:visible').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-control')));
		expect(visible).toContain('A.9.2.1');
		expect(visible).not.toContain('A.5.1.1');
		expect(page.url()).toContain('show=gaps');
	});
});

describe('printing a document page', () => {
	it('keeps the document and its header block, drops the navigation, and adds the notice', async () => {
		await page.goto(`${server.url}/documents/isms-p-005/v1.0/`);
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.print-notice').isVisible()).toBe(true);
		expect(await page.locator('.print-notice').textContent()).toContain('列印本僅供參考，現行版本以入口網為準');
		expect(await page.locator('.print-notice').textContent()).toContain('/documents/isms-p-005/');
		for (const hidden of ['header.header', '.version-picker', 'nav.sidebar', '.backlinks']) {
			expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
		}
		expect(await page.locator('.doc-header').isVisible()).toBe(true);
		expect(await page.locator('.version-status').isVisible()).toBe(true);
		await page.emulateMedia({ media: 'screen' });
	});

	it('prints running headers and footers with 頁次 N / M on every page (PDF from Chromium)', async () => {
		await page.goto(`${server.url}/documents/isms-p-005/v1.0/`);
		const pdf = await page.pdf({ preferCSSPageSize: true });
		const text = pdfText(pdf);
		const pages = text.split('\f').filter((p) => p.trim() !== '');
		expect(pages.length).toBeGreaterThanOrEqual(1);
		pages.forEach((pageText, i) => {
			expect(pageText, `page ${i + 1}`).toContain('ISMS-P-005 資訊安全目標管理程序書');
			expect(pageText).toContain('版次 1.0');
			expect(pageText).toContain('機密等級 內部使用');
			expect(pageText).toContain(`頁次 ${i + 1} / ${pages.length}`);
			expect(pageText).toContain('列印本僅供參考，現行版本以入口網為準');
		});
	});
});

describe('accessibility (axe-core): no serious or critical violations', () => {
	const pages = ['/', '/documents/', '/documents/isms-m-001/', '/documents/isms-p-005/v1.0/', '/soa/', '/reviews/', '/as-of/', '/search/?q=管理'];
	for (const path of pages) {
		it(path, async () => {
			await page.goto(`${server.url}${path}`);
			await page.addScriptTag({ content: axe.source });
			const violations = await page.evaluate(async () => {
				const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
				return result.violations
					.filter((v) => v.impact === 'serious' || v.impact === 'critical')
					.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
			});
			expect(violations).toEqual([]);
		});
	}
});

/** Text of a PDF, pages separated by form feeds (poppler's pdftotext, installed by .ci/run). */
function pdfText(pdf: Buffer): string {
	const result = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`pdftotext failed (apt-get install -y poppler-utils): ${result.stderr}`);
	return result.stdout.replace(/[ \t]+/g, ' ');
}
