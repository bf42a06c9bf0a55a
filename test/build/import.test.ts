import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VersionsFile } from '../../src/lib/diff/diff-data.ts';
import { diffVersions } from '../../src/lib/diff/diff.ts';
import { axeViolations } from '../browser/axe.ts';
import { CHROMIUM, hasChromium, launch, serve } from '../browser/browser.ts';
import { buildFixture, ROOT, textOf, type BuildResult } from './build.ts';

/**
 * The imported fixtures build into pages: the three real documents, Keelung and Hualien from
 * .docx and the freeway policy from .odt, imported with `npm run import` into one documents folder.
 * Keelung then gets a revision 1.1, as staff would write it, that changes cells of both its tables
 * (the merged-cell HTML table and the Markdown one), drops a row and adds one.
 */
const DOCS = 'test/.tmp/import-build/documents';
let site: BuildResult;
const page = (path: string): HTMLElement => parse(site.read(path));

/** Keelung 1.1: its tables changed as a revision would change them (each replacement must apply). */
function revise(source: string): string {
	const edits: [string, string][] = [
		['version: "1.0"', 'version: "1.1"'],
		['effective: 2024-10-18', 'effective: 2024-12-01\nchanges: 核心業務之資通系統及最大可容忍中斷時間修正。'],
		// The merged cell (rowspan="4"): one change, shown in every row it covers.
		['<td rowspan="4">無</td>', '<td rowspan="4">校務行政系統</td>'],
		// A cell of the second row of the merged table.
		['<td>24小時</td>', '<td>12小時</td>'],
		// The Markdown table: a changed cell, a removed row, an added row.
		['| 學校網站 | 可能使本校部分業務中斷 | 24小時 |', '| 學校網站 | 可能使本校部分業務中斷 | 12小時 |'],
		['| 校園網路 | 可能使本校部分業務中斷 | 24小時 |', '| 校務行政系統 | 可能使本校部分業務中斷 | 8小時 |'],
	];
	let text = source.replace(/^# 由 npm run import 匯入自.*\n/mu, '');
	for (const [from, to] of edits) {
		if (!text.includes(from)) throw new Error(`Keelung 1.0 has no ${from}`);
		text = text.replace(from, to);
	}
	return text;
}

beforeAll(() => {
	rmSync(join(ROOT, DOCS), { recursive: true, force: true });
	for (const file of ['keelung-cbps-maintenance-plan.docx', 'freeway-security-policy.odt', 'hualien-security-directions.docx']) {
		const run = spawnSync(process.execPath, ['scripts/import.ts', `test/fixtures/import/${file}`], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, PORTAL_DOCUMENTS_DIR: DOCS },
		});
		if (run.status !== 0) throw new Error(`import of ${file} failed:\n${run.stderr}`);
	}
	const keelung = join(ROOT, DOCS, 'ISMS-M-201');
	writeFileSync(join(keelung, '1.1.mdx'), revise(readFileSync(join(keelung, '1.0.mdx'), 'utf8')));
	site = buildFixture('import', { PORTAL_DOCUMENTS_DIR: DOCS }, 'import-build-site');
	if (site.status !== 0) throw new Error(`build failed:\n${site.stderr}`);
});

