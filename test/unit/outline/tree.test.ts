import { describe, expect, it } from 'vitest';
import { isElement, normalise, rawText, startOf, textStartOf, type MdNode } from '../../../src/lib/outline/tree.ts';
import { remark, satteri } from './_trees.ts';

describe('tree helpers', () => {
	it('read a block’s text without its formatting, whitespace collapsed', () => {
		for (const tree of [satteri('一、**本要點**依\n  下列規定辦理。\n'), remark('一、**本要點**依\n  下列規定辦理。\n')]) {
			const paragraph = tree.children![0]!;
			expect(rawText(paragraph)).toBe('一、本要點依\n下列規定辦理。');
			expect(normalise(rawText(paragraph))).toBe('一、本要點依 下列規定辦理。');
		}
	});

	it('collapse every kind of whitespace, and only trim a text whose spaces are single', () => {
		// The second group takes the shortcut (nothing to collapse): the same result as the first.
		expect(['a\tb', 'a\u00a0b', 'a\u3000b', 'a  b', 'a \n b', '\n a b\r\n'].map(normalise)).toEqual([
			'a b',
			'a b',
			'a b',
			'a b',
			'a b',
			'a b',
		]);
		expect([' a b ', 'a b', '一、 目的', '', ' '].map(normalise)).toEqual(['a b', 'a b', '一、 目的', '', '']);
	});

	it('point at where a heading’s text starts, after the #', () => {
		for (const tree of [satteri('### 一、總則\n'), remark('### 一、總則\n')]) {
			const heading = tree.children![0]!;
			expect(startOf(heading)).toEqual({ line: 1, column: 1 });
			expect(textStartOf(heading)).toEqual({ line: 1, column: 5 });
		}
	});

	it('fall back to line 0 for a node without a position', () => {
		expect(startOf({ type: 'text', value: 'x' })).toEqual({ line: 0, column: 0 });
		expect(textStartOf({ type: 'paragraph', children: [{ type: 'text', value: 'x' }] })).toEqual({ line: 0, column: 0 });
	});

	it('recognise MDX elements by name, whatever the case', () => {
		const table: MdNode = { type: 'mdxJsxFlowElement', name: 'TABLE' };
		expect(isElement(table, 'table')).toBe(true);
		expect(isElement({ type: 'mdxJsxTextElement', name: 'td' }, 'td', 'th')).toBe(true);
		expect(isElement({ type: 'paragraph' }, 'table')).toBe(false);
	});
});
