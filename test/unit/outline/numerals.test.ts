import { describe, expect, it } from 'vitest';
import { asciiDigits, formatNumeral, parseDigits, parseNumeral } from '../../../src/lib/outline/numerals.ts';

describe('parseNumeral', () => {
	it.each([
		['一', 1],
		['九', 9],
		['十', 10],
		['十一', 11],
		['十九', 19],
		['二十', 20],
		['二十一', 21],
		['九十九', 99],
		['一百', 100],
		['一百零五', 105],
		['一百一十', 110],
		['一百十', 110],
		['九百九十九', 999],
	])('reads %s as %i', (text, value) => {
		expect(parseNumeral(text, 'lower')).toBe(value);
	});

	it.each([
		['壹', 1],
		['參', 3],
		['叁', 3],
		['叄', 3],
		['拾', 10],
		['壹拾', 10],
		['拾壹', 11],
		['貳拾', 20],
		['貳拾壹', 21],
		['壹佰零貳', 102],
	])('reads the capital %s as %i', (text, value) => {
		expect(parseNumeral(text, 'upper')).toBe(value);
	});

	it.each(['', '一一', '十十', '二百十十', '零', '〇', '百', '一百五', '一百零', '五十零', '一百零十', '甲'])('rejects %j', (text) => {
		expect(parseNumeral(text, 'lower')).toBeUndefined();
	});

	it('keeps the two sets apart', () => {
		expect(parseNumeral('壹', 'lower')).toBeUndefined();
		expect(parseNumeral('一', 'upper')).toBeUndefined();
	});
});

describe('formatNumeral', () => {
	it('writes numbers the canonical way', () => {
		expect([1, 10, 11, 20, 21, 100, 105, 110, 999].map((n) => formatNumeral(n, 'lower'))).toEqual([
			'一',
			'十',
			'十一',
			'二十',
			'二十一',
			'一百',
			'一百零五',
			'一百一十',
			'九百九十九',
		]);
		expect([1, 3, 10, 11, 20, 21].map((n) => formatNumeral(n, 'upper'))).toEqual(['壹', '參', '拾', '拾壹', '貳拾', '貳拾壹']);
	});

	it('reads back what it writes, 1 to 999', () => {
		for (let n = 1; n <= 999; n++) {
			expect(parseNumeral(formatNumeral(n, 'lower'), 'lower')).toBe(n);
			expect(parseNumeral(formatNumeral(n, 'upper'), 'upper')).toBe(n);
		}
	});

	it('refuses what has no numeral', () => {
		expect(() => formatNumeral(0, 'lower')).toThrow(RangeError);
		expect(() => formatNumeral(1000, 'lower')).toThrow(RangeError);
	});
});

describe('full-width digits', () => {
	it('reads them as ASCII', () => {
		expect(asciiDigits('第１２點')).toBe('第12點');
		expect(parseDigits('０７')).toBe(7);
		expect(parseDigits('12')).toBe(12);
	});
});
