import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { globOfFiles } from '../../../src/lib/search/index-attributes.ts';
import { makeTree, removeTempDirs } from '../_helpers.ts';

afterAll(async () => {
	await pagefind.close();
	removeTempDirs();
});

const html = (text: string) => `<!doctype html><html lang="zh-TW"><body><main data-pagefind-body><p>${text}</p></main></body></html>`;

describe('globOfFiles', () => {
	it('makes Pagefind read exactly the files listed, glob metacharacters in their names included', async () => {
		const names = ['index.html', 'documents/isms-p-005/index.html', 'documents/isms-p-005/v1.9/index.html', 'a,b{1}[2](3)$:.html', '說明/文件 一.html'];
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
