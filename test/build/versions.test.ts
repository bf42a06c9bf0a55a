import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, indexedPages, type BuildResult } from './build.ts';

/**
 * Document control (policy 6.4.2) on a real build of test/fixtures/corpus-basic as of 2025-01-15:
 * ISMS-P-005 has 1.0 and 1.9 (superseded), 1.10 (current) and 2.0 (upcoming, 2099);
 * ISMS-P-007 was withdrawn by its 1.1 on 2024-06-01; ISMS-P-009 is a draft.
 */
let site: BuildResult;
let preview: BuildResult;
const page = (build: BuildResult, path: string): HTMLElement => parse(build.read(path));
const status = (root: HTMLElement) => root.querySelector('.version-status');

beforeAll(() => {
	site = buildFixture('corpus-basic');
	if (site.status !== 0) throw new Error(`build failed:\n${site.stderr}`);
	preview = buildFixture('corpus-basic', { PORTAL_INCLUDE_DRAFTS: '1' }, 'corpus-basic-drafts');
	if (preview.status !== 0) throw new Error(`preview build failed:\n${preview.stderr}`);
});

describe('version pages', () => {
	it('the permalink shows the current version (numeric order: 1.10 > 1.9) without a status notice', () => {
		const root = page(site, 'documents/isms-p-005/index.html');
		expect(root.querySelector('[data-version]')?.getAttribute('data-version')).toBe('1.10');
		expect(root.querySelector('[data-state]')?.getAttribute('data-state')).toBe('current');
		expect(status(root)).toBeNull();
		expect(root.querySelector('meta[name="robots"]')).toBeNull();
		expect(root.querySelector('[data-pagefind-body]')).not.toBeNull();
	});

	it("the current version's own page links to the permalink as canonical", () => {
		const root = page(site, 'documents/isms-p-005/v1.10/index.html');
		expect(root.querySelectorAll('link[rel="canonical"]').map((l) => l.getAttribute('href'))).toEqual(['/documents/isms-p-005/']);
		expect(status(root)).toBeNull();
		// Indexed once, under the permalink.
		expect(root.querySelector('[data-pagefind-body]')).toBeNull();
	});

	it('a superseded version says when and by which version it was replaced, links to the current one, and is noindex', () => {
		const root = page(site, 'documents/isms-p-005/v1.0/index.html');
		const notice = status(root)!;
		expect(notice.text).toContain('本版次已於民國111年6月1日由 1.9 版取代');
		expect(notice.querySelector('a')?.getAttribute('href')).toBe('/documents/isms-p-005/');
		expect(notice.querySelector('a')?.text).toContain('第 1.10 版');
		expect(root.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
		expect(root.querySelector('title')?.text).toContain('已被取代');
		expect(page(site, 'documents/isms-p-005/v1.9/index.html').querySelector('.version-status')?.text).toContain('由 1.10 版取代');
	});

	it('an upcoming version says when it takes effect', () => {
		const root = page(site, 'documents/isms-p-005/v2.0/index.html');
		expect(status(root)?.text).toContain('本版次將於民國188年1月1日生效');
		expect(root.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
	});

	it('a withdrawn document says so on its permalink and on the withdrawing version, and older versions point to it', () => {
		for (const path of ['documents/isms-p-007/index.html', 'documents/isms-p-007/v1.1/index.html']) {
			expect(status(page(site, path))?.text).toContain('本文件已於民國113年6月1日廢止');
		}
		const older = status(page(site, 'documents/isms-p-007/v1.0/index.html'))!;
		expect(older.text).toContain('由 1.1 版取代');
		expect(older.text).toContain('本文件已於民國113年6月1日廢止');
	});

	it('drafts are published only by preview builds, with a draft notice', () => {
		expect(site.exists('documents/isms-p-009/v0.1/index.html')).toBe(false);
		const root = page(preview, 'documents/isms-p-009/v0.1/index.html');
		expect(status(root)?.text).toContain('草稿');
		expect(root.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
	});
});

describe('version picker and revision history', () => {
	it('list every published version with its effective date, newest first', () => {
		const root = page(site, 'documents/isms-p-005/v1.0/index.html');
		const options = root.querySelectorAll('select[data-version-picker] option');
		expect(options.map((o) => o.getAttribute('value'))).toEqual([
			'/documents/isms-p-005/v2.0/',
			'/documents/isms-p-005/v1.10/',
			'/documents/isms-p-005/v1.9/',
			'/documents/isms-p-005/v1.0/',
		]);
		expect(options[3]!.text).toContain('民國110年1月4日');
		expect(options[3]!.getAttribute('selected')).not.toBeUndefined();

		const rows = root.querySelectorAll('.revision-history tbody tr');
		expect(rows.map((r) => r.getAttribute('data-version'))).toEqual(['2.0', '1.10', '1.9', '1.0']);
		const current = rows[1]!.querySelectorAll('td').map((td) => td.text.trim());
		expect(current.slice(0, 5)).toEqual(['1.10', '民國112年3月1日', '目標改由資通安全與個資保護委員會核定。', '—', '現行版']);
		expect(rows[1]!.querySelector('td:last-child a')?.getAttribute('href')).toBe('/documents/isms-p-005/diff/v1.9-v1.10/');
		expect(rows[3]!.querySelector('td:last-child a')).toBeNull();
	});
});

describe('diff pages', () => {
	it('exist for every pair of versions', () => {
		for (const pair of ['v1.0-v1.9', 'v1.0-v1.10', 'v1.0-v2.0', 'v1.9-v1.10', 'v1.9-v2.0', 'v1.10-v2.0']) {
			expect(site.exists(`documents/isms-p-005/diff/${pair}/index.html`), pair).toBe(true);
		}
		expect(site.exists('documents/isms-p-005/diff/v1.10-v1.9/index.html')).toBe(false);
	});

	it('show a changed clause word by word, and added and removed blocks', () => {
		const root = page(site, 'documents/isms-p-005/diff/v1.9-v1.10/index.html');
		const changed = root.querySelector('.diff-row[data-kind="changed"][data-clause="1.1"]')!;
		expect(changed.querySelectorAll('del').map((d) => d.text.replace('〔刪除〕', ''))).toEqual(['資訊室彙整']);
		expect(changed.querySelectorAll('ins').map((d) => d.text.replace('〔新增〕', ''))).toEqual(['資通安全與個資保護委員會核定']);
		const wide = page(site, 'documents/isms-p-005/diff/v1.0-v1.10/index.html');
		expect(wide.querySelector('.diff-row[data-kind="removed"]')?.text).toContain('舊版條文');
		expect(wide.querySelector('.diff-row[data-kind="added"][data-clause="1.1"]')).not.toBeNull();
		expect(wide.querySelector('.diff__summary')?.text).toContain('新增 1 處、刪除 1 處');
	});
});

describe('search', () => {
	it('indexes the version in force once, under its permalink, and no diff pages', () => {
		const pages = indexedPages(site);
		expect(pages.map((p) => p.url)).toContain('/documents/isms-p-005/');
		expect(pages.filter((p) => p.content.includes('委員會核定')).map((p) => p.url)).toEqual(['/documents/isms-p-005/']);
		expect(pages.some((p) => p.url.includes('/diff/'))).toBe(false);
		// Versions not in force are indexed with their status, which the default search leaves out (test/build/search.test.ts).
		expect(pages.find((p) => p.content.includes('舊版條文'))?.url).toBe('/documents/isms-p-005/v1.0/');
	});
});

describe('as-of view', () => {
	it('carries every published, non-draft version for the in-force rule, as of the build date', () => {
		const root = page(preview, 'as-of/index.html');
		expect(root.querySelector('input[type="date"]')?.getAttribute('value')).toBe('2025-01-15');
		const data = JSON.parse(root.querySelector('#as-of-data')!.text) as { documents: { docNo: string; versions: { version: string }[] }[] };
		const p005 = data.documents.find((d) => d.docNo === 'ISMS-P-005')!;
		expect(p005.versions.map((v) => v.version)).toEqual(['2.0', '1.10', '1.9', '1.0']);
		expect(data.documents.map((d) => d.docNo)).not.toContain('ISMS-P-009');
		expect(data.documents.map((d) => d.docNo)).not.toContain('ISMS-R-001');
	});
});
