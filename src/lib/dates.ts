/**
 * Calendar dates as written in frontmatter (`YYYY-MM-DD`), shown to staff in the ROC calendar.
 * Dates are plain calendar days: they are handled in UTC so no time zone can shift them.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` into a UTC midnight Date; undefined unless it is a real calendar day. */
export function parseIsoDate(value: string): Date | undefined {
	const match = ISO_DATE.exec(value);
	if (!match) return undefined;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
		return undefined;
	}
	return date;
}

export function isIsoDate(value: string): boolean {
	return parseIsoDate(value) !== undefined;
}

/** `YYYY-MM-DD` of a Date, read in UTC. */
export function toIsoDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}

const rocLong = new Intl.DateTimeFormat('zh-TW-u-ca-roc', {
	era: 'long',
	year: 'numeric',
	month: 'long',
	day: 'numeric',
	timeZone: 'UTC',
});

/** 民國109年10月16日 for 2020-10-16. */
export function formatRocDate(value: string | Date): string {
	const date = typeof value === 'string' ? parseIsoDate(value) : value;
	if (!date) throw new RangeError(`not a YYYY-MM-DD date: ${String(value)}`);
	return rocLong.format(date);
}

/**
 * The date the portal is built for: `PORTAL_TODAY=YYYY-MM-DD` when set (tests, previews),
 * otherwise today in Taiwan (Asia/Taipei), which is the day staff read the pages on.
 */
export function portalToday(override: string | undefined, now: Date = new Date()): string {
	if (override !== undefined && override !== '') {
		if (!isIsoDate(override)) {
			throw new RangeError(`PORTAL_TODAY 應為 YYYY-MM-DD 格式的實際日期，收到「${override}」`);
		}
		return override;
	}
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei' }).format(now);
}
