import { describe, expect, it } from 'vitest';
import { evaluatePage, isRelated } from '../../../src/lib/search/evaluate.ts';
import type { PagefindData } from '../../../src/lib/search/pagefind.ts';
import { parseQuery } from '../../../src/lib/search/parse.ts';
import { synonymIndex } from '../../../src/lib/search/synonyms.ts';

const page = (content: string, extra: Partial<PagefindData> = {}): PagefindData => ({
	url: '/documents/isms-p-014/',
	content,
	excerpt: '',
	meta: { title: '存取控制管理程序書', docNo: 'ISMS-P-014', status: '現行版' },
	...extra,
});
const synonyms = synonymIndex([['存取權限', '權限']]);

describe('evaluatePage', () => {
	it('tells the exact band, the share of terms, and where they are', () => {
		const plan = parseQuery('權限審查', { synonyms });
		const anchors = [{ element: 'h3', id: 'sec-5-6', text: '5.6 存取權限之審查', location: 3 }];
		const e = evaluatePage(page('5.6 存取權限之審查 5.6.1 每半年審查一次。', { anchors }), plan);
		expect(e).toMatchObject({ phrase: false, coverage: 1, found: [true, true], headingAll: true, titleAll: false, standing: 0 });
		expect(e.place).toEqual([1, 1]);
		expect(e.typed).toEqual([true, true]);
		expect(e.nearby).toBe(2);
	});

	it('counts a synonym as found but not as typed, and a title with every term', () => {
		const synonymOnly = evaluatePage(page('各系統之權限。', { meta: { title: '其他' } }), parseQuery('存取權限', { synonyms }));
		expect(synonymOnly.found).toEqual([true]);
		expect(synonymOnly.typed).toEqual([false]);
		const titled = evaluatePage(page('本程序規範權限。'), parseQuery('存取 控制', { synonyms }));
		expect(titled.titleAll).toBe(true);
		expect(titled.place).toEqual([2, 2]);
	});

	it('puts portal pages between documents in force and versions out of force, and relates only pages with a term', () => {
		const plan = parseQuery('審查');
		expect(evaluatePage(page('審查', { meta: { title: '說明' } }), plan).standing).toBe(1);
		expect(evaluatePage(page('審查', { meta: { title: 'x', status: '已被取代' } }), plan).standing).toBe(2);
		expect(isRelated(evaluatePage(page('颱風'), plan))).toBe(false);
	});
});
