import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';

/** A 1-based line and column in a source file. */
export interface Position {
	line: number;
	column: number;
}

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
	positionOf(path: readonly (string | number)[], target?: 'key' | 'value'): Position;
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

	const lineCounter = new LineCounter();
	const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const toPosition = (offset: number): Position => {
		const { line, col } = lineCounter.linePos(offset);
		return { line: line + yamlStartLine - 1, column: col };
	};
	const errors: FrontmatterError[] = doc.errors.map((error) => ({
		...toPosition(error.pos[0]),
		message:
			error.code === 'DUPLICATE_KEY'
				? `欄位「${keyAt(yamlText, error.pos[0])}」重複出現；同一欄位只能寫一次`
				: `frontmatter 的 YAML 語法錯誤：${yamlMessage(error.message)}`,
	}));

	let data: Record<string, unknown> | undefined;
	if (errors.length === 0) {
		const value: unknown = doc.toJS();
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			data = value as Record<string, unknown>;
		} else {
			errors.push({ line: yamlStartLine, column: 1, message: 'frontmatter 應為「欄位: 值」的 YAML 對應表' });
		}
	}

	const positionOf = (path: readonly (string | number)[], target: 'key' | 'value' = 'value'): Position => {
		let node: unknown = doc.contents;
		let keyNode: Node | undefined;
		for (const segment of path) {
			if (isMap(node)) {
				const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
				if (!pair) break;
				keyNode = pair.key as Node;
				node = pair.value;
			} else if (isSeq(node) && typeof segment === 'number') {
				node = node.items[segment];
				keyNode = undefined;
			} else {
				break;
			}
		}
		const chosen = target === 'key' ? (keyNode ?? (node as Node | undefined)) : ((node as Node | null) ?? keyNode);
		const range = chosen && 'range' in chosen ? chosen.range : undefined;
		return range ? toPosition(range[0]) : { line: 1, column: 1 };
	};

	return { data, body: afterClosing, bodyLine, errors, positionOf };
}

function countLines(text: string): number {
	if (text === '') return 0;
	return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

function yamlMessage(message: string): string {
	// The yaml library's own wording is English; keep it after a Chinese lead so nothing is lost.
	return message.split('\n')[0] ?? message;
}

/** The key written at an offset: `title` for `title: 乙`. */
function keyAt(text: string, offset: number): string {
	return /^[^:\n]*/.exec(text.slice(offset))![0].trim();
}
