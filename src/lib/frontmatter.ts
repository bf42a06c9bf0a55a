import { parseYamlSource, type Position } from './yaml-source.ts';

export type { Position };

export interface FrontmatterError extends Position {
	message: string;
}

export interface SplitSource {
	/** Parsed frontmatter, or undefined when it is missing or not a YAML mapping. */
	data: Record<string, unknown> | undefined;
	/** The document body after the closing `---`. */
	body: string;
	/** Line (1-based) on which the body starts in the file. */
	bodyLine: number;
	errors: FrontmatterError[];
	/** Position of a frontmatter key (`['controls', 2]` for a list item): its value, else its key, else line 1. */
	positionOf(path: readonly PropertyKey[], target?: 'key' | 'value'): Position;
}

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*$/m;

/**
 * Splits an MDX file into YAML frontmatter and body, parsing the YAML with positions so that every
 * problem can be reported at the line and column where the author wrote it.
 */
export function splitFrontmatter(input: string): SplitSource {
	// Editors on Windows may save a byte-order mark; it is not part of the text.
	const source = input.replace(/^\uFEFF/, '');
	const noPosition = (): Position => ({ line: 1, column: 1 });
	const opening = OPENING.exec(source);
	if (!opening) {
		return {
			data: undefined,
			body: source,
			bodyLine: 1,
			errors: [{ line: 1, column: 1, message: '檔案開頭缺少 frontmatter：第一行應為 ---，其後為 YAML 欄位，再以 --- 結束' }],
			positionOf: noPosition,
		};
	}
	const rest = source.slice(opening[0].length);
	const closing = CLOSING.exec(rest);
	if (!closing) {
		return {
			data: undefined,
			body: '',
			bodyLine: 1,
			errors: [{ line: 1, column: 1, message: 'frontmatter 沒有結束：找不到單獨一行的 ---' }],
			positionOf: noPosition,
		};
	}
	const yamlText = rest.slice(0, closing.index);
	const yamlStartLine = 2;
	const afterClosing = rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, '');
	const bodyLine = yamlStartLine + countLines(yamlText) + 1;

	const yaml = parseYamlSource(yamlText, yamlStartLine);
	const errors: FrontmatterError[] = [...yaml.errors];
	let data: Record<string, unknown> | undefined;
	if (errors.length === 0) {
		const value = yaml.data;
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			data = value as Record<string, unknown>;
		} else {
			errors.push({ line: yamlStartLine, column: 1, message: 'frontmatter 應為「欄位: 值」的 YAML 對應表' });
		}
	}
	const positionOf = (path: readonly (string | number)[], target: 'key' | 'value' = 'value'): Position => yaml.at(path, target);

	return { data, body: afterClosing, bodyLine, errors, positionOf };
}

function countLines(text: string): number {
	if (text === '') return 0;
	let lines = 1;
	for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
	return lines - (text.endsWith('\n') ? 1 : 0);
}
