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

/** Made on first use: ICU's ROC calendar takes tens of milliseconds to load, which every CLI's start would pay. */
let rocLong: Intl.DateTimeFormat | undefined;

/** 民國109年10月16日 for 2020-10-16. */
export function formatRocDate(value: string | Date): string {
	const date = typeof value === 'string' ? parseIsoDate(value) : value;
	if (!date) throw new RangeError(`not a YYYY-MM-DD date: ${String(value)}`);
	rocLong ??= new Intl.DateTimeFormat('zh-TW-u-ca-roc', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
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

/** 民國113年10月18日, 中華民國 113 年 10 月 18 日; loosely also 113年10月18日 and 2024年10月18日. */
const CHINESE_DATE = /^(中華民國|民國)?\s*(\d{1,4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
/** A three-digit ROC year: 113-10-18, 113.10.18 (loosely also 113/10/18, a two-digit ROC year 98.12.10, and 2024/10/18). */
const NUMERIC_DATE = /^(\d{2,4})([-/.])(\d{1,2})\2(\d{1,2})$/;

/**
 * A date as staff write it in frontmatter, as `YYYY-MM-DD`: `2024-10-18`, `民國113年10月18日`, or with
 * a three-digit ROC year `113-10-18` / `113.10.18` (113 + 1911 = 2024). Undefined unless it is one
 * of these forms and a real calendar day. `loose` (the importer reading a cover) also takes `/`
 * separators, 年月日 without 民國 and full-width digits.
 */
export function parseDateInput(value: string, loose = false): string | undefined {
	const text = loose ? value.normalize('NFKC').trim() : value.trim();
	if (ISO_DATE.test(text)) return isIsoDate(text) ? text : undefined;
	let year: number, month: number, day: number;
	const chinese = CHINESE_DATE.exec(text);
	const numeric = NUMERIC_DATE.exec(text);
	if (chinese && (loose || chinese[1])) {
		year = Number(chinese[2]);
		// With 民國 any year is a ROC year; without it a four-digit year is Gregorian.
		if (chinese[1] || chinese[2]!.length <= 3) year += 1911;
		[month, day] = [Number(chinese[3]), Number(chinese[4])];
	} else if (numeric && (loose || (numeric[1]!.length === 3 && numeric[2] !== '/'))) {
		year = Number(numeric[1]) + (numeric[1]!.length < 4 ? 1911 : 0);
		[month, day] = [Number(numeric[3]), Number(numeric[4])];
	} else return undefined;
	const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	return isIsoDate(iso) ? iso : undefined;
}
