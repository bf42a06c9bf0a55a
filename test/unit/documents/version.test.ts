import { describe, it, expect } from 'vitest';
import { compareVersions, isVersion, parseVersion, VERSION_PATTERN } from '../../../src/lib/documents/version.ts';

describe('parseVersion', () => {
	it('reads MAJOR.MINOR as two numbers', () => {
		expect(parseVersion('1.0')).toEqual({ major: 1, minor: 0 });
		expect(parseVersion('1.10')).toEqual({ major: 1, minor: 10 });
		expect(parseVersion('0.1')).toEqual({ major: 0, minor: 1 });
		expect(parseVersion('12.345')).toEqual({ major: 12, minor: 345 });
	});

	it.each([
		['1', 'no minor part'],
		['1.0.0', 'three parts'],
		['01.0', 'leading zero in major'],
		['1.01', 'leading zero in minor (would read as 1.1)'],
		['v1.0', 'a v prefix'],
		['', 'empty'],
		['1.', 'empty minor'],
		['.1', 'empty major'],
		[' 1.0', 'leading space'],
		['1.0 ', 'trailing space'],
		['1,0', 'comma'],
		['一.〇', 'non-ASCII digits'],
	])('rejects %j (%s)', (value) => {
		expect(parseVersion(value)).toBeUndefined();
		expect(isVersion(value)).toBe(false);
		expect(VERSION_PATTERN.test(value)).toBe(false);
	});

	it('isVersion accepts what parseVersion parses', () => {
		for (const value of ['0.0', '1.0', '1.9', '1.10', '2.0', '10.99']) expect(isVersion(value)).toBe(true);
	});
});

describe('compareVersions', () => {
	it('compares numerically, not as text', () => {
		expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0);
		expect(compareVersions('1.9', '1.10')).toBeLessThan(0);
		expect(compareVersions('2.0', '1.99')).toBeGreaterThan(0);
		expect(compareVersions('1.99', '2.0')).toBeLessThan(0);
		expect(compareVersions('10.0', '9.0')).toBeGreaterThan(0);
		expect(compareVersions('1.2', '1.10')).toBeLessThan(0);
	});

	it('is 0 for the same version', () => {
		expect(compareVersions('1.0', '1.0')).toBe(0);
		expect(compareVersions('1.10', '1.10')).toBe(0);
	});

	it('sorts a version list in numeric order', () => {
		const sorted = ['1.9', '2.0', '1.10', '1.0', '0.1', '1.2'].sort(compareVersions);
		expect(sorted).toEqual(['0.1', '1.0', '1.2', '1.9', '1.10', '2.0']);
	});

	it.each([
		['1', '1.0', '1'],
		['1.0', '1.0.0', '1.0.0'],
		['v1.0', '1.0', 'v1.0'],
		['1.0', '', ''],
		['01.0', '1.0', '01.0'],
	])('throws a TypeError naming the malformed version (%j vs %j)', (a, b, bad) => {
		expect(() => compareVersions(a, b)).toThrow(TypeError);
		expect(() => compareVersions(a, b)).toThrow(`: ${bad}`);
	});
});
