import { describe, expect, it } from 'vitest';
import { searchFilters } from '../../../src/lib/search/filters.ts';

describe('searchFilters', () => {
	it('by default leaves out versions that are not in force (pages without a status still pass)', () => {
		expect(searchFilters()).toEqual({ status: { none: ['已被取代', '尚未生效', '已廢止', '草稿'] } });
	});

	it('includes them on request, and filters by 文件類別 and 機密等級 (any of the chosen values)', () => {
		expect(searchFilters({ includeHistory: true, tiers: ['第二階文件'], classifications: ['公開', '內部使用'] })).toEqual({
			tier: { any: ['第二階文件'] },
			classification: { any: ['公開', '內部使用'] },
		});
	});
});
