import { describe, expect, it } from 'vitest';
import { containsAll, findMatches, hasHan, matchView, normalizeQuery } from '../../../src/lib/search/text.ts';

describe('normalizeQuery', () => {
	it('turns full-width letters, digits and punctuation into ASCII', () => {
		expect(normalizeQuery('ＩＳＭＳ－Ｐ－００５')).toBe('ISMS-P-005');
	});

	it('drops 「」『』 and quotation marks, and collapses whitespace (including the ideographic space)', () => {
		expect(normalizeQuery('「管理審查」')).toBe('管理審查');
		expect(normalizeQuery('『管理審查』')).toBe('管理審查');
		expect(normalizeQuery('"管理審查"')).toBe('管理審查');
		expect(normalizeQuery('  管理\u3000審查\t')).toBe('管理 審查');
	});

	it('tells Han text', () => {
		expect(hasHan('VPN 設定')).toBe(true);
		expect(hasHan('VPN')).toBe(false);
	});
});

describe('matching', () => {
	it('matches ignoring case, width and spaces between Han characters, but not words apart', () => {
		expect(containsAll('依「ISMS-P-005 資訊安全目標管理程序書」', ['isms-p-005'])).toBe(true);
		expect(containsAll('ＩＳＭＳ－Ｐ－００５', ['ISMS-P-005'])).toBe(true);
		expect(containsAll('管理 審查', ['管理審查'])).toBe(true);
		expect(containsAll('管理階層審查', ['管理審查'])).toBe(false);
		expect(containsAll('管理審查與稽核', ['管理審查', '稽核'])).toBe(true);
		expect(containsAll('管理審查', ['管理審查', '稽核'])).toBe(false);
	});

	it('matches Latin words whole: log is not in login, P-005 not in P-0051, log in is not login', () => {
		expect(containsAll('請 login 系統', ['log'])).toBe(false);
		expect(containsAll('保存 log 檔', ['log'])).toBe(true);
		expect(containsAll('依 ISMS-P-0051', ['ISMS-P-005'])).toBe(false);
		expect(containsAll('log in', ['login'])).toBe(false);
		expect(matchView('TLS 1.2 以上').text).toBe('tls 1.2以上');
	});

	it('finds every occurrence at its place in the original text', () => {
		const text = '「管理 審查」及管理審查';
		expect(findMatches(text, ['管理審查']).map(([s, e]) => text.slice(s, e))).toEqual(['管理 審查', '管理審查']);
	});
});
