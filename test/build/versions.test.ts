import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VersionsFile } from '../../src/lib/diff/diff-data.ts';
import { diffVersions } from '../../src/lib/diff/diff.ts';
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

	it("the current version's own page is the permalink page, which names the permalink as canonical", () => {
		const root = page(site, 'documents/isms-p-005/v1.10/index.html');
		expect(root.querySelectorAll('link[rel="canonical"]').map((l) => l.getAttribute('href'))).toEqual(['/documents/isms-p-005/']);
		expect(status(root)).toBeNull();
		expect(site.read('documents/isms-p-005/v1.10/index.html')).toBe(site.read('documents/isms-p-005/index.html'));
		// The withdrawing version of a withdrawn document is what its permalink shows.
		expect(site.read('documents/isms-p-007/v1.1/index.html')).toBe(site.read('documents/isms-p-007/index.html'));
		// Versions the permalink does not show are pages of their own, without a canonical link.
		expect(page(site, 'documents/isms-p-005/v1.9/index.html').querySelector('link[rel="canonical"]')).toBeNull();
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
		// A list of links (works without JavaScript): the version the permalink shows links to the permalink.
		expect(root.querySelectorAll('.version-picker select')).toHaveLength(0);
		const links = root.querySelectorAll('.version-picker li a');
		expect(links.map((a) => a.getAttribute('href'))).toEqual([
			'/documents/isms-p-005/v2.0/',
			'/documents/isms-p-005/',
			'/documents/isms-p-005/v1.9/',
			'/documents/isms-p-005/v1.0/',
		]);
		expect(links.map((a) => a.text.replace(/\s+/g, ''))).toEqual([
			'第2.0版（尚未生效）',
			'第1.10版（現行版）',
			'第1.9版（已被取代）',
			'第1.0版（已被取代）',
		]);
		expect(links[3]!.getAttribute('title')).toBe('民國110年1月4日生效');
		expect(links.map((a) => a.getAttribute('aria-current') ?? '')).toEqual(['', '', '', 'page']);

		const rows = root.querySelectorAll('.revision-history tbody tr');
		expect(rows.map((r) => r.getAttribute('data-version'))).toEqual(['2.0', '1.10', '1.9', '1.0']);
		const current = rows[1]!.querySelectorAll('td').map((td) => td.text.trim());
		expect(current.slice(0, 5)).toEqual(['1.10', '民國112年3月1日', '目標改由資通安全與個資保護委員會核定。', '—', '現行版']);
		// Each version is compared with its predecessor on the one diff page.
		expect(rows.map((r) => r.querySelector('td:last-child a')?.getAttribute('href'))).toEqual([
			'/diff/?doc=ISMS-P-005&from=1.10&to=2.0',
			'/diff/?doc=ISMS-P-005&from=1.9&to=1.10',
			'/diff/?doc=ISMS-P-005&from=1.0&to=1.9',
			undefined,
		]);
		expect(rows[1]!.querySelector('td:last-child a')?.text).toBe('與 1.9 版比較');
	});
});

