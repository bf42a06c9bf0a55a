import { describe, expect, it } from 'vitest';
import { matchLabels } from '../../../src/lib/import/labels.ts';
import { bullets, cell, header, para, row, table } from './_ast.ts';

describe('matchLabels', () => {
	it('pairs blocks with numbered paragraphs by text, in document order', () => {
		const h = header(1, '依據及目的');
		const intro = para('本計畫依據下列法規訂定:');
		const a = para('資通安全 管理法');
		const b = para('市府政策');
		const { labels, unmatched } = matchLabels(
			[h, intro, bullets([a], [b])],
			[
				{ label: '壹、', text: '依據及目的' },
				{ label: '一、', text: '資通安全管理法' },
				{ label: '二、', text: '市府政策' },
			],
		);
		expect([labels.get(h), labels.get(intro), labels.get(a), labels.get(b)]).toEqual(['壹、', undefined, '一、', '二、']);
		expect(unmatched).toEqual([]);
	});

	it('does not number twice a paragraph whose text already starts with its number, and reports numbers without a block', () => {
		const typed = para('一、目的');
		const { labels, unmatched } = matchLabels(
			[typed],
			[
				{ label: '一、', text: '一、目的' },
				{ label: '二、', text: '消失的段落' },
				{ label: '三、', text: '' },
			],
		);
		expect(labels.size).toBe(0);
		expect(unmatched).toEqual([{ label: '二、', text: '消失的段落' }]);
	});

	it('finds numbered paragraphs in table cells, and a repeated text takes the next number', () => {
		const inCell = para('事項');
		const again = para('事項');
		const { labels } = matchLabels(
			[table([row(cell([inCell]))]), again],
			[
				{ label: '1.', text: '事項' },
				{ label: '2.', text: '事項' },
			],
		);
		expect([labels.get(inCell), labels.get(again)]).toEqual(['1.', '2.']);
	});
});
