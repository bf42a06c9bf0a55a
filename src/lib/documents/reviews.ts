import { parseIsoDate, toIsoDate } from './dates.ts';

/**
 * Review schedule (policy 11.1: every document reviewed at least yearly). A review is due
 * `reviewEveryMonths` after the last one; on a month without that day (31 → February) the last day
 * of the month is used.
 */
export function addMonths(isoDate: string, months: number): string {
	const date = parseIsoDate(isoDate);
	if (!date) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
	const day = date.getUTCDate();
	const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
	target.setUTCDate(Math.min(day, lastDay));
	return toIsoDate(target);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return Math.round((parseIsoDate(to)!.getTime() - parseIsoDate(from)!.getTime()) / 86_400_000);
}

export type ReviewState = 'overdue' | 'due-soon' | 'ok';
export const REVIEW_STATE_LABELS: Record<ReviewState, string> = { overdue: '已逾期', 'due-soon': '30 日內到期', ok: '正常' };

/** How many days before the due date a review shows as due soon. */
export const DUE_SOON_DAYS = 30;

export interface ReviewStatus {
	lastReviewed: string;
	due: string;
	/** Days until due; negative when overdue. */
	daysLeft: number;
	state: ReviewState;
}

export function reviewStatus(lastReviewed: string, everyMonths: number, today: string): ReviewStatus {
	const due = addMonths(lastReviewed, everyMonths);
	const daysLeft = daysBetween(today, due);
	return { lastReviewed, due, daysLeft, state: daysLeft < 0 ? 'overdue' : daysLeft <= DUE_SOON_DAYS ? 'due-soon' : 'ok' };
}

export interface ScheduledReview extends ReviewStatus {
	docNo: string;
	title: string;
	version: string;
	url: string;
	owner?: string;
	everyMonths: number;
}

/** Every document in force with its review due date, soonest (most overdue) first. */
export function reviewSchedule(
	documents: readonly {
		docNo: string;
		url: string;
		current?: { title: string; version: string; owner?: string; lastReviewed: string; reviewEveryMonths: number };
	}[],
	today: string,
): ScheduledReview[] {
	return documents
		.flatMap((doc) => {
			const current = doc.current;
			if (!current) return [];
			return [
				{
					docNo: doc.docNo,
					title: current.title,
					version: current.version,
					url: doc.url,
					...(current.owner ? { owner: current.owner } : {}),
					everyMonths: current.reviewEveryMonths,
					...reviewStatus(current.lastReviewed, current.reviewEveryMonths, today),
				},
			];
		})
		.sort((a, b) => a.daysLeft - b.daysLeft || a.docNo.localeCompare(b.docNo));
}
