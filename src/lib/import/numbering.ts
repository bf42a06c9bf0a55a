/**
 * The numbers a word processor displays for automatic numbering, as the reader of the original saw
 * them: decimal, the Taiwanese official scheme (壹、一、（一）、1.、（1）), Roman, letters. The importer
 * writes these labels literally into the document, so the portal's clause numbering (src/lib/outline,
 * issue 14) reads the same numbers as the printed original. Word's numFmt values and ODF's
 * style:num-format values both map onto these formats.
 */
export type NumberFormat =
	| 'decimal'
	| 'decimalZero'
	| 'decimalFullWidth'
	| 'decimalEnclosedCircle'
	| 'legal'
	| 'counting'
	| 'stems'
	| 'branches'
	| 'lowerRoman'
	| 'upperRoman'
	| 'lowerLetter'
	| 'upperLetter'
	| 'none';

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL_DIGITS = ['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'];
const STEMS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const BRANCHES = ['子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥'];

/**
 * Chinese counting as written in Taiwanese documents: 一 … 十、十一 … 二十、二十一 … 一百、一百零一.
 * `legal` uses the financial characters: 壹 … 拾、拾壹 … 貳拾 (the 壹、貳、參 section numbers).
 */
function chinese(n: number, legal: boolean): string {
	const digits = legal ? LEGAL_DIGITS : DIGITS;
	const units = legal ? ['', '拾', '佰', '仟'] : ['', '十', '百', '千'];
	if (n <= 0 || n >= 10_000) return String(n);
	const parts = String(n).split('').map(Number);
	let out = '';
	let zero = false;
	parts.forEach((digit, index) => {
		const unit = units[parts.length - 1 - index]!;
		if (digit === 0) {
			zero = out !== '';
			return;
		}
		if (zero) out += '零';
		zero = false;
		// 10–19 are 十、十一 (not 一十): the leading one is dropped before the tens.
		const omitOne = digit === 1 && unit === units[1] && index === 0;
		out += (omitOne ? '' : digits[digit]) + unit;
	});
	return out;
}

function roman(n: number): string {
	if (n <= 0 || n >= 4000) return String(n);
	const table: [number, string][] = [
		[1000, 'M'],
		[900, 'CM'],
		[500, 'D'],
		[400, 'CD'],
		[100, 'C'],
		[90, 'XC'],
		[50, 'L'],
		[40, 'XL'],
		[10, 'X'],
		[9, 'IX'],
		[5, 'V'],
		[4, 'IV'],
		[1, 'I'],
	];
	let out = '';
	for (const [value, symbol] of table) {
		while (n >= value) {
			out += symbol;
			n -= value;
		}
	}
	return out;
}

/** a … z, aa … zz (Word repeats the letter). */
function letter(n: number): string {
	if (n <= 0) return String(n);
	return String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, format: NumberFormat): string {
	switch (format) {
		case 'decimal':
			return String(n);
		case 'decimalZero':
			return String(n).padStart(2, '0');
		case 'decimalFullWidth':
			return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
		case 'decimalEnclosedCircle':
			return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
		case 'legal':
			return chinese(n, true);
		case 'counting':
			return chinese(n, false);
		case 'stems':
			return STEMS[(n - 1) % STEMS.length] ?? String(n);
		case 'branches':
			return BRANCHES[(n - 1) % BRANCHES.length] ?? String(n);
		case 'lowerRoman':
			return roman(n).toLowerCase();
		case 'upperRoman':
			return roman(n);
		case 'lowerLetter':
			return letter(n);
		case 'upperLetter':
			return letter(n).toUpperCase();
		case 'none':
			return '';
	}
}

