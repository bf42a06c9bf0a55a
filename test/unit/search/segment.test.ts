import { describe, expect, it } from 'vitest';
import { cutHan } from '../../../src/lib/search/segment.ts';

const cut = (text: string, words: string[] = []) => cutHan(text, new Set(words)).map((t) => (t.optional ? `?${t.text}` : t.text));

describe('cutHan', () => {
	it('drops particles and question words', () => {
		expect(cut('備份多久一次')[0]).toBe('備份');
		expect(cut('隨身碟可以用嗎', ['隨身碟'])).toEqual(['隨身碟']);
		expect(cut('資安事件怎麼通報', ['資安事件'])).toEqual(['資安事件', '通報']);
	});

	it('turns a question word into what it asks for, as an optional term (多久 → 期限, 週期 …)', () => {
		expect(cutHan('備份多久一次', new Set())).toEqual([
			{ text: '備份', optional: false },
			{ text: '多久', optional: true, hints: ['期限', '期間', '週期', '頻率', '年限'] },
		]);
	});

	it('joins segments that spell a dictionary (synonym) word', () => {
		expect(cut('通行碼長度', ['通行碼'])).toEqual(['通行碼', '長度']);
		expect(cut('可攜式儲存媒體', ['可攜式儲存媒體'])).toEqual(['可攜式儲存媒體']);
	});

	it('joins a lone character to the word before it, keeping that word as a looser form', () => {
		expect(cutHan('通行碼長度', new Set())).toEqual([
			{ text: '通行碼', base: '通行', optional: false },
			{ text: '長度', optional: false },
		]);
	});

	it('keeps a lone character between particles only as optional, and never glues it to a dictionary word', () => {
		expect(cut('密碼錯幾次會鎖', ['密碼'])).toEqual(['密碼', '?錯', '?幾次', '?鎖']);
	});
});