describe('imported documents, built', () => {
	it('show the cover fields in the document header, 審核 beside 核准 and the date in the ROC calendar', () => {
		const header = page('documents/isms-m-201/v1.0/index.html').querySelector('.doc-header')!;
		expect(header.querySelector('[data-field="approvedBy"]')?.text).toBe('校長');
		expect(header.querySelector('[data-field="reviewedBy"]')?.text).toBe('資通安全長');
		expect(textOf(header.querySelector('[data-field="effective"]')!.innerHTML)).toBe('民國113年10月18日');
	});

	it('show the numbered clauses as written in the original', () => {
		const body = page('documents/isms-m-201/index.html');
		expect(body.querySelectorAll('h2').map((h) => h.text.trim())).toEqual(
			expect.arrayContaining(['壹、依據及目的', '貳、適用範圍', '參、核心業務及重要性']),
		);
		// The clause number sits in its own element (span.clause-no): compared without the spaces between elements.
		const items = page('documents/isms-m-202/index.html')
			.querySelectorAll('li')
			.map((li) => textOf(li.innerHTML).replace(/\s+/g, ''));
		expect(items.some((text) => text.startsWith('（二）作業層級政策'))).toBe(true);
		expect(items.some((text) => text.startsWith('1.移動裝置管理政策'))).toBe(true);
	});

	it('show the table with its merged cells and header cells', () => {
		for (const [docNo, span] of [
			['isms-m-201', 'rowspan="4"'],
			['isms-m-202', 'colspan="2"'],
			['isms-s-203', 'rowspan="4"'],
		] as const) {
			const tables = page(`documents/${docNo}/index.html`).querySelectorAll('table');
			const merged = tables.find((t) => t.outerHTML.includes(span));
			expect(merged, docNo).toBeDefined();
			expect(merged!.querySelectorAll('th[scope]').length).toBeGreaterThan(0);
			// In its focusable, labelled scroll box like every table (an HTML table is an MDX element, not Markdown).
			expect(merged!.parentNode!.getAttribute('class'), docNo).toBe('table-scroll');
			expect(merged!.parentNode!.getAttribute('role'), docNo).toBe('region');
		}
	});

	it('show the image, served from the site itself', () => {
		for (const [docNo, alt] of [
			['isms-m-201', '核心業務與資通系統關係圖'],
			['isms-m-202', '資訊安全組織架構圖'],
			['isms-s-203', '資訊安全推行小組組織圖'],
		] as const) {
			const img = page(`documents/${docNo}/index.html`).querySelector(`img[alt="${alt}"]`);
			expect(img, docNo).not.toBeNull();
			const src = img!.getAttribute('src')!;
			expect(src).toMatch(/^\/_astro\/figure-1\.[\w-]+\.(png|webp)$/);
			expect(site.exists(src.slice(1))).toBe(true);
		}
	});
});

describe('on-page outline (本頁內容) of imported documents', () => {
	/** The outline's links (Starlight's table of contents beside the page), in order. */
	const toc = (root: HTMLElement) => root.querySelectorAll('starlight-toc nav a').map((a) => decodeURIComponent(a.getAttribute('href')!));

	it('lists the top levels of the clause outline, whether the clauses were headings, list items or paragraphs in Word', () => {
		// Keelung: 壹、 as headings, 一、 as list items under them. Freeway and Hualien: one multilevel list 壹、/一、/（一）.
		const expected: Record<string, string[]> = {
			'isms-m-201': ['#sec-壹', '#sec-壹-一', '#sec-壹-二', '#sec-貳', '#sec-參', '#sec-參-一', '#sec-參-二'],
			'isms-m-202': ['#sec-壹', '#sec-貳', '#sec-貳-一', '#sec-貳-二', '#sec-參', '#sec-參-一'],
			'isms-s-203': [
				'#sec-壹',
				'#sec-貳',
				'#sec-參',
				'#sec-肆',
				'#sec-肆-一',
				'#sec-肆-二',
				'#sec-肆-三',
				'#sec-肆-四',
				'#sec-肆-五',
				'#sec-伍',
				'#sec-伍-一',
				'#sec-伍-二',
			],
		};
		for (const [slug, anchors] of Object.entries(expected)) {
			// Deeper levels (（一）, 1.) stay in the page, not in the outline.
			expect(
				toc(page(`documents/${slug}/index.html`)).filter((href) => href.startsWith('#sec-')),
				slug,
			).toEqual(anchors);
		}
		const links = page('documents/isms-m-202/index.html').querySelectorAll('starlight-toc nav a');
		expect(links.find((a) => a.getAttribute('href') === '#sec-貳-一')?.text.trim()).toBe('一、管理制度');
	});

	it('points every entry at the anchor the outline gave the clause, in the order of the page, after the page’s own sections', () => {
		for (const slug of ['isms-m-201', 'isms-m-202', 'isms-s-203']) {
			const root = page(`documents/${slug}/index.html`);
			const ids = root.querySelectorAll('.sl-markdown-content [id^="sec-"]').map((element) => `#${element.getAttribute('id')}`);
			const links = toc(root);
			const clauses = links.filter((href) => href.startsWith('#sec-'));
			expect(
				clauses.every((href) => ids.includes(href)),
				slug,
			).toBe(true);
			expect(clauses, slug).toEqual(ids.filter((id) => clauses.includes(id)));
			expect(links.slice(-2), slug).toEqual(['#cited-by', '#revision-history']);
		}
	});
});

