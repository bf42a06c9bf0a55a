/**
 * Limits on source files and document bodies: far above anything a real document reaches (the
 * largest in content/ is 21 KB, 305 lines, nested 3 deep), far below what the parsers and Astro's
 * renderer survive (README, "Limits"). Each is checked before the text is parsed, so a hostile file
 * gets one clear line instead of a crash or a build that never ends.
 */
export const LIMITS = {
	/** Bytes of one source file (document, SoA data, catalogue). */
	fileBytes: 512 * 1024,
	/** Lines of one source file. */
	lines: 20_000,
	/** Levels of lists, block quotes, components/HTML elements, emphasis and links inside each other. */
	nesting: 20,
	/** Emphasis characters (`*`, `_`) and character references (`&amp;`) in one paragraph. */
	inlineMarks: 500,
	/** Characters of frontmatter text fields. */
	title: 200,
	changes: 5_000,
	text: 200,
	/** Items of the `controls` list (Annex A has 114 controls in 2013, 93 in 2022). */
	controls: 200,
} as const;

/**
 * `524,288`: digits grouped by threes, as `toLocaleString('en-US')` writes a whole number, without loading ICU's
 * number formatting at every CLI's start (messages are made when their modules load).
 */
export const formatCount = (n: number): string => String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/gu, ',');

export interface Fault {
	line: number;
	column: number;
	rule: string;
	message: string;
}

/** Size and line count of a source file's text, checked before anything parses it. */
export function sourceSizeFault(byteLength: number, text?: string): Fault | undefined {
	if (byteLength > LIMITS.fileBytes) {
		return {
			line: 1,
			column: 1,
			rule: 'limit/file-size',
			message: `檔案大小 ${formatCount(byteLength)} 位元組，超過上限 ${formatCount(LIMITS.fileBytes)} 位元組（512 KB）；請確認是否誤存了其他內容，或將文件拆成數份`,
		};
	}
	if (text !== undefined) {
		let lines = 1;
		for (let i = text.indexOf('\n'); i !== -1 && lines <= LIMITS.lines; i = text.indexOf('\n', i + 1)) lines++;
		if (lines > LIMITS.lines) {
			return {
				line: LIMITS.lines + 1,
				column: 1,
				rule: 'limit/lines',
				message: `檔案超過 ${formatCount(LIMITS.lines)} 行的上限；請確認是否誤存了其他內容，或將文件拆成數份`,
			};
		}
	}
	return undefined;
}
