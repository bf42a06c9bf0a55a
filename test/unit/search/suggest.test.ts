import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/lib/search/parse.ts';
import { suggest } from '../../../src/lib/search/suggest.ts';

const DOCS = [
	{ docNo: 'ISMS-S-001', title: '通行碼設定作業說明', url: '/documents/isms-s-001/' },
	{ docNo: 'ISMS-S-002', title: '資料備份作業說明', url: '/documents/isms-s-002/' },
	{ docNo: 'ISMS-P-016', title: '實體與環境安全管理程序書', url: '/documents/isms-p-016/' },
];

describe('suggest', () => {
	it('offers the titles sharing the most characters with the query, and the query without its last term', () => {
		const result = suggest(parseQuery('備份設定 颱風'), DOCS);
		expect(result.titles.map((d) => d.docNo)).toEqual(['ISMS-S-002', 'ISMS-S-001']);
		expect(result.shorter).toBe('備份 設定');
	});

	it('offers no shorter query for a single term, and no title that shares nothing', () => {
		expect(suggest(parseQuery('颱風'), DOCS)).toEqual({ titles: [] });
	});
});
