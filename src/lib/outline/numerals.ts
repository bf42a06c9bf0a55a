/**
 * Chinese numerals as Taiwanese official documents number their clauses: the everyday digits
 * (一、二 … 十一、二十) and the financial capitals (壹、貳 … 拾壹、貳拾), read and written, 1 to 999.
 * Also full-width Arabic digits (１２) read as ASCII.
 */

export type NumeralSet = 'lower' | 'upper';

const DIGITS: Record<NumeralSet, readonly string[]> = {
	lower: ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
	upper: ['', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'],
};
const TEN: Record<NumeralSet, string> = { lower: '十', upper: '拾' };
const HUNDRED: Record<NumeralSet, string> = { lower: '百', upper: '佰' };
const ZERO: Record<NumeralSet, string> = { lower: '零', upper: '零' };

/** Digits and their variants (叁 and 叄 are written for 參; 〇 for 零). */
const VALUES: Record<NumeralSet, ReadonlyMap<string, number>> = {
	lower: new Map([...DIGITS.lower.slice(1).map((d, i) => [d, i + 1] as const), ['〇', 0], ['零', 0]]),
	upper: new Map([...DIGITS.upper.slice(1).map((d, i) => [d, i + 1] as const), ['叁', 3], ['叄', 3], ['零', 0]]),
};

/** Characters of each set, for building patterns: `[${NUMERAL_CHARS.lower}]+`. */
export const NUMERAL_CHARS: Record<NumeralSet, string> = {
	lower: '一二三四五六七八九十百〇零',
	upper: '壹貳參叁叄肆伍陸柒捌玖拾佰零',
};

/**
 * The value of a Chinese numeral of one set, or undefined when it is not a well-formed number
 * from 1 to 999: `十一` → 11, `二十` → 20, `一百零五` → 105, `拾壹` → 11, `壹拾` → 10; `一一`,
 * `十十` and `二百十十` are not numbers.
 */
export function parseNumeral(text: string, set: NumeralSet): number | undefined {
	if (text === '') return undefined;
	const values = VALUES[set];
	let total = 0;
	let digit: number | undefined;
	/** The smallest unit used so far: units must come in descending order. */
	let lastUnit = 1000;
	let zero = false;
	for (const char of text) {
		const unit = char === TEN[set] ? 10 : char === HUNDRED[set] ? 100 : undefined;
		if (unit !== undefined) {
			if (unit >= lastUnit || zero) return undefined;
			// 十 alone means 一十; 百 needs its digit.
			if (digit === undefined && unit === 100) return undefined;
			total += (digit ?? 1) * unit;
			lastUnit = unit;
			digit = undefined;
			zero = false;
			continue;
		}
		const value = values.get(char);
		if (value === undefined || digit !== undefined) return undefined;
		if (value === 0) {
			// 一百零五: a zero only between a hundred and a units digit.
			if (zero || lastUnit !== 100) return undefined;
			zero = true;
			continue;
		}
		digit = value;
	}
	if (digit !== undefined) {
		if (lastUnit === 100 && !zero && total % 100 === 0 && text.length > 2) return undefined;
		total += digit;
	} else if (zero) {
		return undefined;
	}
	return total >= 1 && total <= 999 ? total : undefined;
}

/** The canonical way to write a number: 11 → `十一` / `拾壹`, 20 → `二十` / `貳拾`, 105 → `一百零五`. */
export function formatNumeral(value: number, set: NumeralSet): string {
	if (!Number.isInteger(value) || value < 1 || value > 999) throw new RangeError(`no numeral for ${value}`);
	const digits = DIGITS[set];
	const hundreds = Math.floor(value / 100);
	const tens = Math.floor((value % 100) / 10);
	const units = value % 10;
	let text = hundreds ? `${digits[hundreds]}${HUNDRED[set]}` : '';
	if (tens) text += `${hundreds || tens > 1 ? digits[tens] : ''}${TEN[set]}`;
	else if (hundreds && units) text += ZERO[set];
	if (units) text += digits[units];
	return text;
}

/** `１２` → `12`: full-width digits as ASCII (other characters unchanged). */
export function asciiDigits(text: string): string {
	return text.replace(/[０-９]/gu, (char) => String.fromCharCode(char.charCodeAt(0) - 0xff10 + 0x30));
}

/** A run of ASCII or full-width digits as a number. */
export function parseDigits(text: string): number {
	return Number(asciiDigits(text));
}