describe('a revision of an imported document changes its tables', () => {
	let browser: Browser;
	let server: Awaited<ReturnType<typeof serve>>;

	beforeAll(async () => {
		if (!hasChromium())
			throw new Error(`找不到 Chromium（${CHROMIUM}）：請先執行 apt-get install -y chromium fonts-noto-cjk，或以 PORTAL_CHROMIUM 指定路徑`);
		server = await serve(site.outDir);
		browser = await launch();
	});

	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	it('versions.json gives the diff each changed cell in its row, the merged cell in every row it covers, and the added and removed rows', () => {
		const file = JSON.parse(site.read('documents/isms-m-201/versions.json')) as VersionsFile;
		const blocks = Object.fromEntries(file.versions.map((v) => [v.version, v.blocks]));
		const diff = diffVersions(blocks['1.0']!, blocks['1.1']!);
		const changed = diff.rows.flatMap((row) => {
			if (row.kind === 'same') return [];
			if (row.kind !== 'changed') return [`${row.kind} ${row.block.text}`];
			return [`changed ${row.cells!.map((cell) => (cell.kind === 'same' ? '·' : `${cell.kind}:${cell.text}`)).join(' ')}`];
		});
		expect(changed).toEqual([
			'changed · changed:校務行政系統 · · ·',
			'changed · changed:校務行政系統 · · changed:12小時',
			'changed · changed:校務行政系統 · · ·',
			'changed · changed:校務行政系統 · · ·',
			'changed · · changed:12小時',
			'removed 校園網路 | 可能使本校部分業務中斷 | 24小時',
			'added 校務行政系統 | 可能使本校部分業務中斷 | 8小時',
		]);
		// Each table is inside the clause that announces it (如下表:), not after the list: 參、一、 and 參、二、.
		expect(diff.rows.filter((r) => r.kind !== 'same').map((r) => r.within)).toEqual([
			'參、一、',
			'參、一、',
			'參、一、',
			'參、一、',
			'參、二、',
			'參、二、',
			'參、二、',
		]);
		const row = blocks['1.1']!.find((block) => block.text.startsWith('學校網站'))!;
		expect(row.columns?.map((cell) => cell.text)).toEqual(['非核心業務', '業務失效影響說明', '最大可容忍中斷時間']);
	});

	it('/diff/ shows the changed rows as tables under their column headings, scrolling inside their box on a 390 px phone', async () => {
		const context = await browser.newContext({ locale: 'zh-TW', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
		const page = await context.newPage();
		await page.goto(`${server.url}/diff/?doc=ISMS-M-201&from=1.0&to=1.1`);
		const rows = page.locator('.diff-row[data-kind="changed"]');
		await rows.first().waitFor();
		expect(await page.locator('.diff__summary').textContent()).toMatch(/^修改 5 處、新增 1 處、刪除 1 處；/);
		const second = rows.nth(1);
		expect(await second.getByRole('columnheader').allTextContents()).toEqual([
			'核心業務',
			'核心資通系統',
			'重要性說明',
			'業務失效影響說明',
			'最大可容忍中斷時間',
		]);
		expect(await second.locator('td[data-change="changed"]').allTextContents()).toEqual([
			'〔刪除〕無〔新增〕校務行政系統',
			'〔刪除〕24〔新增〕12小時',
		]);
		// The page is never wider than the phone (390 px: a mobile viewport widens innerWidth to the page's width);
		// the row's table scrolls in its focusable, labelled box.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		const box = second.locator('.table-scroll');
		expect(await box.getAttribute('role')).toBe('region');
		expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth && el.getBoundingClientRect().right <= 390)).toBe(true);
		await box.focus();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
		expect(await page.locator('.diff-row[data-kind="added"] td ins').first().textContent()).toBe('〔新增〕校務行政系統');
		expect(await axeViolations(page)).toEqual([]);
		await context.close();
	});
});
