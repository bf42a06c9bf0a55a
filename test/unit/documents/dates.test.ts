import { afterEach, describe, it, expect, vi } from 'vitest';
import { formatRocDate, isIsoDate, parseDateInput, parseIsoDate, portalToday, toIsoDate } from '../../../src/lib/documents/dates.ts';

describe('parseIsoDate / isIsoDate', () => {
	it('parses a real calendar day to UTC midnight', () => {
		expect(parseIsoDate('2020-10-16')?.toISOString()).toBe('2020-10-16T00:00:00.000Z');
		expect(parseIsoDate('2020-02-29')?.toISOString()).toBe('2020-02-29T00:00:00.000Z');
		expect(parseIsoDate('2000-02-29')?.toISOString()).toBe('2000-02-29T00:00:00.000Z');
		expect(parseIsoDate('2020-12-31')?.toISOString()).toBe('2020-12-31T00:00:00.000Z');
		expect(isIsoDate('2020-02-29')).toBe(true);
	});

	it.each([
		['2020-02-30', 'February has no 30th'],
		['2021-02-29', '2021 is not a leap year'],
		['1900-02-29', '1900 is not a leap year'],
		['2020-13-01', 'no month 13'],
		['2020-00-10', 'no month 0'],
		['2020-04-31', 'April has 30 days'],
		['2020-10-00', 'no day 0'],
		['2020-10-32', 'no day 32'],
		['2020-1-01', 'one-digit month'],
		['2020-10-1', 'one-digit day'],
		['20201016', 'no dashes'],
		['2020/10/16', 'slashes'],
		['2020-10-16T00:00:00Z', 'a timestamp'],
		[' 2020-10-16', 'leading space'],
		['民國109年10月16日', 'ROC calendar text'],
		['', 'empty'],
	])('rejects %j (%s)', (value) => {
		expect(parseIsoDate(value)).toBeUndefined();
		expect(isIsoDate(value)).toBe(false);
	});
});

describe('toIsoDate', () => {
	it('reads the date in UTC', () => {
		expect(toIsoDate(new Date(Date.UTC(2020, 9, 16)))).toBe('2020-10-16');
		expect(toIsoDate(new Date('2020-10-16T23:59:59.999Z'))).toBe('2020-10-16');
	});

	it('round-trips with parseIsoDate', () => {
		for (const value of ['2020-02-29', '2019-01-01', '2025-12-31']) expect(toIsoDate(parseIsoDate(value)!)).toBe(value);
	});
});

describe('formatRocDate', () => {
	it('gives exactly 民國109年10月16日 for 2020-10-16', () => {
		expect(formatRocDate('2020-10-16')).toBe('民國109年10月16日');
	});

	it('uses no zero padding and counts years from 1912', () => {
		expect(formatRocDate('2021-01-01')).toBe('民國110年1月1日');
		expect(formatRocDate('1912-01-01')).toBe('民國1年1月1日');
		expect(formatRocDate('2026-11-25')).toBe('民國115年11月25日');
	});

	it('accepts a Date (read as a UTC calendar day)', () => {
		expect(formatRocDate(new Date(Date.UTC(2020, 9, 16)))).toBe('民國109年10月16日');
		// Late in the UTC day is still that UTC day, whatever the machine's time zone.
		expect(formatRocDate(new Date('2020-10-16T23:30:00Z'))).toBe('民國109年10月16日');
	});

	it('throws a RangeError for a string that is not a real date', () => {
		expect(() => formatRocDate('2020-02-30')).toThrow(RangeError);
		expect(() => formatRocDate('109/10/16')).toThrow(RangeError);
	});
});

describe('portalToday', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('returns a valid override unchanged', () => {
		expect(portalToday('2025-01-15')).toBe('2025-01-15');
		expect(portalToday('2024-02-29', new Date('2030-06-01T00:00:00Z'))).toBe('2024-02-29');
	});

	it.each(['2024-02-30', '2025-1-15', 'today', '2025-01-15 '])('rejects the override %j with a Chinese message naming it', (value) => {
		let error: unknown;
		try {
			portalToday(value);
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(RangeError);
		const message = (error as Error).message;
		expect(message).toContain('PORTAL_TODAY');
		expect(message).toContain(value);
		expect(message).toContain('YYYY-MM-DD');
		expect(message).toMatch(/[\u4e00-\u9fff]/);
	});

	it("without an override returns today's date in Asia/Taipei (UTC+8)", () => {
		expect(portalToday(undefined, new Date('2026-11-24T17:30:00Z'))).toBe('2026-11-25');
		expect(portalToday(undefined, new Date('2026-11-24T15:59:59Z'))).toBe('2026-11-24');
		expect(portalToday(undefined, new Date('2026-11-24T16:00:00Z'))).toBe('2026-11-25');
		expect(portalToday(undefined, new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
	});

	it('treats an empty override as no override', () => {
		expect(portalToday('', new Date('2026-11-24T17:30:00Z'))).toBe('2026-11-25');
	});

	it('defaults "now" to the current time', () => {
		vi.useFakeTimers({ now: new Date('2026-11-24T17:30:00Z') });
		expect(portalToday(undefined)).toBe('2026-11-25');
	});
});

describe('parseDateInput: the date forms staff write', () => {
	it.each([
		['2024-10-18', '2024-10-18'],
		['民國113年10月18日', '2024-10-18'],
		['中華民國 98 年 12 月 10 日', '2009-12-10'],
		['113-10-18', '2024-10-18'],
		['113.10.18', '2024-10-18'],
		['113.1.8', '2024-01-08'],
	])('reads %j as %s', (written, iso) => {
		expect(parseDateInput(written)).toBe(iso);
	});

	it.each([
		'2024/10/18',
		'113/10/18',
		'113年10月18日',
		'2024年10月18日',
		'24-10-18',
		'113-02-30',
		'民國113年13月1日',
		'１１３-10-18',
		'soon',
	])('refuses %j in frontmatter', (written) => {
		expect(parseDateInput(written)).toBeUndefined();
	});

	it.each([
		['2024/10/18', '2024-10-18'],
		['113/10/18', '2024-10-18'],
		['113年10月18日', '2024-10-18'],
		['2024年10月18日', '2024-10-18'],
		['１１３．１０．１８', '2024-10-18'],
		['98.12.10', '2009-12-10'],
	])('reads %j loosely (an imported cover) as %s', (written, iso) => {
		expect(parseDateInput(written, true)).toBe(iso);
	});
});
