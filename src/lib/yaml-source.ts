import { fullWidthColonIn, yamlMessage } from './yaml-errors.ts';
import {
	LineCounter,
	isAlias,
	isCollection,
	isMap,
	isPair,
	isScalar,
	isSeq,
	parseDocument,
	visit,
	type Alias,
	type Document,
	type Node,
} from 'yaml';

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
	const errors: (Position & { message: string })[] = [];
	const fullWidthLines = new Set<number>();
	const fullWidth = (from: number, to: number): boolean => {
		const found = fullWidthColonIn(text, from, to);
		if (!found) return false;
		const position = toPosition(found.offset);
		if (!fullWidthLines.has(position.line)) errors.push({ ...position, message: found.message });
		fullWidthLines.add(position.line);
		return true;
	};
	for (const error of doc.errors) {
		// `tier：2` (a Chinese keyboard's colon) confuses the parser; say what it is, where it is.
		if (fullWidth(error.pos[0], error.pos[1])) continue;
		errors.push({
			...toPosition(syntaxErrorOffset(doc, error.code, error.message, error.pos[0])),
			message:
				error.code === 'DUPLICATE_KEY'
					? `YAML 語法錯誤：欄位「${keyAt(text, error.pos[0])}」重複出現；同一欄位只能寫一次`
					: `YAML 語法錯誤：${yamlMessage(error.code, error.message)}`,
		});
	}
	// A file of one `title：…` line parses as a string: no file the portal reads is one.
	if (errors.length === 0 && isScalar(doc.contents) && typeof doc.contents.value === 'string') fullWidth(0, text.length);
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
	// Mapping keys that are lists or mappings: JavaScript objects cannot hold them (and Node would warn).
	const collectionKey = errors.length === 0 ? firstCollectionKey(doc.contents) : undefined;
	if (collectionKey) {
		errors.push({
			...toPosition(collectionKey.range?.[0] ?? 0),
			message: 'YAML 語法錯誤：欄位名稱不可為清單或對應表；欄位名稱應為文字，例如 title:',
		});
	}
	let data: unknown;
	if (errors.length === 0) {
		try {
			data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
		} catch (error) {
			// Aliases (`*name`) are resolved here: one without its anchor, or one that expands without
			// end (an "alias bomb", a few lines that stand for billions of values), throws.
			if (!(error instanceof ReferenceError)) throw error;
			const alias = firstAlias(doc);
			const excessive = /excessive alias count/i.test(error.message);
			errors.push({
				...toPosition(alias?.range?.[0] ?? 0),
				message: excessive
					? `YAML 的別名（*名稱）展開過多（超過 ${MAX_ALIAS_COUNT} 個），像是「別名炸彈」；入口網的資料不需要 & 與 * 參照，請直接寫出每個值`
					: `YAML 語法錯誤：別名 *${alias?.source ?? ''} 找不到對應的 &${alias?.source ?? ''} 錨點（錨點須寫在別名之前）；請直接寫出值`,
			});
		}
	}
	return { data, errors, at };
}

/**
 * The first key (in document order, a pair before what its key and value hold) that is a list or a
 * mapping, as `visit` would meet it: a walk of the collections alone, without `visit`'s path per node.
 */
function firstCollectionKey(node: unknown): Node | undefined {
	if (isPair(node)) {
		if (node.key && !isScalar(node.key) && !isAlias(node.key)) return node.key as Node;
		return firstCollectionKey(node.key) ?? firstCollectionKey(node.value);
	}
	if (isCollection(node))
		for (const item of node.items) {
			const found = firstCollectionKey(item);
			if (found) return found;
		}
	return undefined;
}

/** The yaml library's own default: enough for any honest reuse of a value, far too few for a bomb. */
const MAX_ALIAS_COUNT = 100;

function firstAlias(doc: Document): Alias | undefined {
	let found: Alias | undefined;
	visit(doc, {
		Alias(_key, node) {
			found = node;
			return visit.BREAK;
		},
	});
	return found;
}

/** An unclosed quote is reported by the parser at the end of the file: point at the opening quote instead. */
function syntaxErrorOffset(doc: Document, code: string, message: string, offset: number): number {
	if (code !== 'MISSING_CHAR' || !/quote/i.test(message)) return offset;
	let start = offset;
	visit(doc, {
		Scalar(_key, node) {
			if (
				(node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') &&
				node.range &&
				node.range[0] < offset &&
				node.range[1] >= offset
			) {
				start = node.range[0];
			}
		},
	});
	return start;
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
	if (typeof value === 'string') return value.trim() === '' ? '「」（空白）' : `「${shorten(value)}」`;
	if (typeof value === 'number') return `「${value}」（數字）`;
	if (typeof value === 'boolean') return `「${value}」`;
	return `「${shorten(JSON.stringify(value) ?? String(value))}」`;
}

/** A value quoted in a message stays on one readable line: `前 60 字…（共 200,000 字）`. */
function shorten(text: string): string {
	const chars = [...text];
	const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');
	if (chars.length <= 80) return oneLine(text);
	return `${oneLine(chars.slice(0, 60).join(''))}…（共 ${chars.length.toLocaleString('en-US')} 字）`;
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
