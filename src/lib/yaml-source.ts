import { LineCounter, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';

/** A 1-based line and column in a source file. */
export interface Position {
	line: number;
	column: number;
}

export interface YamlSource {
	/** The parsed value, or undefined when the YAML has errors. */
	data: unknown;
	/** Syntax errors, at file positions, explained in Traditional Chinese. */
	errors: (Position & { message: string })[];
	/**
	 * Position of what is written at a path (`['controls', 2]`, `['controls', 'A.9.2.1', 'status']`):
	 * its value, or its key with `target: 'key'`; the nearest existing ancestor when the path is missing.
	 */
	at(path: readonly PropertyKey[], target?: 'key' | 'value'): Position;
}

/**
 * Parses YAML keeping positions, so every problem in frontmatter, catalogues and SoA data can be
 * reported where the author wrote it. `firstLine` is the file line the YAML text starts on.
 */
export function parseYamlSource(text: string, firstLine = 1): YamlSource {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const toPosition = (offset: number): Position => {
		const { line, col } = lineCounter.linePos(offset);
		return { line: line + firstLine - 1, column: col };
	};
	const errors = doc.errors.map((error) => ({
		...toPosition(syntaxErrorOffset(doc, error.code, error.message, error.pos[0])),
		message:
			error.code === 'DUPLICATE_KEY'
				? `YAML 語法錯誤：欄位「${keyAt(text, error.pos[0])}」重複出現；同一欄位只能寫一次`
				: `YAML 語法錯誤：${yamlMessage(error.code, error.message)}`,
	}));
	const at = (path: readonly PropertyKey[], target: 'key' | 'value' = 'value'): Position => {
		let node: unknown = doc.contents;
		let keyNode: Node | undefined;
		let last: Node | undefined = (doc.contents as Node | null) ?? undefined;
		for (const segment of path) {
			if (isMap(node)) {
				const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
				if (!pair) break;
				keyNode = pair.key as Node;
				node = pair.value;
			} else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
				node = node.items[segment];
				keyNode = undefined;
			} else {
				break;
			}
			last = (node as Node | null) ?? keyNode ?? last;
		}
		const chosen = target === 'key' ? (keyNode ?? last) : ((node as Node | null) ?? keyNode ?? last);
		const range = chosen && 'range' in chosen ? chosen.range : undefined;
		return range ? toPosition(range[0]) : { line: firstLine, column: 1 };
	};
	return { data: errors.length === 0 ? doc.toJS() : undefined, errors, at };
}

/** An unclosed quote is reported by the parser at the end of the file: point at the opening quote instead. */
function syntaxErrorOffset(doc: Document, code: string, message: string, offset: number): number {
	if (code !== 'MISSING_CHAR' || !/quote/i.test(message)) return offset;
	let start = offset;
	visit(doc, {
		Scalar(_key, node) {
			if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range && node.range[0] < offset && node.range[1] >= offset) {
				start = node.range[0];
			}
		},
	});
	return start;
}

function yamlMessage(code: string, message: string): string {
	const english = message.split('\n')[0] ?? message;
	if (code === 'TAB_AS_INDENT') return '縮排不可使用 Tab 字元，請改用空格';
	if (code === 'MISSING_CHAR' && /quote/i.test(english)) return '引號沒有結束：從此處開始的引號缺少對應的結尾引號';
	if (code === 'BLOCK_AS_IMPLICIT_KEY') return '值裡有「: 」（冒號加空格），請用引號把整個值括起來';
	if (code === 'BAD_INDENT' || code === 'MISSING_CHAR') return `縮排或清單寫法不正確（${english}）`;
	// The yaml library's own wording is English; keep it after a Chinese lead so nothing is lost.
	return english;
}

/** The key written at an offset: `title` for `title: 乙`. */
function keyAt(text: string, offset: number): string {
	return /^[^:\n]*/.exec(text.slice(offset))![0].trim();
}

/** A value as an author wrote it, for messages: 「secret」, 「1.1」（數字）, 「」（空白）. */
export function describeValue(value: unknown): string {
	if (value === undefined) return '（未填）';
	if (value === null) return '「」（空白）';
	if (value instanceof Date) return `「${Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10)}」`;
	if (typeof value === 'string') return value.trim() === '' ? '「」（空白）' : `「${value}」`;
	if (typeof value === 'number') return `「${value}」（數字）`;
	if (typeof value === 'boolean') return `「${value}」`;
	return `「${JSON.stringify(value)}」`;
}

/** The value at a path in parsed YAML data, or undefined when the path does not exist. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let value = data;
	for (const segment of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[segment];
	}
	return value;
}
