import { readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutlineBlock } from '../../src/lib/outline/outline.ts';
import type { VersionEntry } from '../../src/lib/diff/diff-data.ts';
import { diffVersions, type VersionDiff } from '../../src/lib/diff/diff.ts';
import { CHROMIUM, hasChromium, launch } from '../browser/browser.ts';
import { ROOT } from './build.ts';

/**
 * src/client/diff-view.ts in a real DOM: the project has no DOM implementation for Node (jsdom, happy-dom),
 * so its unit tests run in Debian's Chromium. The module and its imports are served from src/ with
 * their types stripped (Node's own stripper, as for the scripts), on an origin that only exists in this
 * page; diffs are computed here with src/lib/diff/diff.ts and handed over as JSON.
 */
const ORIGIN = 'http://diff-view.test';
let browser: Browser;
let page: Page;

beforeAll(async () => {
	if (!hasChromium())
		throw new Error(`找不到 Chromium（${CHROMIUM}）：請先執行 apt-get install -y chromium fonts-noto-cjk，或以 PORTAL_CHROMIUM 指定路徑`);
	browser = await launch();
	page = await browser.newPage({ locale: 'zh-TW' });
	await page.route(`${ORIGIN}/**`, (route) => {
		const path = new URL(route.request().url()).pathname;
		if (path === '/')
			return route.fulfill({
				contentType: 'text/html; charset=utf-8',
				body: '<!doctype html><html lang="zh-TW"><head><title>diff-view</title></head><body></body></html>',
			});
		if (/^\/src\/(?:lib|client)\/(?:[\w-]+\/)*[\w-]+\.ts$/.test(path)) {
			return route.fulfill({
				contentType: 'text/javascript; charset=utf-8',
				body: stripTypeScriptTypes(readFileSync(join(ROOT, path), 'utf8')),
			});
		}
		return route.fulfill({ status: 404, body: '' });
	});
	await page.goto(`${ORIGIN}/`);
	await page.addScriptTag({ type: 'module', content: `import * as view from '/src/client/diff-view.ts'; window.diffView = view;` });
	await page.waitForFunction(() => 'diffView' in window);
});

afterAll(async () => {
	await browser?.close();
});

type DiffViewModule = typeof import('../../src/client/diff-view.ts');

/** outerHTML of what renderDiff builds for `diff` (showSame as given). */
async function rendered(diff: VersionDiff, showSame?: boolean): Promise<string> {
	return page.evaluate(
		([diff, showSame]) => {
			const { renderDiff } = (window as unknown as { diffView: DiffViewModule }).diffView;
			const root = renderDiff(document, diff, showSame === undefined ? {} : { showSame });
			document.body.replaceChildren(root);
			return root.outerHTML;
		},
		[diff, showSame] as const,
	);
}

const block = (kind: OutlineBlock['kind'], text: string, clause?: string) => ({ kind, text, ...(clause ? { clause } : {}) });
const OLDER = [
	block('heading', '1. 目的', '1'),
	block('item', '1.1 年度資訊安全目標由資訊室彙整。', '1.1'),
	block('paragraph', '舊版條文：年度目標由各單位自行訂定。'),
];
const NEWER = [
	block('heading', '1. 目的', '1'),
	block('item', '1.1 年度資訊安全目標由資通安全與個資保護委員會核定。', '1.1'),
	block('item', '1.2 目標每年檢討。', '1.2'),
];

