import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from './build.ts';
import { contentSite } from './content-site.ts';

/** Orientation (issue 18): breadcrumb, the sidebar marking where the reader is, titles without repetition. */
let site: BuildResult;
const page = (path: string) => parse(site.read(path));

beforeAll(() => {
	site = contentSite();
});

describe('breadcrumb', () => {
	it('shows 文件一覽表 › 第二階 程序書 › ISMS-P-005 above a document page, and the version below it on an older one', () => {
		const crumbs = (path: string) =>
			page(path)
				.querySelectorAll('nav.breadcrumbs[aria-label="導覽路徑"] li')
				.map((li) => li.text.trim());
		expect(crumbs('documents/isms-p-005/index.html')).toEqual(['文件一覽表', '第二階 程序書', 'ISMS-P-005']);
		expect(crumbs('documents/isms-p-005/v1.0/index.html')).toEqual(['文件一覽表', '第二階 程序書', 'ISMS-P-005', '第 1.0 版']);
		const links = page('documents/isms-p-005/v1.0/index.html')
			.querySelectorAll('nav.breadcrumbs a')
			.map((a) => a.getAttribute('href'));
		expect(links).toEqual(['/documents/', '/documents/#tier-2', '/documents/isms-p-005/']);
		expect(page('documents/isms-p-005/v1.0/index.html').querySelector('nav.breadcrumbs [aria-current="page"]')?.text).toBe('第 1.0 版');
		expect(crumbs('soa/v1.2/index.html')).toEqual(['適用性聲明書', '第 1.2 版']);
		expect(crumbs('help/authoring/index.html')).toEqual(['使用說明', '文件撰寫說明']);
		expect(crumbs('documents/index.html')).toEqual([]);
	});
});

describe('the sidebar marks where the reader is', () => {
	const marked = (path: string) =>
		page(path)
			.querySelectorAll('nav.sidebar a[aria-current]')
			.map((a) => `${a.getAttribute('aria-current')} ${a.text.trim()}`);
	it('the page itself, or the section of a page it has no link for', () => {
		expect(marked('documents/index.html')).toEqual(['page 文件一覽表']);
		expect(marked('documents/isms-p-005/index.html')).toEqual(['location 文件一覽表']);
		expect(marked('documents/isms-p-005/v1.0/index.html')).toEqual(['location 文件一覽表']);
		expect(marked('soa/compare/v1.2-v2.0/index.html')).toEqual(['location 適用性聲明書']);
		expect(marked('help/authoring/index.html')).toEqual(['page 文件撰寫說明']);
		expect(marked('index.html')).toEqual(['page 首頁']);
	});
});

describe('page titles', () => {
	it('name the page and the site once each, on every page', () => {
		expect(page('index.html').querySelector('title')?.text).toBe('資安文件入口網');
		const repeated = site
			.files()
			.filter((file) => file.endsWith('.html'))
			.flatMap((file) => {
				const parts = (page(file).querySelector('title')?.text ?? '').split('|').map((part) => part.trim());
				return new Set(parts).size === parts.length ? [] : [`${file}: ${parts.join(' | ')}`];
			});
		expect(repeated).toEqual([]);
	});
});

describe('文件撰寫說明 (help page)', () => {
	it('explains revising a document and publishing, beside where and when it is published', () => {
		// Code blocks parsed as markup (node-html-parser keeps <pre> as raw text by default).
		const help = parse(site.read('help/authoring/index.html'), { blockTextElements: { script: true, style: true } });
		const headings = help.querySelectorAll('main h2').map((h) => h.text.trim());
		expect(headings).toEqual(expect.arrayContaining(['修訂文件', '發布（負責發布的同仁）', '發布到哪裡、何時生效']));
		// Spaces aside: code blocks are highlighted token by token.
		const text = help.querySelector('main')!.text.replace(/\s+/g, '');
		for (const words of [
			'npm run new-version -- ISMS-X-905 1.2',
			'changes（修訂說明）',
			'npm run check',
			'PORTAL_TODAY=<生效日期> npm run serve',
			'已被取代',
			'PORTAL_SITE_URL',
			'--rollback',
		])
			expect(text, words).toContain(words.replace(/\s+/g, ''));
	});

	it('explains attachments that change between versions, the clauses in 本頁內容, tables in the diff and tables the import puts in their clause', () => {
		const text = parse(site.read('help/authoring/index.html')).querySelector('main')!.text.replace(/\s+/g, '');
		for (const words of ['「附件異動」欄', '同一檔名、內容不同', '最上面兩層條文', '修改的儲存格加框', '「如下表：」'])
			expect(text, words).toContain(words);
		const guide = parse(site.read('help/index.html')).querySelector('main')!.text.replace(/\s+/g, '');
		for (const words of ['附件異動', '「本頁內容」列出章節標題與最上面兩層條文', '表格逐列比較']) expect(guide, words).toContain(words);
	});
});
