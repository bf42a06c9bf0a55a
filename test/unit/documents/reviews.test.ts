import { describe, it, expect } from 'vitest';
import {
	addMonths,
	daysBetween,
	DUE_SOON_DAYS,
	REVIEW_STATE_LABELS,
	reviewSchedule,
	reviewStatus,
} from '../../../src/lib/documents/reviews.ts';
import { pd, pv } from '../_helpers.ts';

describe('addMonths', () => {
	it.each([
		['2024-01-31', 1, '2024-02-29', 'Jan 31 to a leap February'],
		['2023-01-31', 1, '2023-02-28', 'Jan 31 to a common February'],
		['2024-02-29', 12, '2025-02-28', 'a leap day a year on'],
		['2024-02-29', 48, '2028-02-29', 'a leap day four years on'],
		['2025-08-31', 6, '2026-02-28', 'Aug 31 half a year on, across the year end'],
		['2025-11-30', 3, '2026-02-28', 'year rollover to a short month'],
		['2025-03-31', 1, '2025-04-30', 'a 31st to a 30-day month'],
		['2025-01-30', 1, '2025-02-28', 'a 30th to February'],
		['2025-01-15', 1, '2025-02-15', 'a mid-month day is kept'],
		['2024-02-29', 1, '2024-03-29', 'the day is kept when the month has it'],
		['2025-12-31', 1, '2026-01-31', 'December to January'],
		['2020-10-16', 12, '2021-10-16', 'the default yearly review'],
		['2020-10-16', 120, '2030-10-16', 'ten years'],
		['2025-05-31', 0, '2025-05-31', 'zero months'],
	])('%s + %i months = %s (%s)', (from, months, expected) => {
		expect(addMonths(from, months)).toBe(expected);
	});

	it.each(['2025-02-30', '2025/01/01', '2025-1-1', '', '民國114年1月1日'])('rejects %j', (value) => {
		expect(() => addMonths(value, 1)).toThrow(RangeError);
		expect(() => addMonths(value, 1)).toThrow(`not a YYYY-MM-DD date: ${value}`);
	});
});

describe('daysBetween', () => {
	it('counts whole days, across a leap day', () => {
		expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
		expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
		expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
		expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
	});

	it('is 0 for the same day and negative when the second date is earlier', () => {
		expect(daysBetween('2025-06-15', '2025-06-15')).toBe(0);
		expect(daysBetween('2025-06-15', '2025-06-14')).toBe(-1);
		expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
	});
});

describe('reviewStatus', () => {
	it('is overdue the day after the due date', () => {
		expect(reviewStatus('2024-03-15', 12, '2025-03-16')).toEqual({
			lastReviewed: '2024-03-15',
			due: '2025-03-15',
			daysLeft: -1,
			state: 'overdue',
		});
	});

	it('is due soon on the due date itself', () => {
		expect(reviewStatus('2024-03-15', 12, '2025-03-15')).toEqual({
			lastReviewed: '2024-03-15',
			due: '2025-03-15',
			daysLeft: 0,
			state: 'due-soon',
		});
	});

	it(`is due soon exactly ${DUE_SOON_DAYS} days before`, () => {
		expect(DUE_SOON_DAYS).toBe(30);
		expect(reviewStatus('2024-03-15', 12, '2025-02-13')).toEqual({
			lastReviewed: '2024-03-15',
			due: '2025-03-15',
			daysLeft: 30,
			state: 'due-soon',
		});
	});

	it('is ok 31 days before', () => {
		expect(reviewStatus('2024-03-15', 12, '2025-02-12')).toEqual({
			lastReviewed: '2024-03-15',
			due: '2025-03-15',
			daysLeft: 31,
			state: 'ok',
		});
	});

	it('uses the review cycle and the month-end rule', () => {
		expect(reviewStatus('2024-08-31', 6, '2025-03-01')).toEqual({
			lastReviewed: '2024-08-31',
			due: '2025-02-28',
			daysLeft: -1,
			state: 'overdue',
		});
	});

	it('labels the states in Chinese', () => {
		expect(REVIEW_STATE_LABELS).toEqual({ overdue: '已逾期', 'due-soon': '30 日內到期', ok: '正常' });
	});
});

