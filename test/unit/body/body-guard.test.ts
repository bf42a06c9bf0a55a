import { describe, expect, it } from 'vitest';
import { scanBody, treeNestingFault } from '../../../src/lib/body/body-guard.ts';
import { LIMITS } from '../../../src/lib/limits.ts';
import { parseBody } from '../../../src/lib/body/mdx.ts';

/** Bodies nested `n` deep, each in a different way a hostile or careless file may nest. */
const NESTED: Record<string, (n: number) => string> = {
	'bullet lists by indentation': (n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- 第 ${i + 1} 層`).join('\n'),
	'ordered lists by indentation': (n) => Array.from({ length: n }, (_, i) => `${'   '.repeat(i)}1. 第 ${i + 1} 層`).join('\n'),
	'lists indented by tabs': (n) => Array.from({ length: n }, (_, i) => `${'\t'.repeat(i)}- x`).join('\n'),
	'list markers on one line': (n) => `${'- '.repeat(n)}x`,
	'quote markers on one line': (n) => `${'>'.repeat(n)} x`,
	'quotes line by line': (n) => Array.from({ length: n }, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n'),
	'lists inside a quote': (n) => Array.from({ length: n - 1 }, (_, i) => `> ${'  '.repeat(i)}- x`).join('\n'),
	'quote and list alternating': (n) => `${'> - '.repeat(n / 2)}x`,
	'lists with lazy lines': (n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- x\n繼續`).join('\n'),
	'lists with blank lines': (n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- x`).join('\n\n'),
	'inline components': (n) => `${'<span>'.repeat(n)}x${'</span>'.repeat(n)}`,
	'block components': (n) => `${'<div>\n'.repeat(n)}\nx\n\n${'</div>\n'.repeat(n)}`,
};

describe('scanBody and treeNestingFault: nesting', () => {
	it.each(Object.entries(NESTED))('%s: passes at the limit, one fault just above it, the scan agreeing with the tree', (_, nested) => {
		const atLimit = nested(LIMITS.nesting);
		expect(scanBody(atLimit, 1)).toEqual([]);
		expect(treeNestingFault(parseBody(atLimit))).toBeUndefined();

		const above = nested(LIMITS.nesting + 2);
		const scanned = scanBody(above, 1);
		expect(scanned).toEqual([
			{
				line: expect.any(Number),
				column: expect.any(Number),
				rule: 'limit/nesting',
				message: expect.stringContaining(`超過 ${LIMITS.nesting} 層的上限`),
			},
		]);
		expect(treeNestingFault(parseBody(above))).toEqual(scanned[0]);
	});

	// The cases: they crashed `npm run check` (3,000 list levels, 5,000 quotes) or passed it
	// and crashed the build (1,000 list levels). The scan stops them before the parser.
	it.each([
		['3,000 list levels', NESTED['list markers on one line']!(3000)],
		['5,000 nested quotes', '>'.repeat(5000) + ' x'],
		['1,000 list levels by indentation', NESTED['bullet lists by indentation']!(1000)],
		['100,000 inline components', NESTED['inline components']!(100_000)],
	])('%s: one fault, found by the scan in milliseconds', (_, body) => {
		const started = performance.now();
		expect(scanBody(body, 11).map((f) => f.rule)).toEqual(['limit/nesting']);
		expect(performance.now() - started).toBeLessThan(2000);
	});

	it('counts emphasis, strikethrough and links, which only the tree shows exactly', () => {
		const strong = `${'**'.repeat(LIMITS.nesting + 1)}x${'**'.repeat(LIMITS.nesting + 1)}`;
		expect(treeNestingFault(parseBody(strong, 9))).toEqual({
			line: 10,
			column: 1 + 2 * LIMITS.nesting,
			rule: 'limit/nesting',
			message: expect.any(String),
		});
		expect(treeNestingFault(parseBody(`${'**'.repeat(LIMITS.nesting)}x${'**'.repeat(LIMITS.nesting)}`))).toBeUndefined();
	});

	it('does not count markers in code, table pipes or clause numbers', () => {
		const body = [
			'```',
			...Array.from({ length: 30 }, (_, i) => `${'  '.repeat(i)}- <div>`),
			'```',
			'',
			'- 6.4.2.1 在文件發行前核准其適切性。',
			'  1. 子項',
			'',
			'`<a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a>`',
		].join('\n');
		expect(scanBody(body, 1)).toEqual([]);
	});
});

describe('scanBody: emphasis marks per paragraph', () => {
	const marks = (n: number) => '*_'.repeat(n / 2);

	it(`passes ${LIMITS.inlineMarks} marks in a paragraph and reports one more at the paragraph's first line`, () => {
		expect(scanBody(`甲\n\n${marks(LIMITS.inlineMarks)}\n`, 5)).toEqual([]);
		expect(scanBody(`甲\n\n第一行\n${marks(LIMITS.inlineMarks + 2)}\n`, 5)).toEqual([
			{ line: 7, column: 1, rule: 'limit/inline-marks', message: expect.stringContaining(`超過 ${LIMITS.inlineMarks} 個的上限`) },
		]);
	});

	it('counts character references with them, and each table row and list item on its own', () => {
		expect(scanBody('&amp;'.repeat(LIMITS.inlineMarks + 1), 1).map((f) => f.rule)).toEqual(['limit/inline-marks']);
		const table = ['| 項目 | 說明 |', '| --- | --- |', ...Array.from({ length: 200 }, () => '| **甲** | **乙** |')].join('\n');
		expect(scanBody(table, 1)).toEqual([]);
		const list = Array.from({ length: 200 }, () => '- **名詞**：說明').join('\n');
		expect(scanBody(list, 1)).toEqual([]);
	});
});

describe('scanBody: an empty body', () => {
	it.each(['', '\n', '  \n\n\t\n'])('%j is a version without text', (body) => {
		expect(scanBody(body, 12)).toEqual([{ line: 12, column: 1, rule: 'mdx/empty-body', message: expect.stringContaining('內文是空的') }]);
	});
});
