// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchResult } from '../../../src/lib/search/engine.ts';
import type { RunOptions } from '../../../src/lib/search/run.ts';
import { parseQuery } from '../../../src/lib/search/parse.ts';

/** The engine the panel loads, replaced by one that records the queries and answers from a table. */
const calls: { query: string; options: RunOptions }[] = [];
const answers = new Map<string, Partial<SearchResult>>();
vi.mock('../../../src/client/search-engine.ts', () => ({
	loadSearchEngine: async () => ({
		async search(query: string, options: RunOptions = {}): Promise<SearchResult> {
			calls.push({ query, options });
			return {
				plan: parseQuery(query),
				hits: [],
				truncated: false,
				missingVersions: [],
				...answers.get(`${query}|${options.includeHistory ? 'all' : ''}`),
			};
		},
	}),
}));
const { definePortalSearch } = await import('../../../src/client/search-panel.ts');
definePortalSearch();

const MARKUP = `
<portal-search data-base="/" data-history-label="包含已取代、尚未生效及已廢止版本" SYNC>
	<form><input name="q" type="search" />
		<details><summary>篩選條件</summary><input type="checkbox" name="all" value="1" /><input type="checkbox" name="tier" value="第二階文件" /></details>
	</form>
	<p data-search-status role="status"></p>
	<div data-search-suggestions></div>
	<ol data-search-results></ol>
	<button type="button" data-search-more hidden></button>
</portal-search>`;

function mount(sync: boolean): HTMLElement {
	// As in a page: the element is complete when it is connected (the module script runs after parsing).
	const template = document.createElement('template');
	template.innerHTML = MARKUP.replace('SYNC', sync ? 'data-sync-url' : '');
	document.body.append(template.content);
	return document.querySelector('portal-search')!;
}
const hit = (n: number) => ({
	url: `/p${n}/`,
	pageUrl: `/p${n}/`,
	title: `頁 ${n}`,
	excerpt: `第 <mark>${n}</mark> 頁`,
	named: false,
	complete: true,
});

beforeEach(() => {
	calls.length = 0;
	answers.clear();
	history.replaceState(null, '', '/');
});
afterEach(() => {
	document.body.innerHTML = '';
});

describe('<portal-search>', () => {
	it('runs the query in the address of /search/ and shows the results and the status', async () => {
		answers.set('通行碼|', { hits: [hit(1), hit(2)] });
		history.replaceState(null, '', '/search/?q=%E9%80%9A%E8%A1%8C%E7%A2%BC');
		const panel = mount(true);
		await vi.waitFor(() => expect(panel.querySelectorAll('li')).toHaveLength(2));
		expect(panel.querySelector('input')!.value).toBe('通行碼');
		expect(panel.querySelector('[data-search-status]')!.textContent).toBe('「通行碼」共 2 筆結果（僅現行版本）。');
	});

	it('writes the query and filters back to the address as the user types, and pages 20 results at a time', async () => {
		answers.set('稽核|', { hits: Array.from({ length: 25 }, (_, i) => hit(i)) });
		history.replaceState(null, '', '/search/');
		const panel = mount(true);
		const input = panel.querySelector('input')!;
		input.value = '稽核';
		input.dispatchEvent(new Event('input', { bubbles: true }));
		await vi.waitFor(() => expect(panel.querySelectorAll('li')).toHaveLength(20));
		expect(new URL(location.href).searchParams.get('q')).toBe('稽核');
		const more = panel.querySelector<HTMLButtonElement>('[data-search-more]')!;
		expect(more.hidden).toBe(false);
		expect(more.textContent).toBe('顯示更多結果（尚有 5 筆）');
		more.click();
		expect(panel.querySelectorAll('li')).toHaveLength(25);
		expect(more.hidden).toBe(true);
		const tier = panel.querySelector<HTMLInputElement>('input[name="tier"]')!;
		tier.checked = true;
		tier.dispatchEvent(new Event('change', { bubbles: true }));
		await vi.waitFor(() => expect(calls.at(-1)?.options.tiers).toEqual(['第二階文件']));
		expect(new URL(location.href).searchParams.getAll('tier')).toEqual(['第二階文件']);
	});

	it('when nothing matches: says why, counts older versions, and runs the shorter query when asked', async () => {
		answers.set('備份 颱風|all', { hits: [] });
		answers.set('備份 颱風|', {
			hits: [],
			suggestions: { titles: [{ docNo: 'ISMS-S-002', title: '資料備份作業說明', url: '/documents/isms-s-002/' }], shorter: '備份' },
		});
		answers.set('備份|', { hits: [hit(1)] });
		const panel = mount(false);
		const input = panel.querySelector('input')!;
		input.value = '備份 颱風';
		panel.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
		await vi.waitFor(() => expect(panel.querySelector('[data-search-status]')!.textContent).toContain('找不到與「備份 颱風」相關的頁面'));
		expect(calls.map((c) => [c.query, Boolean(c.options.includeHistory)])).toEqual([
			['備份 颱風', false],
			['備份 颱風', true],
		]);
		const shorter = panel.querySelector<HTMLAnchorElement>('[data-search-suggestions] a[data-search-query]')!;
		expect(panel.querySelector('[data-search-suggestions]')!.textContent).toContain('ISMS-S-002 資料備份作業說明');
		shorter.click();
		await vi.waitFor(() => expect(panel.querySelectorAll('li')).toHaveLength(1));
		expect(input.value).toBe('備份');
		// Outside /search/, the address is left alone.
		expect(location.search).toBe('');
	});
});
