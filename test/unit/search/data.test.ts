import { describe, expect, it } from 'vitest';
import { readSearchData, searchData } from '../../../src/lib/search/data.ts';
import { DEFAULT_SYNONYMS } from '../../../src/lib/search/default-synonyms.ts';
import { pd, pv } from '../_helpers.ts';

describe('search data file', () => {
	it('holds the default and the document controller’s synonyms, and the titles of documents in force', () => {
		const model = {
			documents: [
				pd('ISMS-S-001', [pv('ISMS-S-001', '1.0', 'current', { title: '通行碼設定作業說明' })]),
				pd('ISMS-P-007', [pv('ISMS-P-007', '1.1', 'withdrawn')]),
			],
			synonyms: [['公文系統', '電子公文']],
		};
		const data = searchData(model);
		expect(data.synonyms).toHaveLength(DEFAULT_SYNONYMS.length + 1);
		expect(data.synonyms.at(-1)).toEqual(['公文系統', '電子公文']);
		expect(data.documents).toEqual([{ docNo: 'ISMS-S-001', title: '通行碼設定作業說明', url: '/documents/isms-s-001/' }]);
	});

	it('reads what it fetched defensively: anything malformed is left out', () => {
		expect(readSearchData(undefined)).toEqual({ synonyms: [], documents: [] });
		expect(
			readSearchData({ synonyms: [['a', 'b'], 'x', [1]], documents: [{ docNo: 'A' }, { docNo: 'B', title: 'b', url: '/b/' }] }),
		).toEqual({
			synonyms: [['a', 'b']],
			documents: [{ docNo: 'B', title: 'b', url: '/b/' }],
		});
	});
});
