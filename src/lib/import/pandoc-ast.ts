/**
 * The part of pandoc's JSON document model (pandoc-types 1.22/1.23, `pandoc -t json`) the importer
 * reads, and helpers over it. Unknown node types are tolerated and skipped by the writer.
 */
export type Attr = [string, string[], [string, string][]];
export type Target = [string, string];

export type Inline =
	| { t: 'Str'; c: string }
	| { t: 'Space' | 'SoftBreak' | 'LineBreak' }
	| { t: 'Emph' | 'Underline' | 'Strong' | 'Strikeout' | 'Superscript' | 'Subscript' | 'SmallCaps'; c: Inline[] }
	| { t: 'Quoted'; c: [{ t: 'SingleQuote' | 'DoubleQuote' }, Inline[]] }
	| { t: 'Cite'; c: [unknown[], Inline[]] }
	| { t: 'Code'; c: [Attr, string] }
	| { t: 'Math'; c: [unknown, string] }
	| { t: 'RawInline'; c: [string, string] }
	| { t: 'Link' | 'Image'; c: [Attr, Inline[], Target] }
	| { t: 'Note'; c: Block[] }
	| { t: 'Span'; c: [Attr, Inline[]] };

export type ListAttributes = [number, { t: string }, { t: string }];
export type Cell = [Attr, { t: string }, number, number, Block[]];
export type Row = [Attr, Cell[]];
export type TableHead = [Attr, Row[]];
export type TableBody = [Attr, number, Row[], Row[]];
export type TableFoot = [Attr, Row[]];
export type Caption = [unknown, Block[]];

export type Block =
	| { t: 'Plain' | 'Para'; c: Inline[] }
	| { t: 'LineBlock'; c: Inline[][] }
	| { t: 'CodeBlock'; c: [Attr, string] }
	| { t: 'RawBlock'; c: [string, string] }
	| { t: 'BlockQuote'; c: Block[] }
	| { t: 'OrderedList'; c: [ListAttributes, Block[][]] }
	| { t: 'BulletList'; c: Block[][] }
	| { t: 'DefinitionList'; c: [Inline[], Block[][]][] }
	| { t: 'Header'; c: [number, Attr, Inline[]] }
	| { t: 'HorizontalRule' | 'Null' }
	| { t: 'Table'; c: [Attr, Caption, unknown[], TableHead, TableBody[], TableFoot] }
	| { t: 'Figure'; c: [Attr, Caption, Block[]] }
	| { t: 'Div'; c: [Attr, Block[]] };

export interface PandocDocument {
	'pandoc-api-version': number[];
	meta: Record<string, MetaValue>;
	blocks: Block[];
}
export type MetaValue = { t: string; c?: unknown };

/** Plain text of inlines as a reader sees it; notes and images left out. */
export function stringify(inlines: readonly Inline[]): string {
	let out = '';
	for (const inline of inlines) {
		switch (inline.t) {
			case 'Str':
				out += inline.c;
				break;
			case 'Space':
			case 'SoftBreak':
			case 'LineBreak':
				out += ' ';
				break;
			case 'Code':
			case 'Math':
				out += inline.c[1];
				break;
			case 'Quoted':
				out += stringify(inline.c[1]);
				break;
			case 'Cite':
			case 'Link':
				out += stringify(inline.c[1]);
				break;
			case 'Span':
				out += stringify(inline.c[1]);
				break;
			case 'Emph':
			case 'Underline':
			case 'Strong':
			case 'Strikeout':
			case 'Superscript':
			case 'Subscript':
			case 'SmallCaps':
				out += stringify(inline.c);
				break;
			default:
				break;
		}
	}
	return out;
}

/** Plain text of blocks, paragraphs separated by a space. */
export function blocksText(blocks: readonly Block[]): string {
	const parts: string[] = [];
	for (const block of blocks) {
		switch (block.t) {
			case 'Plain':
			case 'Para':
				parts.push(stringify(block.c));
				break;
			case 'Header':
				parts.push(stringify(block.c[2]));
				break;
			case 'BulletList':
				for (const item of block.c) parts.push(blocksText(item));
				break;
			case 'OrderedList':
				for (const item of block.c[1]) parts.push(blocksText(item));
				break;
			case 'Div':
				parts.push(blocksText(block.c[1]));
				break;
			case 'BlockQuote':
				parts.push(blocksText(block.c));
				break;
			default:
				break;
		}
	}
	return parts.join(' ');
}

/** Text compared across readers: no spaces of any kind. */
export function normalizeText(text: string): string {
	return text.normalize('NFKC').replace(/[\s\u200b\u3000\u00a0]+/g, '');
}

/** All rows of a table, header rows first, as the reader sees them top to bottom. */
export function tableRows(table: Extract<Block, { t: 'Table' }>): Row[] {
	const [, , , head, bodies, foot] = table.c;
	return [...head[1], ...bodies.flatMap((body) => [...body[2], ...body[3]]), ...foot[1]];
}

/** The text of a meta value (a title from the document properties). */
export function metaText(value: MetaValue | undefined): string | undefined {
	if (!value) return undefined;
	if (value.t === 'MetaString') return String(value.c);
	if (value.t === 'MetaInlines') return stringify(value.c as Inline[]);
	if (value.t === 'MetaBlocks') return blocksText(value.c as Block[]);
	return undefined;
}