describe('renderDiff', () => {
	it('builds the markup the portal styles: summary, toggle, one row per block, ins/del with their spoken labels', async () => {
		const html = await rendered(diffVersions(OLDER, NEWER));
		expect(html).toBe(
			'<div class="diff" data-diff="">' +
				'<p class="diff__summary" role="status">修改 1 處、新增 1 處、刪除 1 處；未變更 1 處。</p>' +
				'<label class="diff__toggle"><input type="checkbox" data-diff-show-same=""> 顯示未變更的段落</label>' +
				'<ol class="diff__rows">' +
				'<li class="diff-row diff-row--same" data-kind="same" data-clause="1"><span class="diff-row__kind">未變更</span><div class="diff-row__text"><span>1. 目的</span></div></li>' +
				'<li class="diff-row diff-row--changed" data-kind="changed" data-clause="1.1"><span class="diff-row__kind">修改</span><div class="diff-row__text">' +
				'<span>1.1 年度資訊安全目標由</span><del><span class="sr-only">〔刪除〕</span>資訊室彙整</del><ins><span class="sr-only">〔新增〕</span>資通安全與個資保護委員會核定</ins><span>。</span>' +
				'</div></li>' +
				'<li class="diff-row diff-row--removed" data-kind="removed"><span class="diff-row__kind">刪除</span><div class="diff-row__text"><del>舊版條文：年度目標由各單位自行訂定。</del></div></li>' +
				'<li class="diff-row diff-row--added" data-kind="added" data-clause="1.2"><span class="diff-row__kind">新增</span><div class="diff-row__text"><ins>1.2 目標每年檢討。</ins></div></li>' +
				'</ol>' +
				'</div>',
		);
	});

	it('hides unchanged rows until 顯示未變更的段落 is ticked, and can start with it ticked', async () => {
		await rendered(diffVersions(OLDER, NEWER));
		const shown = () => page.evaluate(() => document.querySelector('[data-diff]')!.hasAttribute('data-show-same'));
		expect(await shown()).toBe(false);
		await page.getByLabel('顯示未變更的段落').check();
		expect(await shown()).toBe(true);
		await page.getByLabel('顯示未變更的段落').uncheck();
		expect(await shown()).toBe(false);

		const root = parse(await rendered(diffVersions(OLDER, NEWER), true)).querySelector('[data-diff]')!;
		expect(root.hasAttribute('data-show-same')).toBe(true);
		expect(await page.getByLabel('顯示未變更的段落').isChecked()).toBe(true);
	});

	it('says when the two versions have the same text', async () => {
		const root = parse(await rendered(diffVersions(OLDER, OLDER)));
		expect(root.querySelector('.diff__summary')?.text).toBe('修改 0 處、新增 0 處、刪除 0 處；未變更 3 處。');
		expect(root.querySelector('.diff > p:last-child')?.text).toBe('兩個版次的內文相同。');
		expect(parse(await rendered(diffVersions(OLDER, NEWER))).text).not.toContain('兩個版次的內文相同');
	});

	it('puts text in as text: markup written in a clause is shown, never parsed', async () => {
		const tricky = [block('item', '1.1 以 <img src=x onerror=alert(1)> 標示 & 記錄', '1.1')];
		const html = await rendered(diffVersions([], tricky));
		expect(html).toContain('<ins>1.1 以 &lt;img src=x onerror=alert(1)&gt; 標示 &amp; 記錄</ins>');
		expect(await page.locator('img').count()).toBe(0);
	});
});

