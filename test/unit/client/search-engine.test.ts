// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { loadSearchEngine, resetSearchEngine } from '../../../src/client/search-engine.ts';
import { doc, fakePagefind } from '../search/fake-pagefind.ts';

afterEach(() => resetSearchEngine());

describe('loadSearchEngine', () => {
	it('loads the index and the data file once, from the site root', async () => {
		const roots: string[] = [];
		const load = async (root: string) => {
			roots.push(root);
			return fakePagefind([doc('ISMS-S-001', '1.0', '現行版', '通行碼之長度')]);
		};
		const fetchData = async (root: string) => {
			roots.push(`data ${root}`);
			return { synonyms: [['通行碼', '密碼']], documents: [] };
		};
		const engine = await loadSearchEngine('/portal', load, fetchData);
		expect(await loadSearchEngine('/portal', load, fetchData)).toBe(engine);
		expect(roots).toEqual(['/portal/', 'data /portal/']);
		expect((await engine.search('密碼')).hits.map((h) => h.docNo)).toEqual(['ISMS-S-001']);
	});

	it('tries again after a failed load', async () => {
		const failing = async () => {
			throw new Error('offline');
		};
		const data = async () => ({ synonyms: [], documents: [] });
		await expect(loadSearchEngine('/', failing, data)).rejects.toThrow('offline');
		const engine = await loadSearchEngine('/', async () => fakePagefind([]), data);
		expect((await engine.search('x')).hits).toEqual([]);
	});
});
