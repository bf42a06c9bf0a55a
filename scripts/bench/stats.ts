/** Medians, spreads and the text formats of the benchmark's figures. */

/** A figure over several runs: its median and its spread. */
export interface Spread {
	median: number;
	min: number;
	max: number;
	runs: number[];
}

export function spread(values: number[]): Spread {
	if (values.length === 0) throw new Error('spread of no values');
	return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values };
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `25.7 s (25.1–26.3 s)`: the median, and the spread (min–max) when there is more than one run. */
export function withSpread(s: Spread, format: (value: number) => string): string {
	if (s.runs.length < 2) return format(s.median);
	const [min, max] = [format(s.min), format(s.max)];
	const unit = /[^\d.]+$/.exec(max)?.[0] ?? '';
	return `${format(s.median)} (${unit && min.endsWith(unit) ? min.slice(0, -unit.length) : min}–${max})`;
}

export function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}

/** Seconds with two decimals, for figures near a 1 s target. */
export function seconds2(ms: number): string {
	return `${(ms / 1000).toFixed(2)} s`;
}

export function mib(bytes: number): string {
	return `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
}

export function ratio(value: number): string {
	return `${value.toFixed(2)}×`;
}

export function stripAnsi(text: string): string {
	return text.replace(/\x1b\[[0-9;]*m/g, '');
}

/** Display width: CJK characters take two columns. */
export function width(text: string): number {
	return [...text].reduce(
		(sum, ch) => sum + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1),
		0,
	);
}

/** Rows as aligned columns: the first left-aligned, the others right-aligned, a rule under the header. */
export function formatTable(rows: string[][]): string {
	const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => width(row[c] ?? ''))));
	const line = (row: string[]) =>
		row
			.map((cell, c) => {
				const fill = ' '.repeat(Math.max(0, widths[c]! - width(cell)));
				return c === 0 ? cell + fill : fill + cell;
			})
			.join('  ')
			.trimEnd();
	return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function log(message: string): void {
	process.stdout.write(`[bench] ${message}\n`);
}

export function fail(message: string): never {
	process.stderr.write(`[bench] ${message}\n`);
	process.exit(1);
}
