import { describe, expect, it } from 'vitest';
import {
	anchorOf,
	canonicalAnchor,
	depthOf,
	describeClause,
	labelOf,
	listMarker,
	parseAnchor,
	pathEquals,
	readMarker,
	stripMarker,
	type ClausePath,
} from '../../../src/lib/outline/numbering.ts';

const upper = (number: number) => ({ scheme: 'upper', number }) as const;
const han = (number: number) => ({ scheme: 'han', number }) as const;
const hanParen = (number: number) => ({ scheme: 'han-paren', number }) as const;
const arabic = (number: number) => ({ scheme: 'arabic', number }) as const;
const arabicParen = (number: number) => ({ scheme: 'arabic-paren', number }) as const;
const decimal = (...numbers: number[]) => ({ scheme: 'decimal', numbers }) as const;

describe('readMarker: the decimal scheme (as the retired src/lib/clauses.ts read it)', () => {
	it.each([
		['6.4.3 文件', [6, 4, 3]],
		['6.3.1.1.4 風險處理', [6, 3, 1, 1, 4]],
		['1.1.1 建立、落實及維護資訊安全管理政策。', [1, 1, 1]],
		['2.2 資訊安全管理涵蓋 14 項管理事項', [2, 2]],
		['  6.4 leading whitespace', [6, 4]],
		['\n2.1 after a newline', [2, 1]],
		['6.4', [6, 4]],
		['6.4\t文件', [6, 4]],
		['6.4.3. 尾端句點', [6, 4, 3]],
	])('%j is decimal %j', (text, numbers) => {
		expect(readMarker(text, 'text')?.segment).toEqual(decimal(...numbers));
		expect(readMarker(text, 'heading')?.segment).toEqual(decimal(...numbers));
	});

	it.each([
		['1. 目的', 1],
		['10. 附則', 10],
		['1.\u3000目的', 1],
	])('%j is the single number %i', (text, number) => {
		expect(readMarker(text, 'text')?.segment).toEqual(arabic(number));
	});

	it.each([
		['ISO 27001', 'not a number'],
		['14 項', 'a bare number in running text'],
		['2020 年', 'a year'],
		['本政策第 6.4.3 節', 'a number that does not lead'],
		['6.4.3文件', 'no space after the number'],
		['2020-10-16 發布', 'a date'],
		['1234.5 元', 'more than three digits'],
		['1.5倍', 'a decimal fraction'],
		['A.9.2.1 存取控制', 'an Annex A control id'],
		['', 'empty'],
	])('%j has no clause number (%s)', (text) => {
		expect(readMarker(text, 'text')).toBeUndefined();
	});

	it('reads `1 目的` as a number only in a heading', () => {
		expect(readMarker('1 目的', 'heading')).toMatchObject({ segment: arabic(1), style: 'arabic/heading' });
		expect(readMarker('1 目的', 'text')).toBeUndefined();
		expect(readMarker('2020 年度計畫', 'heading')).toBeUndefined();
	});

	it('marks `1.目的` (no space) as tight: outline.ts decides where that is a clause', () => {
		expect(readMarker('1.目的', 'text')).toMatchObject({ segment: arabic(1), tight: true });
		expect(readMarker('１．全形', 'text')).toMatchObject({ segment: arabic(1), tight: true });
		expect(readMarker('1. 目的', 'text')?.tight).toBeUndefined();
	});
});

describe('readMarker: the official scheme', () => {
	it.each([
		['壹、總則', upper(1), 'upper', 2],
		['參、目的:', upper(3), 'upper', 2],
		['叁、目的', upper(3), 'upper', 2],
		['拾壹、附則', upper(11), 'upper', 3],
		['一、本要點', han(1), 'han', 2],
		['十一、', han(11), 'han', 3],
		['二十、其他', han(20), 'han', 3],
		['（一）資訊', hanParen(1), 'han-paren', 3],
		['(二)資料', hanParen(2), 'han-paren', 3],
		['（三) 混寫', hanParen(3), 'han-paren', 4],
		['1、資料查詢', arabic(1), 'arabic/、', 2],
		['１． 全形', arabic(1), 'arabic/.', 3],
		['（1）小項', arabicParen(1), 'arabic-paren', 3],
		['(12) 半形', arabicParen(12), 'arabic-paren', 5],
		['（１）全形數字', arabicParen(1), 'arabic-paren', 3],
	])('%j', (text, segment, style, length) => {
		expect(readMarker(text, 'text')).toEqual({ segment, style, length });
	});

	it.each(['一一、', '十十、', '甲、', '(甲)', '零、', '(一', '一，'])('%j is not a clause number', (text) => {
		expect(readMarker(text, 'text')).toBeUndefined();
	});

	it('gives arabic numbers a style per way of writing them, so that different ways nest', () => {
		expect(readMarker('1. 甲', 'text')?.style).toBe('arabic/.');
		expect(readMarker('1、甲', 'text')?.style).toBe('arabic/、');
		expect(readMarker('1. 甲', 'heading')?.style).toBe('arabic/heading');
		expect(listMarker(3)).toEqual({ segment: arabic(3), style: 'arabic/.', length: 0 });
	});
});

