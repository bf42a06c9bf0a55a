// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { importPagefind, loadSearchEngine, resetSearchEngine } from '../../../src/client/search-engine.ts';
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

describe('importPagefind: the index in parts', () => {
	const bundle = () => {
		const calls: string[] = [];
		const module = {
			options: async (options: object) => void calls.push(`options ${JSON.stringify(options)}`),
			mergeIndex: async (url: string, options: object) => void calls.push(`merge ${url} ${JSON.stringify(options)}`),
		};
		return { calls, importModule: async (url: string) => (calls.push(`import ${url}`), module) };
	};

	it('merges every extra bundle the parts file names, under the site root', async () => {
		const { calls, importModule } = bundle();
		const asked: string[] = [];
		await importPagefind('/portal/', importModule, async (url) => (asked.push(url), { parts: ['pagefind-2/', 'pagefind-3/'] }));
		expect(asked).toEqual(['/portal/pagefind/portal-parts.json']);
		expect(calls).toEqual([
			'import /portal/pagefind/pagefind.js',
			'options {"baseUrl":"/portal/","excerptLength":30}',
			'merge /portal/pagefind-2/ {"baseUrl":"/portal/","excerptLength":30}',
			'merge /portal/pagefind-3/ {"baseUrl":"/portal/","excerptLength":30}',
		]);
	});

	it('a site of one part (no parts file) uses the first bundle alone; foreign bundle names are never merged', async () => {
		const one = bundle();
		await importPagefind('/', one.importModule, async () => undefined);
		expect(one.calls.filter((call) => call.startsWith('merge'))).toEqual([]);
		const foreign = bundle();
		await importPagefind('/', foreign.importModule, async () => ({ parts: ['https://example.com/pagefind/', '../pagefind-2/'] }));
		expect(foreign.calls.filter((call) => call.startsWith('merge'))).toEqual([]);
	});
});
