import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type BuildResult } from './build.ts';

/** A real build of test/fixtures/corpus-basic, as of 2025-01-15, at the default ceiling (internal). */
let site: BuildResult;
const page = (path: string): HTMLElement => parse(site.read(path));
const field = (root: HTMLElement, name: string) => root.querySelector(`.doc-header [data-field="${name}"]`)?.text.trim();

beforeAll(() => {
	site = buildFixture('corpus-basic');
	if (site.status !== 0) throw new Error(`build failed (${site.status}):\n${site.stderr}\n${site.stdout.slice(-3000)}`);
});

describe('document pages', () => {
	it('render the controlled-document header block with every field, the date in the ROC calendar', () => {
		const root = page('documents/isms-m-001/index.html');
		expect(root.querySelector('.doc-header__org')?.text).toBe('臺北市政府警察局');
		expect(field(root, 'docNo')).toBe('ISMS-M-001');
		expect(field(root, 'title')).toBe('資訊安全管理政策');
		expect(field(root, 'classification')).toContain('公開');
		expect(root.querySelector('.doc-header .classification')?.getAttribute('class')).toContain('classification--public');
		expect(field(root, 'version')).toBe('1.0');
		expect(field(root, 'tier')).toContain('第一階文件');
		expect(field(root, 'issuedBy')).toBe('資通安全處理小組');
		expect(field(root, 'effective')).toBe('民國109年10月16日');
		expect(root.querySelector('.doc-header time')?.getAttribute('datetime')).toBe('2020-10-16');
		expect(field(root, 'approvedBy')).toBe('資通安全長');
	});

	it('are in Traditional Chinese with the site title from the portal configuration', () => {
		const root = page('documents/isms-m-001/index.html');
		expect(root.querySelector('html')?.getAttribute('lang')).toBe('zh-TW');
		expect(root.querySelector('title')?.text).toBe('ISMS-M-001 資訊安全管理政策（第 1.0 版）| 資安文件入口網');
		expect(root.querySelector('.site-title')?.text.trim()).toBe('資安文件入口網');
	});

	it('give every numbered heading and list item its clause anchor', () => {
		const root = page('documents/isms-m-001/index.html');
		expect(root.querySelector('h2#sec-1')?.text).toContain('目的');
		expect(root.querySelector('h3#sec-6-4')?.text).toContain('文件要求');
		expect(root.querySelector('h4#sec-6-4-2')?.text).toContain('文件管制');
		expect(root.querySelector('li#sec-6-4-2-1')?.text).toContain('在文件發行前核准其適切性');
		expect(root.querySelector('li#sec-6-4-2-9-1')?.text).toContain('作廢文件為任何目的需保留時');
		expect(root.querySelector('li#sec-6-4-2-1 .clause-no')?.text).toBe('6.4.2.1');
		// The unnumbered lead paragraph gets no anchor.
		const lead = root.querySelectorAll('.doc-body p').find((p) => p.text.includes('ISMS 所需之文件'));
		expect(lead?.getAttribute('id')).toBeUndefined();
	});

	it('list the headings in the table of contents', () => {
		const toc = page('documents/isms-m-001/index.html').querySelector('starlight-toc');
		expect(toc?.querySelector('a[href="#sec-6-4"]')?.text).toContain('6.4 文件要求');
	});

	it('exist for every published version, the permalink showing the highest version in force', () => {
		const permalink = page('documents/isms-p-005/index.html');
		expect(field(permalink, 'version')).toBe('1.10');
		expect(field(permalink, 'classification')).toContain('內部使用');
		expect(permalink.querySelector('.doc-body')?.text).toContain('委員會核定');
		for (const version of ['1.0', '1.9', '1.10', '2.0']) {
			expect(field(page(`documents/isms-p-005/v${version}/index.html`), 'version')).toBe(version);
		}
		expect(page('documents/isms-p-005/v1.0/index.html').querySelector('.doc-body')?.text).toContain('舊版條文');
	});

	it('render the text as written: straight quotes, double hyphens and three dots stay (no smart punctuation)', () => {
		const clause = page('documents/isms-f-001/index.html').querySelector('#sec-1-2');
		expect(clause?.text).toContain('填寫 "N/A"；系統匯出請執行 export --all，畫面顯示 Done... 即完成。');
	});

	it('mark example documents as examples', () => {
		expect(page('documents/isms-f-001/index.html').querySelector('.doc-header__example')?.text).toContain('範例文件');
		expect(page('documents/isms-m-001/index.html').querySelector('.doc-header__example')).toBeNull();
	});
});

describe('master list', () => {
	it('has one row per document in force, grouped by tier and ordered by number, with the current version', () => {
		const root = page('documents/index.html');
		const groups = root.querySelectorAll('section.doc-list[data-tier]');
		expect(groups.map((g) => g.getAttribute('data-tier'))).toEqual(['1', '2', '4']);
		const rows = root.querySelectorAll('section.doc-list[data-tier] tbody tr');
		expect(rows.map((row) => row.getAttribute('data-doc-no'))).toEqual(['ISMS-M-001', 'ISMS-P-005', 'ISMS-F-001']);
		const p005 = rows[1]!.querySelectorAll('td').map((td) => td.text.trim());
		expect(p005).toEqual(['ISMS-P-005', '資訊安全目標管理程序書', '第二階文件', '內部使用', '1.10', '民國112年3月1日']);
		expect(rows[1]!.querySelector('a')?.getAttribute('href')).toBe('/documents/isms-p-005/');
	});

	it('is linked from the home page, which also leads to search', () => {
		const home = page('index.html');
		expect(home.querySelector('a[href="/documents/"]')).not.toBeNull();
		expect(home.querySelector('form[action="/search/"] input[name="q"]')).not.toBeNull();
		expect(home.querySelector('site-search')).not.toBeNull();
	});
});

describe('publication', () => {
	it('leaves drafts and documents above the ceiling out of every file', () => {
		expect(site.exists('documents/isms-p-009/index.html')).toBe(false);
		expect(site.exists('documents/isms-r-001/index.html')).toBe(false);
		for (const file of site.files()) {
			if (!/\.(html|js|json|css|xml|txt)$/.test(file)) continue;
			const text = site.read(file);
			expect(text.includes('RESTRICTEDCANARY'), file).toBe(false);
			expect(text.includes('DRAFTCANARY'), file).toBe(false);
			expect(text.includes('限閱作業說明'), file).toBe(false);
		}
	});
});

describe('build log', () => {
	it("carries no bundler warning per MDX module about Astro's own head-inject directive", () => {
		expect(`${site.stdout}\n${site.stderr}`).not.toContain('MODULE_LEVEL_DIRECTIVE');
		expect(site.stdout).toContain('Complete!');
	});
});

describe('404 page', () => {
	it('leads back to the master list and search, in Traditional Chinese', () => {
		const root = parse(site.read('404.html'));
		expect(root.querySelector('h1')?.text).toBe('找不到這個頁面');
		expect(root.querySelectorAll('.hero a').map((a) => a.getAttribute('href'))).toEqual(['/documents/', '/search/', '/']);
		expect(root.querySelector('[data-pagefind-body]')).toBeNull();
	});
});