/** Word's `w:numFmt` values; undefined for bullets (not a number). Unknown formats count in decimal. */
export function docxNumberFormat(numFmt: string | undefined): NumberFormat | undefined {
	switch (numFmt) {
		case 'bullet':
			return undefined;
		case 'none':
			return 'none';
		case 'ideographLegalTraditional':
			return 'legal';
		case 'taiwaneseCounting':
		case 'taiwaneseCountingThousand':
		case 'chineseCounting':
		case 'chineseCountingThousand':
		case 'japaneseCounting':
		case 'ideographDigital':
		case 'taiwaneseDigital':
			return 'counting';
		case 'ideographTraditional':
			return 'stems';
		case 'ideographZodiac':
			return 'branches';
		case 'decimalFullWidth':
		case 'decimalFullWidth2':
			return 'decimalFullWidth';
		case 'decimalEnclosedCircle':
		case 'decimalEnclosedCircleChinese':
			return 'decimalEnclosedCircle';
		case 'decimalZero':
			return 'decimalZero';
		case 'lowerRoman':
			return 'lowerRoman';
		case 'upperRoman':
			return 'upperRoman';
		case 'lowerLetter':
			return 'lowerLetter';
		case 'upperLetter':
			return 'upperLetter';
		default:
			return 'decimal';
	}
}

/** ODF `style:num-format` values, including LibreOffice's Chinese ones (`壹, 貳, 參, ...`). */
export function odfNumberFormat(numFormat: string | undefined): NumberFormat {
	const value = (numFormat ?? '').trim();
	if (value === '') return 'none';
	if (value === '1') return 'decimal';
	if (value === 'i') return 'lowerRoman';
	if (value === 'I') return 'upperRoman';
	if (value === 'a') return 'lowerLetter';
	if (value === 'A') return 'upperLetter';
	const first = value[0]!;
	if (first === '壹') return 'legal';
	if (first === '一') return 'counting';
	if (first === '甲') return 'stems';
	if (first === '子') return 'branches';
	if (first === '１') return 'decimalFullWidth';
	if (first === '①') return 'decimalEnclosedCircle';
	if (value.startsWith('01')) return 'decimalZero';
	return 'decimal';
}

/** One level of a list definition: how its number is written. */
export interface LevelFormat {
	format: NumberFormat;
	/** Word's `w:lvlText`, e.g. `%1、`, `（%3）`, `%1.%2`; placeholders %1…%9 name levels. */
	template: string;
	start: number;
}

/**
 * The label of an item at `counters.length - 1` (0-based level), from the counters of every level
 * above it and the level formats: `（三）` for `（%3）` with counters [1, 2, 3] in Chinese counting.
 */
export function renderLabel(
	template: string,
	counters: readonly number[],
	levels: readonly (LevelFormat | undefined)[],
	legalDecimal = false,
): string {
	return template.replace(/%([1-9])/g, (_, digit: string) => {
		const index = Number(digit) - 1;
		const value = counters[index] ?? levels[index]?.start ?? 1;
		const format = legalDecimal ? 'decimal' : (levels[index]?.format ?? 'decimal');
		return formatNumber(value, format);
	});
}

/**
 * Counters of the lists of a document, advanced item by item as a word processor does: an item at
 * a level counts up from the level's start, and every deeper level starts again.
 */
export class ListCounters {
	private readonly lists = new Map<string, number[]>();

	/** Counters after advancing `list` at `level`; `starts[level]` is where a fresh level begins. */
	advance(list: string, level: number, starts: readonly number[]): number[] {
		const counters = this.lists.get(list) ?? [];
		for (let i = 0; i < level; i++) if (counters[i] === undefined) counters[i] = starts[i] ?? 1;
		counters[level] = counters[level] === undefined ? (starts[level] ?? 1) : counters[level]! + 1;
		counters.length = level + 1;
		this.lists.set(list, counters);
		return [...counters];
	}

	/** Sets the value of the next item (an explicit restart such as ODF's `text:start-value`). */
	restartAt(list: string, level: number, value: number): void {
		const counters = this.lists.get(list) ?? [];
		counters[level] = value - 1;
		counters.length = level + 1;
		this.lists.set(list, counters);
	}
}
