import { describe, expect, it } from 'vitest';
import { indexParts, partsFileContent, readIndexParts } from '../../../src/lib/search/index-parts.ts';

const pages = (n: number) => Array.from({ length: n }, (_, i) => `documents/d${String(i).padStart(4, '0')}/index.html`);

describe('the search index in parts', () => {
	it('one bundle, `pagefind`, up to the part size', () => {
		expect(indexParts(pages(3), 3)).toEqual([{ bundle: 'pagefind', files: pages(3) }]);
		expect(indexParts([], 3)).toEqual([{ bundle: 'pagefind', files: [] }]);
	});

	it('beyond it, parts of equal size named pagefind, pagefind-2, …, every page in exactly one', () => {
		const parts = indexParts(pages(4005), 1500);
		expect(parts.map((part) => part.bundle)).toEqual(['pagefind', 'pagefind-2', 'pagefind-3']);
		expect(parts.map((part) => part.files.length)).toEqual([1335, 1335, 1335]);
		expect(parts.flatMap((part) => part.files)).toEqual(pages(4005));
	});

	it('cuts the same way whatever order the pages were listed in', () => {
		expect(indexParts([...pages(7)].reverse(), 3)).toEqual(indexParts(pages(7), 3));
	});

	it('refuses a part size that is not a positive integer', () => {
		expect(() => indexParts(pages(2), 0)).toThrow(RangeError);
		expect(() => indexParts(pages(2), 1.5)).toThrow(RangeError);
	});

	it('the parts file names the extra bundles, and reading it keeps only the portal’s own bundle names', () => {
		const content = partsFileContent(indexParts(pages(5), 2));
		expect(readIndexParts(JSON.parse(content))).toEqual(['pagefind-2/', 'pagefind-3/']);
		expect(readIndexParts({ parts: ['pagefind-2/', '../x/', 'https://example.com/pagefind/', 'pagefind-0/', 7] })).toEqual(['pagefind-2/']);
		expect(readIndexParts(undefined)).toEqual([]);
		expect(readIndexParts({ parts: 'pagefind-2/' })).toEqual([]);
	});
});
