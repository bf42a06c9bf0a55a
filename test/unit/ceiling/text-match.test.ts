import { describe, expect, it } from 'vitest';
import { squeeze, TextMatcher } from '../../../src/lib/ceiling/text-match.ts';

describe('squeeze', () => {
	it('removes white space of any width and zero-width spaces', () => {
		expect(squeeze(' VPN　存取\n規範\u200b 2.0\t版 ')).toBe('VPN存取規範2.0版');
	});
});

describe('TextMatcher', () => {
	it('finds every occurrence of every pattern, overlapping ones included, in text order', () => {
		const matcher = new TextMatcher(['機房門禁', '門禁紀錄', '/documents/isms-s-004/']);
		expect(matcher.findAll('依機房門禁紀錄及 /documents/isms-s-004/ 與機房門禁')).toEqual([
			{ pattern: 0, index: 1 },
			{ pattern: 1, index: 3 },
			{ pattern: 2, index: 9 },
			{ pattern: 0, index: 33 },
		]);
	});

	it('finds patterns sharing their first characters, at the very end of the text', () => {
		expect(new TextMatcher(['ab', 'abc', 'abd']).findAll('xabd')).toEqual([
			{ pattern: 0, index: 1 },
			{ pattern: 2, index: 1 },
		]);
	});

	it('tells whether any pattern occurs', () => {
		const matcher = new TextMatcher(['ISMS-S-004', 'ISMS-R-002']);
		expect(matcher.test('依 ISMS-R-002 辦理')).toBe(true);
		expect(matcher.test('依 ISMS-R-003 辦理')).toBe(false);
		expect(new TextMatcher([]).test('x')).toBe(false);
	});

	it('finds nothing with no patterns, and refuses a one-character pattern', () => {
		expect(new TextMatcher([]).findAll('anything')).toEqual([]);
		expect(() => new TextMatcher(['a'])).toThrow(RangeError);
	});
});

describe('TextMatcher.findAllLoose', () => {
	const loose = new TextMatcher(['限閱內文CANARY', '/documents/isms-s-004/', '電腦機房']);
	const matcher = loose;

	it('skips spaces inside an occurrence, and reports where it starts in the text as written', () => {
		expect(matcher.findAllLoose('x 限閱 內文\n CANARY y')).toEqual([{ pattern: 0, index: 2, end: 15 }]);
		expect(matcher.findAllLoose('限閱內文CANAR')).toEqual([]);
	});

	it('skips tags inside an occurrence only when asked (markup)', () => {
		const matcher = {
			findAllLoose: (text: string, tags?: boolean) => loose.findAllLoose(text, tags).map(({ pattern, index }) => ({ pattern, index })),
		};
		const html = '<p>限閱<strong>內文</strong> <a href="/documents/isms-s-004/">CANARY</a></p>';
		expect(matcher.findAllLoose(html, true)).toEqual([
			{ pattern: 0, index: 3 },
			{ pattern: 1, index: 34 },
		]);
		expect(matcher.findAllLoose(html, false)).toEqual([{ pattern: 1, index: 34 }]);
		// A lone < is text, not a tag.
		expect(matcher.findAllLoose('電腦 < 機房', true)).toEqual([]);
		expect(matcher.findAllLoose('電<br>腦機房', true)).toEqual([{ pattern: 2, index: 0 }]);
	});
});