describe('stripMarker', () => {
	it('drops the clause number a text starts with', () => {
		expect(stripMarker('（二）資料及資訊系統')).toBe('資料及資訊系統');
		expect(stripMarker('6.4.3 文件管制')).toBe('文件管制');
		expect(stripMarker('1 目的', 'heading')).toBe('目的');
		expect(stripMarker('沒有條次')).toBe('沒有條次');
	});
});

describe('anchorOf', () => {
	it.each<[ClausePath, string]>([
		[[decimal(6, 4, 3)], 'sec-6-4-3'],
		[[decimal(1)], 'sec-1'],
		[[decimal(6, 3, 1, 1, 4)], 'sec-6-3-1-1-4'],
		[[upper(3), han(1), hanParen(2)], 'sec-參-一-（二）'],
		[[upper(3), han(1), hanParen(2), arabic(1), arabicParen(1)], 'sec-參-一-（二）-1-（1）'],
		[[han(11)], 'sec-十一'],
		[[upper(11)], 'sec-拾壹'],
		[[decimal(6, 4, 3), hanParen(1)], 'sec-6-4-3_（一）'],
		[[decimal(1), arabic(2)], 'sec-1_2'],
		[[{ scheme: 'part', number: 2 }, upper(1)], 'sec-第2部分-壹'],
	])('%j → %s', (path, anchor) => {
		expect(anchorOf(path)).toBe(anchor);
	});

	it('keeps an ordered item under clause 1 apart from clause 1.2', () => {
		expect(anchorOf([decimal(1), arabic(2)])).not.toBe(anchorOf([decimal(1, 2)]));
	});

	it('gives ids that work as CSS identifiers and end in no ASCII punctuation', () => {
		const ids = [
			anchorOf([upper(3), han(1), hanParen(2)]),
			anchorOf([han(4), hanParen(2), arabic(1), arabicParen(3)]),
			anchorOf([decimal(1), arabic(2)]),
		];
		for (const id of ids) {
			// CSS ident code points: letters, digits, -, _ and everything from U+0080.
			expect(id).toMatch(/^[A-Za-z][\w\-\u0080-\u{10FFFF}]*$/u);
			expect(id).not.toMatch(/[.)(]$/u);
		}
	});

	it('refuses an empty path', () => {
		expect(() => anchorOf([])).toThrow(RangeError);
	});
});

describe('parseAnchor and canonicalAnchor', () => {
	it('read back every anchor anchorOf writes', () => {
		const paths: ClausePath[] = [
			[decimal(6, 4, 3)],
			[upper(3), han(1), hanParen(2), arabic(1), arabicParen(1)],
			[decimal(6, 4, 3), hanParen(1)],
			[decimal(1), arabic(2)],
			[{ scheme: 'part', number: 2 }, upper(1), han(2)],
			[{ scheme: 'part', number: 2 }, decimal(1, 1)],
		];
		for (const path of paths) expect(pathEquals(parseAnchor(anchorOf(path))!, path)).toBe(true);
	});

	it('read an address copied from the browser (percent-encoded), with or without #', () => {
		const copied = `#${encodeURIComponent('sec-參-一-（二）')}`;
		expect(canonicalAnchor(copied)).toBe('sec-參-一-（二）');
	});

	it('accept half-width parentheses and variant numerals, and give the canonical anchor', () => {
		expect(canonicalAnchor('sec-叁-一-(二)-1-(1)')).toBe('sec-參-一-（二）-1-（1）');
		expect(canonicalAnchor('sec-6-4-3')).toBe('sec-6-4-3');
	});

	it.each(['sec-', 'sec-甲', 'toc-1', 'sec-1_2_3', 'sec-a_1', 'sec-參--一', '%E0%A4%A', 'sec-(甲)'])('do not read %j', (fragment) => {
		expect(parseAnchor(fragment)).toBeUndefined();
		expect(canonicalAnchor(fragment)).toBeUndefined();
	});
});

describe('labels', () => {
	it('write a path as staff do', () => {
		expect(labelOf([decimal(6, 4, 3)])).toBe('6.4.3');
		expect(labelOf([upper(3), han(1), hanParen(2), arabic(1), arabicParen(1)])).toBe('參、一、（二）1.（1）');
		expect(labelOf([decimal(6, 4, 3), hanParen(1)])).toBe('6.4.3 （一）');
		expect(labelOf([{ scheme: 'part', number: 2 }, upper(1)])).toBe('（第 2 部分）壹、');
	});

	it('name a decimal clause 第 6.4.3 節 and others by their path', () => {
		expect(describeClause([decimal(6, 4, 3)])).toBe('第 6.4.3 節');
		expect(describeClause([upper(3), han(1), hanParen(2)])).toBe('參、一、（二）');
	});

	it('count levels, each decimal number one', () => {
		expect(depthOf([decimal(6, 4, 3)])).toBe(3);
		expect(depthOf([upper(3), han(1), hanParen(2)])).toBe(3);
		expect(depthOf([{ scheme: 'part', number: 2 }, upper(1)])).toBe(1);
	});
});
