import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, serve } from '../browser/browser.ts';
import { loadControls } from '../../src/node/controls.ts';
import { parseSoa } from '../../src/lib/soa/data.ts';
import { computeSoa } from '../../src/lib/soa/matrix.ts';
import { buildFixture, indexedPages, ROOT, type BuildResult } from './build.ts';

/** The portal as staff get it: the real content/, built as of 2026-11-25. */
let site: BuildResult;
const page = (path: string) => parse(site.read(path));

beforeAll(() => {
	site = buildFixture(
		'content',
		{ PORTAL_DOCUMENTS_DIR: 'content/documents', PORTAL_SOA_DIR: 'content/soa', PORTAL_TODAY: '2026-11-25' },
		'content',
	);
	if (site.status !== 0) throw new Error(`the real content does not build:\n${site.stderr}`);
});

describe('ISMS-M-001, the agency policy', () => {
	it('shows every field of the controlled-document header', () => {
		const root = page('documents/isms-m-001/index.html');
		const field = (name: string) => root.querySelector(`.doc-header [data-field="${name}"]`)?.text.trim();
		expect([
			field('docNo'),
			field('title'),
			field('classification'),
			field('version'),
			field('tier'),
			field('issuedBy'),
			field('effective'),
			field('approvedBy'),
		]).toEqual([
			'ISMS-M-001',
			'資訊安全管理政策',
			'公開',
			'1.0',
			'第一階文件（政策/手冊）',
			'資通安全處理小組',
			'民國109年10月16日',
			'資通安全長',
		]);
		expect(root.querySelector('.doc-header__org')?.text).toBe('臺北市政府警察局');
	});

	it('carries the whole policy text of the seed, without its page headers', () => {
		const seed = readFileSync(join(ROOT, 'test/fixtures/seeds/ISMS-M-001-1.0.txt'), 'utf8');
		const body = page('documents/isms-m-001/index.html').querySelector('.doc-body')!.text.replace(/\s+/g, '');
		const lines = seed
			.split('\n')
			.map((line) =>
				line
					.replace(/^\s*#+\s*/, '')
					.replace(/^\s*-\s+/, '')
					.trim(),
			)
			.filter((line) => line !== '' && !/^(臺 北 市|TAIPEI|文件編號\t|機密等級\t|管理系統文件|文 件|發 行|版 次)/.test(line));
		expect(lines.length).toBeGreaterThan(150);
		const missing = lines.map((line) => line.replace(/\s+/g, '')).filter((line) => !body.includes(line) && !isSplitAcrossPages(line, body));
		expect(missing).toEqual([]);
		expect(body).toContain('應評估複委託業務相關之資安風險');
		expect(body).not.toContain('TAIPEI');
	});

	it('links 第 6.4.3 節 to the clause, and ISMS-P-005 to its permalink', () => {
		const root = page('documents/isms-m-001/index.html');
		expect(root.querySelectorAll('a.ref--clause[href="#sec-6-4-3"]').length).toBeGreaterThanOrEqual(4);
		expect(root.querySelector('#sec-6-4-3')?.text).toContain('紀錄管制');
		expect(root.querySelector('a.ref--document[href="/documents/isms-p-005/"]')?.text).toBe('ISMS-P-005 資訊安全目標管理程序書');
	});
});

describe('the document set', () => {
	it('ISMS-P-005 lists ISMS-M-001 under 被引用於', () => {
		const line = page('documents/isms-p-005/index.html').querySelector('.backlinks__list > li[data-doc-no="ISMS-M-001"]')!;
		expect(line.querySelector(':scope > a')?.text.replace(/\s+/g, ' ').trim()).toBe('ISMS-M-001 資訊安全管理政策');
		expect(line.querySelectorAll('details a').map((a) => a.text.trim())).toContain('第 4 節');
	});

	it('folds the many citations of ISMS-M-001 into one line per citing document, with counts', () => {
		const backlinks = page('documents/isms-m-001/index.html').querySelector('.backlinks')!;
		const lines = backlinks.querySelectorAll('.backlinks__list > li');
		const docNos = lines.map((li) => li.getAttribute('data-doc-no'));
		expect(new Set(docNos).size).toBe(docNos.length);
		expect(lines.length).toBeGreaterThanOrEqual(20);
		const total = lines.reduce((sum, li) => sum + Number(li.getAttribute('data-count')), 0);
		expect(total).toBeGreaterThan(lines.length);
		expect(backlinks.querySelector('[data-backlinks-summary]')?.text).toBe(`共 ${lines.length} 份文件、${total} 處引用。`);
	});

	it('has at least 25 documents, every one but the policy marked as an example', () => {
		const list = page('documents/index.html').querySelectorAll('tr[data-doc-no]');
		expect(list.length).toBeGreaterThanOrEqual(25);
		for (const row of list) {
			const docNo = row.getAttribute('data-doc-no');
			expect(Boolean(row.querySelector('.doc-badge--example')), docNo!).toBe(docNo !== 'ISMS-M-001');
		}
	});

	it('has no placeholder text and no empty section', () => {
		const problems: string[] = [];
		for (const folder of readdirSync(join(ROOT, 'content/documents'))) {
			for (const file of readdirSync(join(ROOT, 'content/documents', folder))) {
				const lines = readFileSync(join(ROOT, 'content/documents', folder, file), 'utf8').split('\n');
				lines.forEach((line, i) => {
					if (/lorem|ipsum|TODO|TBD|待補|待填|xxx/i.test(line)) problems.push(`${folder}/${file}:${i + 1} placeholder`);
					const heading = /^(#+)\s/.exec(line);
					if (!heading) return;
					const next = lines.slice(i + 1).find((l) => l.trim() !== '');
					const nextHeading = next && /^(#+)\s/.exec(next);
					if (next === undefined || (nextHeading && nextHeading[1]!.length <= heading[1]!.length))
						problems.push(`${folder}/${file}:${i + 1} empty section`);
				});
			}
		}
		expect(problems).toEqual([]);
	});

	it('keeps the restricted ISMS-S-004 out of the all-staff site', () => {
		expect(site.exists('documents/isms-s-004/index.html')).toBe(false);
		for (const file of site.files().filter((f) => f.endsWith('.html') || f.endsWith('.csv'))) {
			expect(site.read(file).includes('電腦機房管理作業說明'), file).toBe(false);
		}
	});
});

describe('the SoA', () => {
	it('/soa/ shows the 2022 SoA 2.0 in force: 93 controls in 4 themes, the header block with 修訂說明 across it', () => {
		const root = page('soa/index.html');
		expect(root.querySelector('[data-soa="version"]')?.text).toBe('2.0');
		expect(root.querySelector('[data-soa="standard"]')?.text).toBe('ISO/IEC 27001:2022 附錄 A');
		expect(root.querySelector('[data-soa="state"]')?.text).toBe('現行');
		expect(root.querySelector('.soa-meta > [data-soa="changes"]')?.text).toContain('依 ISO/IEC 27001:2022（CNS 27001:2023）轉版');
		expect(root.querySelector('.soa-meta dl [data-soa="changes"]')).toBeNull();
		expect(root.querySelectorAll('.soa-table tbody[data-domain]').map((b) => b.getAttribute('data-domain'))).toEqual(['5', '6', '7', '8']);
		expect(root.querySelectorAll('tr[data-control]')).toHaveLength(93);
	});

	it('separates documentation gaps from implementation status, and leaves no 規劃中 unexplained', () => {
		const root = page('soa/index.html');
		// The 11 controls new in 2022: assessed, but no document cites them until their next revision.
		expect(root.querySelector('#soa-gaps')?.text).toBe('文件化缺口（11）');
		expect(root.querySelectorAll('.soa-gap[data-gap="uncovered"] li a').map((a) => a.text)).toEqual([
			'A.5.7',
			'A.5.23',
			'A.5.30',
			'A.7.4',
			'A.8.9',
			'A.8.10',
			'A.8.11',
			'A.8.12',
			'A.8.16',
			'A.8.23',
			'A.8.28',
		]);
		expect(root.querySelector('.soa-gap[data-gap="unassessed"]')).toBeNull();
		expect(root.querySelector('#soa-pending')?.text).toBe('尚未完全實施（26）');
		const planned = root.querySelectorAll('[data-pending="planned"] li');
		expect(planned.length).toBeGreaterThan(0);
		for (const item of planned) expect(item.querySelector('.soa-pending__note')?.text.length, item.text).toBeGreaterThan(10);
	});

	it('documents keep their 2013 ids and count through the crosswalk (依對照表)', () => {
		const row = page('soa/index.html').querySelector('tr#control-a-5-17')!;
		expect(row.querySelectorAll('.soa-docs li').map((li) => [li.getAttribute('data-doc'), li.getAttribute('data-via')])).toEqual([
			['ISMS-P-014', 'A.9.2.4 A.9.3.1 A.9.4.3'],
			['ISMS-S-001', 'A.9.2.4 A.9.4.3'],
		]);
		expect(row.querySelector('.soa-coverage')?.text.trim()).toBe('✓ 已涵蓋（依對照表）');
		expect(page('documents/isms-p-014/index.html').querySelector('.doc-header [data-field="controls"] a')?.getAttribute('href')).toBe(
			'/soa/#control-a-5-15',
		);
	});

	it('/soa/v1.2/ is the 2013 SoA (114 controls), marked superseded, with its own exports', () => {
		const root = page('soa/v1.2/index.html');
		expect(root.querySelectorAll('tr[data-control]')).toHaveLength(114);
		expect(root.querySelector('[data-soa="standard"]')?.text).toBe('ISO/IEC 27001:2013 附錄 A');
		expect(root.querySelector('.version-status')?.text).toContain('本版次已於民國115年11月1日由 2.0 版取代');
		expect(root.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
		expect(root.querySelector('#soa-gaps')?.text).toBe('文件化缺口（0）');
		expect(
			site
				.read('soa/v1.2/soa-v1.2.csv')
				.split('\r\n')
				.filter((line) => /^A\.\d/.test(line)),
		).toHaveLength(114);
	});

	it('compares 1.2 with 2.0 across the catalogues, linked from the version list', () => {
		const list = page('soa/index.html').querySelector('tr[data-soa-version="2.0"] a[href="/soa/compare/v1.2-v2.0/"]');
		expect(list?.text).toBe('與第 1.2 版比較');
		const compare = page('soa/compare/v1.2-v2.0/index.html');
		const count = (kind: string) => compare.querySelector(`[data-kind="${kind}"] strong`)?.text;
		expect([count('renamed'), count('merged'), count('new'), count('removed')]).toEqual(['58', '24', '11', '0']);
		expect(compare.querySelector('tr[data-control="A.6.7"]')?.getAttribute('data-kind')).toBe('renamed');
	});

	it('turns every applicable control into a gap when no document claims a control', () => {
		const { c2013, c2022, crosswalk } = loadControls(ROOT);
		const { soa, problems } = parseSoa(
			readFileSync(join(ROOT, 'content/soa/1.2.yaml'), 'utf8'),
			'content/soa/1.2.yaml',
			{ '2013': c2013, '2022': c2022 },
			crosswalk,
		);
		expect(problems).toEqual([]);
		const matrix = computeSoa(c2013!, soa, [], crosswalk);
		expect(matrix.gaps.uncovered).toHaveLength(matrix.totals.applicable);
		expect(matrix.totals.applicable).toBe(112);
	});
});

describe('search in a real browser', () => {
	let browser: Browser;
	let server: Awaited<ReturnType<typeof serve>>;
	beforeAll(async () => {
		server = await serve(site.outDir);
		browser = await launch();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	it('/search/?q=管理審查 lists first exactly the current pages that contain 管理審查, then pages with its terms apart', async () => {
		// Ground truth: indexed pages whose text contains the phrase, less versions that are not in force.
		const expected = indexedPages(site)
			.filter((p) => p.content.includes('管理審查') && !/\/v\d+\.\d+\/$/.test(p.url))
			.map((p) => p.url)
			.sort();
		expect(expected.length).toBeGreaterThan(10);
		const tab = await browser.newPage({ locale: 'zh-TW' });
		await tab.goto(`${server.url}/search/?q=${encodeURIComponent('管理審查')}`);
		const hits = tab.locator('main .portal-search__hit');
		await expect.poll(() => hits.count()).toBeGreaterThan(0);
		const more = tab.locator('main [data-search-more]');
		while (await more.isVisible()) {
			const before = await hits.count();
			await more.click();
			await expect.poll(() => hits.count()).toBeGreaterThan(before);
		}
		const found = (await hits.locator('a.portal-search__title').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).map(
			(href) => href.replace(/#.*$/, ''),
		);
		// Rank, don't filter (issue 13): the exact matches first, every one of them, then the rest.
		expect(found.slice(0, expected.length).sort()).toEqual(expected);
		expect(found.slice(expected.length).filter((url) => expected.includes(url))).toEqual([]);
		await tab.close();
	});
});

/** A seed line that the PDF broke across a page: its two halves stand joined in the body. */
function isSplitAcrossPages(line: string, body: string): boolean {
	for (let cut = 4; cut < line.length - 1; cut++) {
		if (body.includes(line.slice(0, cut)) && body.includes(line.slice(cut))) return true;
	}
	return false;
}
