import { describe, expect, it } from 'vitest';
import { searchEngine } from '../../../src/lib/search/engine.ts';
import { doc, fakePagefind } from './fake-pagefind.ts';

const data = {
	synonyms: [['通行碼', '密碼']],
	documents: [{ docNo: 'ISMS-S-001', title: '通行碼設定作業說明', url: '/documents/isms-s-001/' }],
};

describe('searchEngine', () => {
	it('searches with the data file’s synonyms and converts Simplified input', async () => {
		const engine = searchEngine(fakePagefind([doc('ISMS-S-001', '1.0', '現行版', '通行碼之長度')]), data);
		const result = await engine.search('密码');
		expect(result.converted).toBe('密碼');
		expect(result.hits.map((h) => h.docNo)).toEqual(['ISMS-S-001']);
		expect(result.suggestions).toBeUndefined();
	});

	it('offers suggestions only when nothing matched', async () => {
		const engine = searchEngine(fakePagefind([doc('ISMS-S-001', '1.0', '現行版', '通行碼之長度')]), data);
		const result = await engine.search('設定颱風 停班');
		expect(result.hits).toEqual([]);
		expect(result.suggestions).toEqual({ titles: [data.documents[0]], shorter: expect.any(String) });
	});

	it('asks the index for its document numbers again after a failure', async () => {
		const pagefind = fakePagefind([doc('ISMS-P-005', '1.1', '現行版', '目標')]);
		const filters = pagefind.filters.bind(pagefind);
		let fail = true;
		pagefind.filters = async () => {
			if (fail) {
				fail = false;
				throw new Error('chunk failed to load');
			}
			return filters();
		};
		const engine = searchEngine(pagefind, data);
		expect((await engine.search('P-005')).plan.docRefs).toEqual([]);
		expect((await engine.search('P-005')).hits[0]).toMatchObject({ docNo: 'ISMS-P-005', named: true });
	});
});
