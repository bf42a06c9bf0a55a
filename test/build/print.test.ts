import { spawnSync } from 'node:child_process';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launch, serve } from '../browser/browser.ts';
import { contentSite, SITE } from './content-site.ts';
import { formatRocDate } from '../../src/lib/documents/dates.ts';
import { localIsoDate } from '../../src/client/print-date.ts';

/**
 * A printed copy speaks for itself (issue 18): the real content/, built for publishing (with its site URL),
 * printed to PDF in Chromium and read back page by page with poppler's pdftotext; the QR code on paper is
 * decoded from the rendered first page (pdftoppm + jsQR).
 */
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
let page: Page;

beforeAll(async () => {
	if (!hasChromium())
		throw new Error(`找不到 Chromium（${CHROMIUM}）：請先執行 apt-get install -y chromium fonts-noto-cjk，或以 PORTAL_CHROMIUM 指定路徑`);
	server = await serve(contentSite().outDir);
	browser = await launch();
	page = await browser.newPage({ locale: 'zh-TW' });
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

/** Prints a page to PDF as Chromium does (CSS page size and margin boxes). */
async function print(path: string): Promise<Buffer> {
	await page.goto(`${server.url}${path}`);
	await page.waitForLoadState('load');
	return page.pdf({ preferCSSPageSize: true });
}

describe('a superseded version printed to PDF', () => {
	it('says on every page what it is: number, version, state, print date, the notice and the absolute current address', async () => {
		const pages = pdfPages(await print('/documents/isms-p-005/v1.0/'));
		expect(pages.length).toBeGreaterThanOrEqual(2);
		// The day it is printed (the reader's browser), not the day the site was built (2026-11-25).
		const printed = `列印日期 ${formatRocDate(localIsoDate())}`;
		pages.forEach((text, i) => {
			const where = `page ${i + 1} of ${pages.length}:\n${text}`;
			expect(text, where).toContain('ISMS-P-005 資訊安全目標管理程序書');
			expect(text, where).toContain('版次 1.0 已被取代 機密等級 內部使用');
			expect(text, where).toContain('列印本僅供參考，以入口網現行版本為準');
			expect(text, where).toContain(`現行版本：${SITE}/documents/isms-p-005/`);
			expect(text, where).toContain(printed);
			expect(text, where).toContain(`頁次 ${i + 1} / ${pages.length}`);
		});
		// The first page's notice: this version's own address beside its QR code.
		expect(pages[0]).toContain(`本版次：${SITE}/documents/isms-p-005/v1.0/`);
		expect(pages[0]).toContain('掃描查核本版次是否有效');
	});

	it('carries a QR code that leads to that version’s page, which says at once that it is superseded and links the current one', async () => {
		const pdf = await print('/documents/isms-p-005/v1.0/');
		expect(qrCodeOnFirstPage(pdf)).toBe(`${SITE}/documents/isms-p-005/v1.0/`);
		await page.goto(`${server.url}/documents/isms-p-005/v1.0/`);
		const status = page.locator('.version-status');
		expect(await status.getAttribute('data-status')).toBe('已被取代');
		expect(await page.locator('.doc-header [data-field="state"]').textContent()).toBe('已被取代');
		// In view without scrolling, on a phone too.
		await page.setViewportSize({ width: 390, height: 844 });
		expect(await status.evaluate((el) => el.getBoundingClientRect().bottom <= innerHeight)).toBe(true);
		expect(await status.getByRole('link').getAttribute('href')).toBe('/documents/isms-p-005/');
		await page.setViewportSize({ width: 1280, height: 900 });
	});

	it('prints the current version as 現行版 with its own QR code', async () => {
		const pdf = await print('/documents/isms-p-005/');
		const pages = pdfPages(pdf);
		for (const text of pages) expect(text).toContain('版次 1.1 現行版 機密等級 內部使用');
		expect(qrCodeOnFirstPage(pdf)).toBe(`${SITE}/documents/isms-p-005/v1.1/`);
		// Scanned, it lands on a page that says it is in force.
		await page.goto(`${server.url}/documents/isms-p-005/v1.1/`);
		expect(await page.locator('.doc-header [data-field="state"]').textContent()).toBe('現行版');
	});
});

/** Text of each page of a PDF (poppler's pdftotext, installed by .ci/run), spaces collapsed. */
export function pdfPages(pdf: Buffer): string[] {
	const result = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`pdftotext failed (apt-get install -y poppler-utils): ${result.stderr}`);
	return result.stdout
		.replace(/[ \t]+/g, ' ')
		.split('\f')
		.filter((p) => p.trim() !== '');
}

/** The QR code on the first page as a phone would read it: the page rendered at 150 dpi (pdftoppm), decoded by jsQR. */
function qrCodeOnFirstPage(pdf: Buffer): string | undefined {
	const result = spawnSync('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', '-singlefile'], { input: pdf, maxBuffer: 64 * 1024 * 1024 });
	if (result.status !== 0) throw new Error(`pdftoppm failed (apt-get install -y poppler-utils): ${result.stderr}`);
	const ppm = result.stdout;
	// Binary PPM: "P6\n<width> <height>\n<max>\n" then RGB bytes.
	const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
	if (!header) throw new Error('pdftoppm wrote no PPM image');
	const [width, height] = [Number(header[1]), Number(header[2])];
	const rgb = ppm.subarray(header[0].length);
	const rgba = new Uint8ClampedArray(width * height * 4);
	for (let i = 0; i < width * height; i++) {
		rgba[i * 4] = rgb[i * 3]!;
		rgba[i * 4 + 1] = rgb[i * 3 + 1]!;
		rgba[i * 4 + 2] = rgb[i * 3 + 2]!;
		rgba[i * 4 + 3] = 255;
	}
	return jsQR(rgba, width, height)?.data;
}
