import { describe, expect, it } from 'vitest';
import { synonymIndex } from '../../../src/lib/search/synonyms.ts';

describe('synonymIndex', () => {
	it('gives every word of a group for any of them, the word itself first, ignoring case and width', () => {
		const index = synonymIndex([['通行碼', '密碼', 'password']]);
		expect(index.alternatives('密碼')).toEqual(['密碼', '通行碼', 'password']);
		expect(index.alternatives('ＰＡＳＳＷＯＲＤ')).toEqual(['ＰＡＳＳＷＯＲＤ', '通行碼', '密碼']);
		expect(index.alternatives('長度')).toEqual(['長度']);
	});

	it('does not chain groups: a word in two groups gets both, their other words do not meet', () => {
		const index = synonymIndex([
			['事件', '事故'],
			['資安事件', '事件'],
		]);
		expect(index.alternatives('事件')).toEqual(['事件', '事故', '資安事件']);
		expect(index.alternatives('事故')).toEqual(['事故', '事件']);
	});

	it('offers its words longest first as the dictionary for cutting queries', () => {
		expect(synonymIndex([['隨身碟', 'USB', '可攜式儲存媒體']]).vocabulary).toEqual(['可攜式儲存媒體', 'usb', '隨身碟']);
	});
});
