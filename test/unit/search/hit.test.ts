import { describe, expect, it } from 'vitest';
import { sectionLabel, toHit } from '../../../src/lib/search/hit.ts';

describe('toHit', () => {
	const words = ['1.', ' ', '目的', '。', '5.1', ' ', '通行碼', '之', '長度', '為', '12', '字元', '。'];
	const data = {
		url: '/documents/isms-s-001/',
		content: words.join(''),
		raw_content: words.join('\u200b'),
		excerpt: 'pagefind',
		meta: { title: '通行碼設定作業說明', docNo: 'ISMS-S-001', version: '1.0', status: '現行版', standing: '1.0 版為現行版本' },
		anchors: [
			{ element: 'h2', id: 'sec-1', text: '1. 目的', location: 0 },
			{ element: 'li', id: 'sec-5-1', text: '5.1 通行碼之長度為12字元。', location: 4 },
		],
	};

	it('makes the excerpt where the most terms are together, marks them, and links the clause it is in', () => {
		const hit = toHit(
			data,
			[
				['通行碼', 0],
				['長度', 1],
			],
			false,
			true,
		);
		expect(hit).toMatchObject({
			url: '/documents/isms-s-001/#sec-5-1',
			section: '第 5.1 節',
			docNo: 'ISMS-S-001',
			standing: '1.0 版為現行版本',
			complete: true,
		});
		expect(hit.excerpt).toContain('<mark>通行碼</mark>之<mark>長度</mark>');
	});

	it('shows the beginning of a named page that has none of the words', () => {
		const hit = toHit(data, [['颱風', 0]], true, false);
		expect(hit.excerpt.startsWith('1. 目的')).toBe(true);
		expect(hit.url).toBe('/documents/isms-s-001/');
	});

	it('labels clause anchors by number and other headings by their text', () => {
		expect(sectionLabel({ id: 'sec-6-4-2', text: '6.4.2 文件管制' })).toBe('第 6.4.2 節');
		// The official scheme, named as the outline names it (describeClause), encoded or not.
		expect(sectionLabel({ id: 'sec-參-一-（二）', text: '（二）範圍' })).toBe('參、一、（二）');
		expect(sectionLabel({ id: encodeURIComponent('sec-壹-一'), text: '一、目的' })).toBe('壹、一、');
		expect(sectionLabel({ id: 'sec-6-4-3_（一）', text: '（一）甲' })).toBe('6.4.3 （一）');
		expect(sectionLabel({ id: 'scope', text: '適用範圍' })).toBe('適用範圍');
	});
});
