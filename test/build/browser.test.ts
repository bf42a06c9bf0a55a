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
	if (!hasChromium())
		throw new Error(`找不到 Chromium（${CHROMIUM}）：請先執行 apt-get install -y chromium fonts-noto-cjk，或以 PORTAL_CHROMIUM 指定路徑`);
	const site = buildFixture('corpus-basic');
	if (site.status !== 0) throw new Error(site.stderr);
	server = await serve(site.outDir);
	browser = await launch();
	page = await browser.newPage({ locale: 'zh-TW', viewport: { width: 1280, height: 900 } });
	page.on('request', (request) => {
		if (!request.url().startsWith(server.url) && !request.url().startsWith('data:'))
			throw new Error(`request outside the site: ${request.url()}`);
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

		// The version picker is a list of links: the keyboard moves through it, Enter goes to that version's page.
		await page.locator('.version-picker a', { hasText: '第 1.0 版' }).focus();
		await page.keyboard.press('Enter');
		await page.waitForURL(`${server.url}/documents/isms-p-005/v1.0/`);
		const notice = page.locator('.version-status');
		expect(await notice.isVisible()).toBe(true);
		expect(await notice.textContent()).toContain('本版次已於民國111年6月1日由 1.9 版取代');

		await notice.getByRole('link').click();
		await page.waitForURL(`${server.url}/documents/isms-p-005/`);
	});

	it('compares two versions from the revision history, then another pair with the form', async () => {
		await page.goto(`${server.url}/documents/isms-p-005/`);
		await page.locator('.revision-history tr[data-version="1.10"] a', { hasText: '與 1.9 版比較' }).click();
		await page.waitForURL(`${server.url}/diff/?doc=ISMS-P-005&from=1.9&to=1.10`);
		// The browser fetches the document's versions.json and diffs it with the portal's own code.
		const clause = page.locator('.diff-row[data-kind="changed"][data-clause="1.1"]');
		await clause.waitFor();
		expect(await clause.locator('del').allTextContents()).toEqual(['〔刪除〕資訊室彙整']);
		expect(await clause.locator('ins').allTextContents()).toEqual(['〔新增〕資通安全與個資保護委員會核定']);
		const heading = page.locator('[data-diff-heading]');
		expect(await heading.textContent()).toBe(
			'比較 第 1.9 版（民國111年6月1日） 與 第 1.10 版（民國112年3月1日）。第 1.10 版修訂說明：目標改由資通安全與個資保護委員會核定。',
		);
		expect(await heading.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
			'/documents/isms-p-005/v1.9/',
			'/documents/isms-p-005/v1.10/',
		]);
		expect(await page.locator('select[name="doc"]').inputValue()).toBe('ISMS-P-005');
		expect(await page.locator('select[name="from"] option').allTextContents()).toEqual([
			'2.0（民國188年1月1日，尚未生效）',
			'1.10（民國112年3月1日，現行版）',
			'1.9（民國111年6月1日，已被取代）',
			'1.0（民國110年1月4日，已被取代）',
		]);
		// Unchanged clauses only on request.
		const unchanged = page.locator('.diff-row[data-kind="same"]').first();
		expect(await unchanged.isVisible()).toBe(false);
		await page.getByLabel('顯示未變更的段落').check();
		expect(await unchanged.isVisible()).toBe(true);

		// Another pair, picked newest first: the older one goes first, and the address follows.
		await page.locator('select[name="from"]').selectOption('2.0');
		await page.locator('select[name="to"]').selectOption('1.0');
		await page.getByRole('button', { name: '比較' }).click();
		await page.waitForURL(`${server.url}/diff/?doc=ISMS-P-005&from=1.0&to=2.0`);
		await expect
			.poll(() => heading.textContent())
			.toBe('比較 第 1.0 版（民國110年1月4日） 與 第 2.0 版（民國188年1月1日）。第 2.0 版修訂說明：預定改版。');
		expect(await page.locator('select[name="from"]').inputValue()).toBe('1.0');
		expect(await page.locator('select[name="to"]').inputValue()).toBe('2.0');
		expect(await page.locator('.diff-row[data-kind="removed"]').textContent()).toContain('舊版條文：年度目標由各單位自行訂定。');
		expect(await page.locator('.diff-row[data-kind="added"][data-clause="1.1"] ins').textContent()).toBe('1.1 尚未生效的條文。');
		expect(await page.locator('.diff__summary').textContent()).toBe('修改 0 處、新增 1 處、刪除 1 處；未變更 1 處。');
		// The toggle stays as the reader left it.
		expect(await page.getByLabel('顯示未變更的段落').isChecked()).toBe(true);

		// Back goes to the previous comparison.
		await page.goBack();
		await page.waitForURL(`${server.url}/diff/?doc=ISMS-P-005&from=1.9&to=1.10`);
		await expect.poll(() => heading.textContent()).toContain('比較 第 1.9 版');

		// The same version twice: a message, no comparison, the address unchanged.
		await page.locator('select[name="to"]').selectOption('1.9');
		await page.getByRole('button', { name: '比較' }).click();
		await expect.poll(() => page.getByRole('alert').filter({ hasText: '請選擇' }).textContent()).toBe('請選擇兩個不同的版次。');
		expect(await page.locator('[data-diff]').count()).toBe(0);
		expect(page.url()).toBe(`${server.url}/diff/?doc=ISMS-P-005&from=1.9&to=1.10`);
	});

	it('opens a shared diff address: only the document gives its latest version against its predecessor', async () => {
		await page.goto(`${server.url}/diff/?doc=isms-p-007`);
		await expect.poll(() => page.url()).toBe(`${server.url}/diff/?doc=ISMS-P-007&from=1.0&to=1.1`);
		await page.locator('[data-diff]').waitFor();
		expect(await page.locator('select[name="doc"]').inputValue()).toBe('ISMS-P-007');
		expect(await page.locator('[data-diff-heading]').textContent()).toContain('比較 第 1.0 版');
		expect(await page.title()).toMatch(/^ISMS-P-007 第 1.0 版與第 1.1 版差異 \| 版次差異比較/);

		// Choosing another document compares its latest two versions at once.
		await page.locator('select[name="doc"]').selectOption('ISMS-P-005');
		await page.waitForURL(`${server.url}/diff/?doc=ISMS-P-005&from=1.10&to=2.0`);
		await expect.poll(() => page.locator('[data-diff-heading]').textContent()).toContain('比較 第 1.10 版');
	});

	it('says what is wrong with an address naming an unknown document or version', async () => {
		const alert = async (path: string) => {
			await page.goto(`${server.url}${path}`);
			const message = page.locator('[data-diff-message][role="alert"]');
			await expect.poll(() => message.textContent()).not.toBe('');
			expect(await page.locator('[data-diff]').count()).toBe(0);
			return message.textContent();
		};
		expect(await alert('/diff/?doc=ISMS-X-999')).toBe('找不到可比較的文件「ISMS-X-999」：文件編號有誤，或該文件只有一個已發布的版次。');
		// One version only, and above the ceiling: neither has a versions.json.
		expect(await alert('/diff/?doc=ISMS-M-001')).toContain('找不到可比較的文件「ISMS-M-001」');
		expect(await alert('/diff/?doc=ISMS-R-001')).toContain('找不到可比較的文件「ISMS-R-001」');
		expect(await alert('/diff/?doc=ISMS-P-005&from=1.0&to=9.9')).toBe('找不到第 9.9 版。本文件已發布的版次為 2.0、1.10、1.9、1.0。');
		expect(await alert('/diff/?doc=ISMS-P-005&from=1.9&to=1.9')).toBe('請選擇兩個不同的版次。');
		expect(page.url()).toBe(`${server.url}/diff/?doc=ISMS-P-005&from=1.9&to=1.9`);
	});

	it('keeps the latest choice when an earlier versions.json arrives late, and says so when one cannot be loaded', async () => {
		const p007 = `${server.url}/documents/isms-p-007/versions.json`;
		// ISMS-P-007's data is held back until ISMS-P-005's comparison is on screen, then released.
		let release!: () => void;
		const released = new Promise<void>((resolve) => (release = resolve));
		await page.route(p007, async (route) => {
			await released;
			await route.continue();
		});
		await page.goto(`${server.url}/diff/`);
		expect(await page.locator('select[name="from"]').isDisabled()).toBe(true);
		expect(await page.locator('[data-diff-message]').textContent()).toBe('');
		const late = page.waitForResponse(p007);
		await page.locator('select[name="doc"]').selectOption('ISMS-P-007');
		await page.locator('select[name="doc"]').selectOption('ISMS-P-005');
		await page.waitForURL(`${server.url}/diff/?doc=ISMS-P-005&from=1.10&to=2.0`);
		await expect.poll(() => page.locator('[data-diff-heading]').textContent()).toContain('比較 第 1.10 版');
		release();
		await (await late).finished();
		// The late body has been read; let the page's handlers for it run (two frames) before looking.
		await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
		expect(await page.locator('[data-diff-heading]').textContent()).toContain('比較 第 1.10 版');
		expect(await page.locator('select[name="doc"]').inputValue()).toBe('ISMS-P-005');
		expect(page.url()).toBe(`${server.url}/diff/?doc=ISMS-P-005&from=1.10&to=2.0`);
		await page.unroute(p007);

		await page.route(p007, (route) => route.fulfill({ status: 500, body: '' }));
		await page.goto(`${server.url}/diff/?doc=ISMS-P-007&from=1.0&to=1.1`);
		await expect
			.poll(() => page.locator('[data-diff-message]').textContent())
			.toBe('無法載入 ISMS-P-007 的版次資料，請重新整理頁面再試一次。');
		expect(await page.locator('[data-diff]').count()).toBe(0);
		await page.unroute(p007);
	});

	it('shows which version was in force on a chosen date, written either way, and says what is wrong with a bad one', async () => {
		await page.goto(`${server.url}/as-of/?date=2022-07-01`);
		await expect.poll(() => page.locator('tr[data-doc-no="ISMS-P-005"]').getAttribute('data-version')).toBe('1.9');
		await page.locator('input[name="date"]').fill('2020-01-01');
		await page.locator('input[name="date"]').press('Enter');
		await expect.poll(() => page.locator('tr[data-doc-no="ISMS-P-005"] td').nth(3).textContent()).toBe('尚未發行');
		expect(page.url()).toContain('?date=2020-01-01');
		await page.goto(`${server.url}/as-of/?date=2024-07-01`);
		await expect.poll(() => page.locator('tr[data-doc-no="ISMS-P-007"] td').nth(3).textContent()).toBe('已廢止（第 1.1 版）');
		// 民國 dates, in the address and typed.
		await page.goto(`${server.url}/as-of/?date=110-06-01`);
		await expect.poll(() => page.locator('tr[data-doc-no="ISMS-P-005"]').getAttribute('data-version')).toBe('1.0');
		expect(await page.locator('[data-as-of-roc]').textContent()).toBe('民國110年6月1日');
		await page.locator('input[name="date"]').fill('民國111年7月1日');
		await page.getByRole('button', { name: '查詢' }).click();
		await expect.poll(() => page.locator('tr[data-doc-no="ISMS-P-005"]').getAttribute('data-version')).toBe('1.9');
		expect(page.url()).toContain('?date=2022-07-01');
		// Garbage: a message, no table that could pass for an answer.
		await page.goto(`${server.url}/as-of/?date=garbage`);
		await expect
			.poll(() => page.getByRole('alert').filter({ hasText: '不是有效的日期' }).textContent())
			.toContain('「garbage」不是有效的日期');
		expect(await page.locator('[data-as-of-table] tbody tr').count()).toBe(0);
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
		const visible = await page
			.locator('tr[data-control]:visible')
			.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-control')));
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
		expect(await page.locator('.print-notice').textContent()).toContain('列印本僅供參考，以入口網現行版本為準');
		for (const hidden of ['header.header', '.version-picker', 'nav.sidebar', '.backlinks']) {
			expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
		}
		expect(await page.locator('.doc-header').isVisible()).toBe(true);
		expect(await page.locator('.version-status').isVisible()).toBe(true);
		await page.emulateMedia({ media: 'screen' });
	});

	it('prints running headers and footers with 頁次 N / M on every page; without a site URL a note, not a bare path (PDF from Chromium)', async () => {
		await page.goto(`${server.url}/documents/isms-p-005/v1.0/`);
		const pdf = await page.pdf({ preferCSSPageSize: true });
		const text = pdfText(pdf);
		const pages = text.split('\f').filter((p) => p.trim() !== '');
		expect(pages.length).toBeGreaterThanOrEqual(1);
		pages.forEach((pageText, i) => {
			expect(pageText, `page ${i + 1}`).toContain('ISMS-P-005 資訊安全目標管理程序書');
			expect(pageText).toContain('版次 1.0 已被取代 機密等級 內部使用');
			expect(pageText).toContain(`頁次 ${i + 1} / ${pages.length}`);
			expect(pageText).toContain('列印本僅供參考，以入口網現行版本為準');
			expect(pageText).toContain('現行版本：請於入口網以文件編號 ISMS-P-005 查詢');
		});
		// No address anyone could not type: this build (the README's default) has no site URL.
		expect(text).not.toContain('/documents/isms-p-005/');
		expect(await page.locator('.print-notice__qr').count()).toBe(0);
	});
});

describe('accessibility (axe-core): no serious or critical violations', () => {
	const pages = [
		'/',
		'/documents/',
		'/documents/isms-m-001/',
		'/documents/isms-p-005/v1.0/',
		'/soa/',
		'/reviews/',
		'/as-of/',
		'/search/?q=管理',
		'/diff/?doc=ISMS-P-005&from=1.0&to=1.10',
	];
	/** Pages the browser fills in: checked once they are. */
	const ready: Record<string, string> = { '/diff/?doc=ISMS-P-005&from=1.0&to=1.10': '.diff-row' };
	for (const path of pages) {
		it(path, async () => {
			await page.goto(`${server.url}${path}`);
			if (ready[path]) await page.locator(ready[path]).first().waitFor({ state: 'attached' });
			// Evaluated through the DevTools protocol: the page's Content Security Policy would refuse an inline <script>.
			await page.evaluate(axe.source);
			const violations = await page.evaluate(async () => {
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