describe('renderDiff: table rows', () => {
	const columns = [
		{ text: '非核心業務', head: true as const },
		{ text: '最大可容忍中斷時間', head: true as const },
	];
	/** A row block as versions.json has it: its text is its cells' text joined (`extra.cells` may replace the cells). */
	const row = (texts: string[], extra: Record<string, unknown> = { columns }) => ({
		kind: 'row' as const,
		text: texts.join(' | '),
		cells: texts.map((text) => ({ text })),
		...extra,
	});
	const header = row(['非核心業務', '最大可容忍中斷時間'], { head: true, cells: columns });

	it('shows a changed row as a table of its own under the column headings, the changed cell marked and announced', async () => {
		const html = await rendered(diffVersions([header, row(['學校網站', '24小時'])], [header, row(['學校網站', '12小時'])]));
		const li = parse(html).querySelector('.diff-row[data-kind="changed"]')!;
		const box = li.querySelector('.table-scroll')!;
		expect([box.getAttribute('role'), box.getAttribute('tabindex'), box.getAttribute('aria-label')]).toEqual([
			'region',
			'0',
			'表格列：學校網站',
		]);
		expect(box.querySelectorAll('thead th').map((th) => [th.getAttribute('scope'), th.text])).toEqual([
			['col', '非核心業務'],
			['col', '最大可容忍中斷時間'],
		]);
		const cells = box.querySelectorAll('tbody td');
		expect(cells.map((td) => td.getAttribute('data-change') ?? 'same')).toEqual(['same', 'changed']);
		expect(cells[1]!.innerHTML).toBe(
			'<del><span class="sr-only">〔刪除〕</span>24</del><ins><span class="sr-only">〔新增〕</span>12</ins><span>小時</span>',
		);
		// Each cell under its heading, as a screen reader announces it.
		expect(await page.getByRole('cell', { name: '學校網站' }).count()).toBe(1);
		expect(await page.locator('.diff-row[data-kind="changed"]').getByRole('columnheader', { name: '最大可容忍中斷時間' }).count()).toBe(1);
	});

	it('shows an added and a removed row with every cell inserted or deleted', async () => {
		const root = parse(await rendered(diffVersions([header, row(['校園網路', '24小時'])], [header, row(['校務行政系統', '8小時'])])));
		expect(root.querySelectorAll('.diff-row[data-kind="added"] tbody td').map((td) => td.innerHTML)).toEqual([
			'<ins><span class="sr-only">〔新增〕</span>校務行政系統</ins>',
			'<ins><span class="sr-only">〔新增〕</span>8小時</ins>',
		]);
		expect(root.querySelectorAll('.diff-row[data-kind="removed"] tbody td del').map((del) => del.text)).toEqual([
			'〔刪除〕校園網路',
			'〔刪除〕24小時',
		]);
		expect(root.querySelectorAll('.diff-row[data-kind="removed"] thead th').length).toBe(2);
	});

	it('keeps merged cells (colspan) and row headings, and shows a header row as headings', async () => {
		const spanned = [
			{ text: '版次', head: true as const },
			{ text: '修訂內容', head: true as const, span: 2 },
		];
		const older = [
			row(['版次', '修訂內容'], { head: true, cells: spanned }),
			row(['2.0', '全文修正'], {
				cells: [
					{ text: '2.0', head: true },
					{ text: '全文修正', span: 2 },
				],
				columns: [...spanned],
			}),
		];
		const newer = [
			row(['版次', '修訂說明'], {
				head: true,
				cells: [
					{ text: '版次', head: true },
					{ text: '修訂說明', head: true, span: 2 },
				],
			}),
			older[1]!,
		];
		const root = parse(await rendered(diffVersions(older, newer), true));
		const head = root.querySelector('.diff-row[data-kind="changed"] table')!;
		expect(head.querySelector('tbody')).toBeNull();
		expect(
			head.querySelectorAll('thead th').map((th) => [th.getAttribute('scope'), th.getAttribute('colspan'), th.getAttribute('data-change')]),
		).toEqual([
			['col', undefined, undefined],
			['col', '2', 'changed'],
		]);
		const body = root.querySelector('.diff-row[data-kind="same"] table')!;
		expect(body.querySelector('tbody th[scope="row"]')?.text).toBe('2.0');
		expect(body.querySelector('tbody td')?.getAttribute('colspan')).toBe('2');
		expect(body.querySelectorAll('thead th').map((th) => th.getAttribute('colspan'))).toEqual([undefined, '2']);
	});

	it('leaves out the column headings when the row no longer fills the same columns', async () => {
		const root = parse(await rendered(diffVersions([header, row(['學校網站', '24小時'])], [header, row(['學校網站', '網管', '24小時'])])));
		const table = root.querySelector('.diff-row[data-kind="changed"] table')!;
		expect(table.querySelector('thead')).toBeNull();
		expect(table.querySelectorAll('td').map((td) => td.getAttribute('data-change') ?? 'same')).toEqual(['same', 'added', 'same']);
	});

	it('puts cell text in as text', async () => {
		await rendered(diffVersions([], [row(['<img src=x onerror=alert(1)>', '&amp;'])]));
		expect(await page.locator('img').count()).toBe(0);
		expect(await page.locator('td').first().textContent()).toBe('〔新增〕<img src=x onerror=alert(1)>');
	});
});

