/** Builders of pandoc AST nodes for the importer's unit tests (not a test file). */
import type { Attr, Block, Cell, Inline, Row } from '../../../src/lib/import/pandoc-ast.ts';

export const A: Attr = ['', [], []];
/** Text as pandoc splits it: words and spaces. */
export function text(value: string): Inline[] {
	return value
		.split(/( )/)
		.filter((s) => s !== '')
		.map((s) => (s === ' ' ? { t: 'Space' } : { t: 'Str', c: s }));
}
export const para = (value: string | Inline[]): Block => ({ t: 'Para', c: typeof value === 'string' ? text(value) : value });
export const plain = (value: string): Block => ({ t: 'Plain', c: text(value) });
export const header = (level: number, value: string): Block => ({ t: 'Header', c: [level, A, text(value)] });
export const bullets = (...items: Block[][]): Block => ({ t: 'BulletList', c: items });
export const ordered = (start: number, style: string, delim: string, ...items: Block[][]): Block => ({
	t: 'OrderedList',
	c: [[start, { t: style }, { t: delim }], items],
});
export const cell = (value: string | Block[], rowspan = 1, colspan = 1): Cell => [
	A,
	{ t: 'AlignDefault' },
	rowspan,
	colspan,
	typeof value === 'string' ? (value === '' ? [] : [plain(value)]) : value,
];
export const row = (...cells: Cell[]): Row => [A, cells];
export function table(rows: Row[], head: Row[] = []): Extract<Block, { t: 'Table' }> {
	return { t: 'Table', c: [A, [null, []], [], [A, head], [[A, 0, [], rows]], [A, []]] };
}
export const image = (url: string, alt = ''): Inline => ({ t: 'Image', c: [A, text(alt), [url, '']] });
export const note = (...blocks: Block[]): Inline => ({ t: 'Note', c: blocks });
