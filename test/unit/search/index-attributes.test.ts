import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { globOfFiles, searchIndexAttributes, versionStanding } from '../../../src/lib/search/index-attributes.ts';
import { makeTree, pv, removeTempDirs } from '../_helpers.ts';

afterAll(async () => {
	await pagefind.close();
	removeTempDirs();
});

const html = (text: string) => `<!doctype html><html lang="zh-TW"><body><main data-pagefind-body><p>${text}</p></main></body></html>`;

describe('globOfFiles', () => {
	it('makes Pagefind read exactly the files listed, glob metacharacters in their names included', async () => {
		const names = [
			'index.html',
			'documents/isms-p-005/index.html',
			'documents/isms-p-005/v1.9/index.html',
			'a,b{1}[2](3)$:.html',
			'說明/文件 一.html',
		];
		const root = makeTree({
			...Object.fromEntries(names.map((name) => [name, html(name)])),
			'documents/isms-p-005/v1.10/index.html': html('a copy'),
			'404.html': html('not found'),
		});
		const { index } = await pagefind.createIndex();
		const added = await index!.addDirectory({ path: root, glob: globOfFiles(names) });
		expect(added.errors).toEqual([]);
		expect(added.page_count).toBe(names.length);
	});

	it('escapes the characters wax treats as syntax, and only those', () => {
		expect(globOfFiles(['a.html', 'b/c.html'])).toBe('{a.html,b/c.html}');
		expect(globOfFiles(['x{1},y.html'])).toBe('{x\\{1\\}\\,y.html}');
		expect(globOfFiles(['q!.html'])).toBe('{q!.html}');
	});
});

describe('search index attributes of a document page', () => {
	const current = pv('ISMS-P-005', '1.1', 'current', {
		title: '資訊安全目標管理程序書',
		classification: 'internal',
		tier: 2,
		effective: '2022-03-01',
	});
	const superseded = pv('ISMS-P-005', '1.0', 'superseded', {
		title: '資訊安全目標管理程序書',
		tier: 2,
		classification: 'public',
		supersededBy: { version: '1.1', effective: '2022-03-01' },
	});

	it('declares the filters (docNo, status, tier, classification) and the metadata results show', () => {
		const attributes = searchIndexAttributes(superseded);
		expect(attributes).toMatchObject({
			'data-search-doc-no': 'ISMS-P-005',
			'data-search-title': '資訊安全目標管理程序書',
			'data-search-version': '1.0',
			'data-search-status': '已被取代',
			'data-search-tier': '第二階文件',
			'data-search-classification': '公開',
		});
		expect(attributes['data-pagefind-filter']).toBe(
			'docNo[data-search-doc-no], status[data-search-status], tier[data-search-tier], classification[data-search-classification]',
		);
		expect(attributes['data-pagefind-meta']).toBe(
			'docNo[data-search-doc-no], title[data-search-title], version[data-search-version], classification[data-search-classification], status[data-search-status], standing[data-search-standing]',
		);
		expect(searchIndexAttributes(current)['data-search-status']).toBe('現行版');
		expect(
			searchIndexAttributes(current, { public: '公開', internal: '一般', restricted: '限閱', confidential: '密' })[
				'data-search-classification'
			],
		).toBe('一般');
	});

	it('says in one sentence whether the version is in force', () => {
		expect(versionStanding(superseded)).toBe('1.0 版已於民國111年3月1日由 1.1 版取代，不再適用。');
		expect(versionStanding(current)).toBe('1.1 版為現行版本，自民國111年3月1日起生效。');
		expect(versionStanding(pv('ISMS-P-005', '2.0', 'upcoming', { effective: '2027-01-01' }))).toBe(
			'2.0 版尚未生效，將於民國116年1月1日起生效。',
		);
		expect(versionStanding(pv('ISMS-P-007', '1.1', 'withdrawn', { effective: '2024-06-01' }))).toBe(
			'本文件已於民國113年6月1日廢止（1.1 版），不得再使用。',
		);
		expect(versionStanding(pv('ISMS-P-009', '0.1', 'draft'))).toBe('0.1 版為草稿，尚未核定，不得據以辦理。');
	});
});