describe('renderComparison', () => {
	const version = (version: string, effective: string, changes?: string): VersionEntry => ({
		version,
		title: '資訊安全目標管理程序書',
		effective,
		state: 'superseded',
		url: `/isms/documents/isms-p-005/v${version}/`,
		blocks: [],
		...(changes ? { changes } : {}),
	});

	it("names both versions with their ROC dates, links their pages, and gives the newer one's 修訂說明", async () => {
		const html = await page.evaluate(
			([from, to]) => (window as unknown as { diffView: DiffViewModule }).diffView.renderComparison(document, from, to).outerHTML,
			[version('1.9', '2022-06-01', '文字修正。'), version('1.10', '2023-03-01', '目標改由資通安全與個資保護委員會核定。')] as const,
		);
		const heading = parse(html).querySelector('p')!;
		expect(heading.text).toBe(
			'比較 第 1.9 版（民國111年6月1日） 與 第 1.10 版（民國112年3月1日）。第 1.10 版修訂說明：目標改由資通安全與個資保護委員會核定。',
		);
		expect(heading.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
			'/isms/documents/isms-p-005/v1.9/',
			'/isms/documents/isms-p-005/v1.10/',
		]);
	});

	it('leaves out 修訂說明 when the newer version has none', async () => {
		const text = await page.evaluate(
			([from, to]) => (window as unknown as { diffView: DiffViewModule }).diffView.renderComparison(document, from, to).textContent,
			[version('1.0', '2021-01-04', '初版發行。'), version('1.9', '2022-06-01')] as const,
		);
		expect(text).toBe('比較 第 1.0 版（民國110年1月4日） 與 第 1.9 版（民國111年6月1日）。');
	});

	it('names the attachments added, replaced and removed between the two versions, linking the newer files', async () => {
		const file = (name: string, sha256: string, v: string) => ({
			name,
			sha256,
			size: 100,
			href: `/documents/isms-f-103/v${v}/${encodeURIComponent(name)}`,
		});
		const html = await page.evaluate(
			([from, to]) => (window as unknown as { diffView: DiffViewModule }).diffView.renderComparison(document, from, to).outerHTML,
			[
				{
					...version('1.0', '2021-01-04'),
					attachments: [file('清冊.odt', 'a', '1.0'), file('舊表.pdf', 'b', '1.0'), file('說明.pdf', 'c', '1.0')],
				},
				{
					...version('1.1', '2022-06-01'),
					attachments: [file('清冊.odt', 'a2', '1.1'), file('說明.pdf', 'c', '1.1'), file('新表.docx', 'd', '1.1')],
				},
			] as [VersionEntry, VersionEntry],
		);
		const line = parse(html).querySelector('[data-diff-attachments]')!;
		expect(line.text).toBe('附件異動：更新「清冊.odt」；新增「新表.docx」；刪除「舊表.pdf」。');
		expect(line.querySelectorAll('a').map((a) => [a.text, a.getAttribute('href'), a.getAttribute('download')])).toEqual([
			['清冊.odt', '/documents/isms-f-103/v1.1/%E6%B8%85%E5%86%8A.odt', '清冊.odt'],
			['新表.docx', '/documents/isms-f-103/v1.1/%E6%96%B0%E8%A1%A8.docx', '新表.docx'],
		]);
		const same = await page.evaluate(
			([from, to]) => (window as unknown as { diffView: DiffViewModule }).diffView.renderComparison(document, from, to).outerHTML,
			[
				{ ...version('1.0', '2021-01-04'), attachments: [file('清冊.odt', 'a', '1.0')] },
				{ ...version('1.1', '2022-06-01'), attachments: [file('清冊.odt', 'a', '1.1')] },
			] as [VersionEntry, VersionEntry],
		);
		expect(parse(same).querySelector('[data-diff-attachments]')).toBeNull();
	});

	it('labels versions for the selects with date and state', async () => {
		const label = await page.evaluate(() =>
			(window as unknown as { diffView: DiffViewModule }).diffView.versionLabel({
				version: '1.10',
				effective: '2023-03-01',
				state: 'current',
			}),
		);
		expect(label).toBe('1.10（民國112年3月1日，現行版）');
	});
});
