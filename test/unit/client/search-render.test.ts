// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderHit, renderSuggestions, statusText } from '../../../src/client/search-render.ts';
import type { SearchResult } from '../../../src/lib/search/engine.ts';
import type { SearchHit } from '../../../src/lib/search/hit.ts';
import { parseQuery } from '../../../src/lib/search/parse.ts';

const hit = (extra: Partial<SearchHit> = {}): SearchHit => ({
	url: '/documents/isms-s-001/#sec-3-1',
	pageUrl: '/documents/isms-s-001/',
	title: '通行碼設定作業說明',
	docNo: 'ISMS-S-001',
	version: '1.0',
	classification: '內部使用',
	status: '現行版',
	standing: '1.0 版為現行版本，自民國110年4月1日起生效。',
	section: '第 3.1 節',
	excerpt: '各類帳號<mark>通行碼</mark>之長度',
	named: false,
	complete: true,
	...extra,
});
const result = (query: string, hits: SearchHit[], extra: Partial<SearchResult> = {}): SearchResult => ({
	plan: parseQuery(query, { knownDocNos: ['ISMS-P-005'] }),
	hits,
	truncated: false,
	missingVersions: [],
	...extra,
});

describe('renderHit', () => {
	it('shows number, title, version, classification, status, clause and the excerpt with the match marked', () => {
		const item = renderHit(hit());
		expect(item.querySelector('a')!.getAttribute('href')).toBe('/documents/isms-s-001/#sec-3-1');
		expect(item.textContent).toMatch(/ISMS-S-001[\s\S]*版次1\.0[\s\S]*機密等級內部使用[\s\S]*現行版本[\s\S]*第 3\.1 節/);
		expect([...item.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['通行碼']);
		// The standing of a version in force is said only when the query named it.
		expect(item.querySelector('.portal-search__standing')).toBeNull();
	});

	it('sets everything from the index as text: a title with markup stays text', () => {
		const item = renderHit(hit({ title: '<img src=x onerror=alert(1)>', docNo: '<b>X</b>' }));
		expect(item.querySelector('img')).toBeNull();
		expect(item.querySelector('b')).toBeNull();
		expect(item.querySelector('a')!.textContent).toContain('<img src=x onerror=alert(1)>');
	});

	it('says plainly whether a version out of force, or the one asked for, is in force', () => {
		const old = renderHit(hit({ status: '已被取代', standing: '1.0 版已於民國111年3月1日由 1.1 版取代，不再適用。' }));
		expect(old.dataset.status).toBe('已被取代');
		expect(old.querySelector('.portal-search__standing')!.textContent).toBe('1.0 版已於民國111年3月1日由 1.1 版取代，不再適用。');
		expect(renderHit(hit({ named: true })).querySelector('.portal-search__standing')).not.toBeNull();
	});

	it('marks a result that has only some of the terms', () => {
		const item = renderHit(hit({ complete: false }));
		expect(item.hasAttribute('data-partial')).toBe(true);
		expect(item.textContent).toContain('部分符合');
	});
});

describe('statusText', () => {
	const context = { options: {}, historyLabel: '包含已取代、尚未生效及已廢止版本' };

	it('counts the results, and those with only some of the terms', () => {
		expect(statusText(result('通行碼長度', [hit(), hit({ complete: false })]), context)).toBe(
			'「通行碼長度」共 2 筆結果（僅現行版本），其中 1 筆只含部分詞語。',
		);
	});

	it('opens with the standing of the version asked for by number', () => {
		const named = hit({
			docNo: 'ISMS-P-005',
			version: '1.0',
			status: '已被取代',
			named: true,
			standing: '1.0 版已於民國111年3月1日由 1.1 版取代，不再適用。',
		});
		expect(statusText(result('ISMS-P-005 1.0', [named]), context)).toBe(
			'ISMS-P-005 1.0 版已於民國111年3月1日由 1.1 版取代，不再適用。「ISMS-P-005 1.0」共 1 筆結果（所查詢的版次之外，僅列現行版本）。',
		);
	});

	it('says when a query was converted from Simplified characters, or a version does not exist', () => {
		expect(statusText(result('密码', [hit()], { converted: '密碼' }), context)).toMatch(/^已將簡體字轉為繁體「密碼」搜尋。「密碼」共 1 筆/);
		expect(
			statusText(
				result('ISMS-P-005 3.0', [], { missingVersions: [{ docNo: 'ISMS-P-005', version: '3.0', versions: ['1.1', '1.0'] }] }),
				context,
			),
		).toMatch(/^ISMS-P-005 沒有 3\.0 版；已發布的版次：1\.1、1\.0。/);
	});

	it('says why nothing was found, and where older versions match', () => {
		expect(statusText(result('颱風假', []), { ...context, olderHits: 2 })).toBe(
			'找不到與「颱風假」相關的頁面：沒有頁面含有其中任何一個詞（已一併查詢同義詞）。另有 2 筆已取代、尚未生效或已廢止版本符合；勾選「包含已取代、尚未生效及已廢止版本」即可顯示。',
		);
	});
});

describe('renderSuggestions', () => {
	it('links the nearest titles and the shorter query', () => {
		const box = document.createElement('div');
		box.append(
			renderSuggestions(
				result('備份 颱風', [], {
					suggestions: { titles: [{ docNo: 'ISMS-S-002', title: '資料備份作業說明', url: '/documents/isms-s-002/' }], shorter: '備份' },
				}),
				'/',
				{},
			),
		);
		const links = [...box.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href'), a.dataset.searchQuery ?? null]);
		expect(links).toEqual([
			['ISMS-S-002 資料備份作業說明', '/documents/isms-s-002/', null],
			['備份', `/search/?q=${encodeURIComponent('備份')}`, '備份'],
		]);
	});
});
