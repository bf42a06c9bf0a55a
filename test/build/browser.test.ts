import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
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

	it('filters the SoA matrix to the gaps', async () => {
		await page.goto(`${server.url}/soa/`);
		await page.getByLabel('僅缺口').check();
		const visible = await page.locator('tr[data-control]:visible').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-control')));
		expect(visible).toContain('A.9.2.1');
		expect(visible).not.toContain('A.5.1.1');
		expect(page.url()).toContain('show=gaps');
	});
});

describe('accessibility (axe-core): no serious or critical violations', () => {
	const pages = ['/', '/documents/', '/documents/isms-m-001/', '/documents/isms-p-005/v1.0/', '/soa/', '/reviews/', '/as-of/'];
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
