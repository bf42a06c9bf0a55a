import { describe, expect, it } from 'vitest';
import {
	compareReleaseNames,
	formatReleaseStamp,
	isTemporaryLinkName,
	nextReleaseName,
	partialRelease,
	releasesToPrune,
} from '../../../src/lib/publish/releases.ts';

const T1 = '20261125T210501Z';
const T2 = '20261125T211000Z';
const T3 = '20261125T212000Z';
const T4 = '20261125T213000Z';

describe('release names', () => {
	it('formats the UTC time to the second', () => {
		expect(formatReleaseStamp(new Date('2026-11-25T21:05:01.789Z'))).toBe('20261125T210501Z');
		expect(formatReleaseStamp(new Date('2026-01-02T03:04:05+08:00'))).toBe('20260101T190405Z');
	});

	it('uses the clock when it is newer than every release, a counter within the same second', () => {
		const now = new Date('2026-11-25T21:05:01.500Z');
		expect(nextReleaseName([], now)).toBe(T1);
		expect(nextReleaseName(['20261125T210500Z'], now)).toBe(T1);
		expect(nextReleaseName([T1], now)).toBe(`${T1}-2`);
		expect(nextReleaseName([T1, `${T1}-2`], now)).toBe(`${T1}-3`);
		expect(nextReleaseName([`${T1}-9`, `${T1}-10`], now)).toBe(`${T1}-11`);
	});

	it('counts .partial leftovers and ignores other folders', () => {
		const now = new Date('2026-11-25T21:05:01Z');
		expect(nextReleaseName([`${T1}.partial`], now)).toBe(`${T1}-2`);
		expect(nextReleaseName(['notes', 'zzz.partial'], now)).toBe(T1);
	});

	it('stays after the newest release when the clock went back', () => {
		expect(nextReleaseName([T2], new Date('2026-11-25T21:05:01.789Z'))).toBe(`${T2}-2`);
	});

	it('orders by time, then by counter as a number', () => {
		const names = [`${T1}-10`, T2, T1, `${T1}-9`, `${T1}-2`];
		expect(names.sort(compareReleaseNames)).toEqual([T1, `${T1}-2`, `${T1}-9`, `${T1}-10`, T2]);
	});
});

describe('releasesToPrune', () => {
	it('removes complete releases beyond keep, oldest first; ignores .partial leftovers and other folders', () => {
		expect(releasesToPrune([T4, T1, T3, T2, `${T4}-2.partial`, 'notes', 'notes.partial'], T4, 2)).toEqual([T1, T2]);
	});

	it('never removes the release current points to, even beyond keep', () => {
		expect(releasesToPrune([T1, T2, T3, T4], T1, 2)).toEqual([T2]);
	});

	it('orders same-second releases by their counter as a number', () => {
		expect(releasesToPrune([`${T1}-10`, `${T1}-9`, T1], `${T1}-10`, 1)).toEqual([T1, `${T1}-9`]);
	});

	it('removes nothing within keep', () => {
		expect(releasesToPrune([T1, T2], T2, 5)).toEqual([]);
	});
});

describe('leftover names', () => {
	it('recognises a .partial copy of a release name only', () => {
		expect(partialRelease(`${T1}.partial`)).toBe(T1);
		expect(partialRelease(`${T1}-2.partial`)).toBe(`${T1}-2`);
		expect([partialRelease(T1), partialRelease('notes.partial'), partialRelease(`${T1}.partial.x`)]).toEqual([null, null, null]);
	});

	it('recognises the temporary symlink of a switch', () => {
		expect(isTemporaryLinkName('current.tmp-4242')).toBe(true);
		expect(['current', 'current.tmp-', 'current.tmp-12a', 'xcurrent.tmp-1'].map(isTemporaryLinkName)).toEqual([false, false, false, false]);
	});
});
