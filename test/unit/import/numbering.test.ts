import { describe, expect, it } from 'vitest';
import {
	docxNumberFormat,
	formatNumber,
	ListCounters,
	odfNumberFormat,
	renderLabel,
	type LevelFormat,
} from '../../../src/lib/import/numbering.ts';

describe('formatNumber', () => {
	it.each([
		[1, '一'],
		[9, '九'],
		[10, '十'],
		[11, '十一'],
		[20, '二十'],
		[21, '二十一'],
		[99, '九十九'],
		[100, '一百'],
		[101, '一百零一'],
		[110, '一百一十'],
	])('counts %i in Chinese as %s', (n, text) => {
		expect(formatNumber(n, 'counting')).toBe(text);
	});

	it.each([
		[1, '壹'],
		[3, '參'],
		[9, '玖'],
		[10, '拾'],
		[11, '拾壹'],
		[20, '貳拾'],
		[23, '貳拾參'],
	])('writes %i in the 壹貳參 section scheme as %s', (n, text) => {
		expect(formatNumber(n, 'legal')).toBe(text);
	});

	it('writes the other schemes Word and LibreOffice offer', () => {
		expect([1, 2, 10].map((n) => formatNumber(n, 'stems'))).toEqual(['甲', '乙', '癸']);
		expect(formatNumber(4, 'lowerRoman')).toBe('iv');
		expect(formatNumber(14, 'upperRoman')).toBe('XIV');
		expect(formatNumber(27, 'lowerLetter')).toBe('aa');
		expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
		expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
		expect(formatNumber(7, 'decimalZero')).toBe('07');
		expect(formatNumber(7, 'none')).toBe('');
	});
});

describe('format names', () => {
	it('maps Word numFmt values; bullets are not numbers', () => {
		expect(docxNumberFormat('ideographLegalTraditional')).toBe('legal');
		expect(docxNumberFormat('taiwaneseCountingThousand')).toBe('counting');
		expect(docxNumberFormat('taiwaneseCounting')).toBe('counting');
		expect(docxNumberFormat('ideographTraditional')).toBe('stems');
		expect(docxNumberFormat('decimal')).toBe('decimal');
		expect(docxNumberFormat('bullet')).toBeUndefined();
	});

	it("maps ODF num-format values, LibreOffice's Chinese ones included", () => {
		expect(odfNumberFormat('壹, 貳, 參, ...')).toBe('legal');
		expect(odfNumberFormat('一, 二, 三, ...')).toBe('counting');
		expect(odfNumberFormat('1')).toBe('decimal');
		expect(odfNumberFormat('i')).toBe('lowerRoman');
		expect(odfNumberFormat('')).toBe('none');
	});
});

describe('renderLabel and ListCounters', () => {
	const levels: LevelFormat[] = [
		{ format: 'legal', template: '%1、', start: 1 },
		{ format: 'counting', template: '%2、', start: 1 },
		{ format: 'counting', template: '（%3）', start: 1 },
		{ format: 'decimal', template: '%4.', start: 1 },
	];

	it('fills the template with each level in its own format', () => {
		expect(renderLabel('（%3）', [2, 1, 3], levels)).toBe('（三）');
		expect(renderLabel('%1.%2', [3, 2], levels)).toBe('參.二');
		expect(renderLabel('%1.%2', [3, 2], levels, true)).toBe('3.2');
	});

	it('counts up per level and starts deeper levels again', () => {
		const counters = new ListCounters();
		const starts = [1, 1, 1];
		expect(counters.advance('a', 0, starts)).toEqual([1]);
		expect(counters.advance('a', 1, starts)).toEqual([1, 1]);
		expect(counters.advance('a', 1, starts)).toEqual([1, 2]);
		expect(counters.advance('a', 0, starts)).toEqual([2]);
		expect(counters.advance('a', 1, starts)).toEqual([2, 1]);
		expect(counters.advance('b', 0, starts)).toEqual([1]);
		counters.restartAt('a', 1, 5);
		expect(counters.advance('a', 1, starts)).toEqual([2, 5]);
	});
});