describe('reviewSchedule', () => {
	const TODAY = '2025-06-15';
	const current = (docNo: string, lastReviewed: string, extra: Parameters<typeof pv>[3] = {}) =>
		pd(docNo, [pv(docNo, '1.0', 'current', { lastReviewed, title: `${docNo} 標題`, ...extra })]);

	it('lists the most overdue first, ties by docNo', () => {
		const schedule = reviewSchedule(
			[
				current('ISMS-P-003', '2025-01-01'), // due 2026-01-01: ok
				current('ISMS-P-002', '2024-06-10'), // due 2025-06-10: 5 days overdue
				current('ISMS-M-001', '2024-06-10'), // same due date as P-002
				current('ISMS-P-001', '2024-07-01'), // due 2025-07-01: 16 days left
				current('ISMS-P-004', '2024-11-30', { reviewEveryMonths: 6 }), // due 2025-05-30: 16 days overdue
			],
			TODAY,
		);
		expect(schedule.map((r) => [r.docNo, r.due, r.daysLeft, r.state])).toEqual([
			['ISMS-P-004', '2025-05-30', -16, 'overdue'],
			['ISMS-M-001', '2025-06-10', -5, 'overdue'],
			['ISMS-P-002', '2025-06-10', -5, 'overdue'],
			['ISMS-P-001', '2025-07-01', 16, 'due-soon'],
			['ISMS-P-003', '2026-01-01', 200, 'ok'],
		]);
	});

	it('gives each entry the document, its current version and the review cycle', () => {
		const [review] = reviewSchedule([current('ISMS-P-004', '2024-11-30', { reviewEveryMonths: 6, version: '2.3' })], TODAY);
		expect(review).toEqual({
			docNo: 'ISMS-P-004',
			title: 'ISMS-P-004 標題',
			version: '2.3',
			url: '/documents/isms-p-004/',
			everyMonths: 6,
			lastReviewed: '2024-11-30',
			due: '2025-05-30',
			daysLeft: -16,
			state: 'overdue',
		});
	});

	it('skips documents without a current version (upcoming only, withdrawn)', () => {
		const upcoming = pd('ISMS-P-008', [pv('ISMS-P-008', '1.0', 'upcoming', { lastReviewed: '2020-01-01' })]);
		const withdrawn = pd('ISMS-P-009', [pv('ISMS-P-009', '1.0', 'withdrawn', { lastReviewed: '2020-01-01' })]);
		const schedule = reviewSchedule([upcoming, current('ISMS-P-001', '2024-07-01'), withdrawn], TODAY);
		expect(schedule.map((r) => r.docNo)).toEqual(['ISMS-P-001']);
	});

	it('reviews the current version, not the newest', () => {
		const doc = pd('ISMS-P-005', [
			pv('ISMS-P-005', '2.0', 'upcoming', { lastReviewed: '2025-09-01' }),
			pv('ISMS-P-005', '1.1', 'current', { lastReviewed: '2024-01-01' }),
		]);
		const [review] = reviewSchedule([doc], TODAY);
		expect([review?.version, review?.due, review?.state]).toEqual(['1.1', '2025-01-01', 'overdue']);
	});

	it('carries the owner when the current version has one, and leaves it out otherwise', () => {
		const schedule = reviewSchedule([current('ISMS-P-001', '2024-07-01', { owner: '資訊室' }), current('ISMS-P-002', '2024-07-01')], TODAY);
		expect(schedule[0]?.owner).toBe('資訊室');
		expect(schedule[1]).not.toHaveProperty('owner');
	});

	it('is empty for no documents', () => {
		expect(reviewSchedule([], TODAY)).toEqual([]);
	});
});
