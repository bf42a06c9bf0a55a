import { describe, expect, it } from 'vitest';
import { readSearchParams, searchPageUrl } from '../../../src/lib/search/address.ts';

describe('search page address', () => {
	it('carries the query and the filters, and reads back what it wrote', () => {
		const options = { includeHistory: true, tiers: ['第二階文件', '第四階文件'], classifications: ['公開'] };
		const url = searchPageUrl('/', ' 管理審查 ', options);
		expect(url).toBe(
			`/search/?q=${encodeURIComponent('管理審查')}&all=1&tier=${encodeURIComponent('第二階文件')}&tier=${encodeURIComponent('第四階文件')}&classification=${encodeURIComponent('公開')}`,
		);
		expect(readSearchParams(url.slice(url.indexOf('?')))).toEqual({ query: '管理審查', options });
		expect(searchPageUrl('/portal', '')).toBe('/portal/search/');
		expect(readSearchParams('')).toEqual({ query: '', options: { includeHistory: false, tiers: [], classifications: [] } });
	});
});