describe('diffs', () => {
	const versionsJson = (build: BuildResult, docno: string) => JSON.parse(build.read(`documents/${docno}/versions.json`)) as VersionsFile;

	it('are reached from the sidebar and the home page', () => {
		for (const path of ['documents/index.html', 'documents/isms-p-005/index.html']) {
			expect(
				page(site, path)
					.querySelectorAll('nav a')
					.map((a) => [a.text.trim(), a.getAttribute('href')]),
			).toContainEqual(['版次差異比較', '/diff/']);
		}
		expect(page(site, 'index.html').querySelector('main a[href="/diff/"]')?.text).toContain('版次差異比較');
	});

	it('are one page, /diff/, not a page per pair of versions', () => {
		expect(site.files().filter((f) => /^documents\/[^/]+\/diff\//.test(f))).toEqual([]);
		const root = page(site, 'diff/index.html');
		expect(root.querySelector('h1')?.text).toBe('版次差異比較');
		expect(root.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
		expect(root.querySelector('[data-pagefind-body]')).toBeNull();
		const form = root.querySelector('form[data-diff-form]')!;
		expect(form.getAttribute('action')).toBe('/diff/');
		expect(form.getAttribute('data-base')).toBe('/');
		expect(
			form.querySelectorAll('label').map((l) => [l.text, form.querySelector(`#${l.getAttribute('for')}`)?.getAttribute('name')]),
		).toEqual([
			['文件', 'doc'],
			['舊版次', 'from'],
			['新版次', 'to'],
		]);
		expect(form.querySelector('button[type="submit"]')?.text).toBe('比較');
		expect(root.querySelector('noscript')?.text).toContain('需要啟用 JavaScript');
		expect(root.querySelector('[data-diff-message]')?.getAttribute('role')).toBe('alert');
	});

	it('offer every document with two published versions or more, and nothing else', () => {
		const options = (build: BuildResult) =>
			page(build, 'diff/index.html')
				.querySelectorAll('select[name="doc"] option')
				.map((o) => [o.getAttribute('value'), o.text]);
		// Not ISMS-M-001 (one version), ISMS-R-001 (above the ceiling), ISMS-P-009 (a draft, one version even in preview).
		const expected = [
			['', '請選擇文件'],
			['ISMS-P-005', 'ISMS-P-005 資訊安全目標管理程序書'],
			['ISMS-P-007', 'ISMS-P-007 電子郵件管理程序書'],
		];
		expect(options(site)).toEqual(expected);
		expect(options(preview)).toEqual(expected);
	});

	it("serve each such document's published versions, newest first, with the blocks the diff reads", () => {
		const p005 = versionsJson(site, 'isms-p-005');
		expect(p005.docNo).toBe('ISMS-P-005');
		expect(p005.title).toBe('資訊安全目標管理程序書');
		expect(p005.versions.map((v) => [v.version, v.effective, v.state, v.url])).toEqual([
			['2.0', '2099-01-01', 'upcoming', '/documents/isms-p-005/v2.0/'],
			['1.10', '2023-03-01', 'current', '/documents/isms-p-005/v1.10/'],
			['1.9', '2022-06-01', 'superseded', '/documents/isms-p-005/v1.9/'],
			['1.0', '2021-01-04', 'superseded', '/documents/isms-p-005/v1.0/'],
		]);
		expect(p005.versions[1]!.changes).toBe('目標改由資通安全與個資保護委員會核定。');
		expect(p005.versions[1]!.blocks).toEqual([
			{ kind: 'heading', clause: '1', text: '1. 目的' },
			{ kind: 'item', clause: '1.1', text: '1.1 年度資訊安全目標由資通安全與個資保護委員會核定。' },
		]);
		for (const v of p005.versions)
			expect(Object.keys(v).sort(), v.version).toEqual(['blocks', 'changes', 'effective', 'state', 'title', 'url', 'version']);
		expect(versionsJson(site, 'isms-p-007').versions.map((v) => [v.version, v.state])).toEqual([
			['1.1', 'withdrawn'],
			['1.0', 'superseded'],
		]);
		// Nothing to compare: one version; above the ceiling; a draft (one version in preview builds too).
		for (const docno of ['isms-m-001', 'isms-r-001', 'isms-p-009']) {
			expect(site.exists(`documents/${docno}/versions.json`), docno).toBe(false);
			expect(preview.exists(`documents/${docno}/versions.json`), docno).toBe(false);
		}
	});

	it('give the diff what it needs to show a changed clause word by word, and added and removed blocks', () => {
		const versions = Object.fromEntries(versionsJson(site, 'isms-p-005').versions.map((v) => [v.version, v.blocks]));
		const narrow = diffVersions(versions['1.9']!, versions['1.10']!);
		const changed = narrow.rows.find((row) => row.kind === 'changed' && row.clause === '1.1');
		expect(changed?.kind === 'changed' && changed.parts.filter((p) => p.removed).map((p) => p.value)).toEqual(['資訊室彙整']);
		expect(changed?.kind === 'changed' && changed.parts.filter((p) => p.added).map((p) => p.value)).toEqual([
			'資通安全與個資保護委員會核定',
		]);
		const wide = diffVersions(versions['1.0']!, versions['1.10']!);
		expect(wide.rows.flatMap((row) => (row.kind === 'removed' ? [row.block.text] : []))).toEqual(['舊版條文：年度目標由各單位自行訂定。']);
		expect(wide.rows.some((row) => row.kind === 'added' && row.clause === '1.1')).toBe(true);
		expect(wide.counts).toMatchObject({ added: 1, removed: 1 });
	});
});

describe('search', () => {
	it('indexes the version in force once, under its permalink, and not the diff page', () => {
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
		expect(root.querySelector('input[name="date"]')?.getAttribute('value')).toBe('2025-01-15');
		const data = JSON.parse(root.querySelector('#as-of-data')!.text) as { documents: { docNo: string; versions: { version: string }[] }[] };
		const p005 = data.documents.find((d) => d.docNo === 'ISMS-P-005')!;
		expect(p005.versions.map((v) => v.version)).toEqual(['2.0', '1.10', '1.9', '1.0']);
		expect(data.documents.map((d) => d.docNo)).not.toContain('ISMS-P-009');
		expect(data.documents.map((d) => d.docNo)).not.toContain('ISMS-R-001');
	});
});
