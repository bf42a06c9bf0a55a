import { stringify, type Block, type Inline } from './pandoc-ast.ts';

/**
 * Inline text of an imported document written as MDX: everything MDX or Markdown would read as
 * syntax is escaped (`<` and `{` start JSX and expressions; `*`, `_`, `[`, `|` … are Markdown), so
 * the page shows the characters of the original and can run nothing.
 */
const SPECIAL = /[\\`*_{}[\]<>|~]/g;

export function escapeText(text: string): string {
	return text.replace(SPECIAL, (c) => `\\${c}`).replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

/** What Markdown would read as a block marker at the start of a line: heading, quote, list item. */
export function escapeLineStart(line: string): string {
	return line
		.replace(/^(\s*)(#{1,6})(?=\s|$)/, '$1\\$2')
		.replace(/^(\s*)>/, '$1\\>')
		.replace(/^(\s*)([-+=])(?=\s|$)/, '$1\\$2')
		.replace(/^(\s*)(\d{1,9})([.)])(?=\s|$)/, '$1$2\\$3');
}

/** Characters where a soft line break is dropped rather than turned into a space (CJK text). */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
const SOFT = '\u0000';

export interface InlineContext {
	/** Markdown for an image (`![alt](./assets/1.0/figure-1.png)`), or text standing in for it. */
	image(url: string, alt: string): string;
	/** Markdown for a footnote reference (`[^1]`), registering the note's blocks. */
	note(blocks: Block[]): string;
	/** Inside a table cell line breaks are written `<br />`. */
	inCell?: boolean;
}

/** `**x**` when Markdown can read it next to CJK text, else the HTML element (always unambiguous). */
function wrap(inner: string, marker: string, tag: string): string {
	if (inner.trim() === '') return inner;
	const edge = /^[\p{P}\p{S}\s]|[\p{P}\p{S}\s]$/u;
	return edge.test(inner) ? `<${tag}>${inner}</${tag}>` : `${marker}${inner}${marker}`;
}

function renderInlines(inlines: readonly Inline[], context: InlineContext): string {
	let out = '';
	for (const inline of inlines) {
		switch (inline.t) {
			case 'Str':
				out += escapeText(inline.c);
				break;
			case 'Space':
				out += ' ';
				break;
			case 'SoftBreak':
				out += SOFT;
				break;
			case 'LineBreak':
				out += context.inCell ? '<br />' : '\\\n';
				break;
			case 'Emph':
				out += wrap(renderInlines(inline.c, context), '*', 'em');
				break;
			case 'Strong':
				out += wrap(renderInlines(inline.c, context), '**', 'strong');
				break;
			case 'Strikeout':
				out += wrap(renderInlines(inline.c, context), '~~', 'del');
				break;
			case 'Superscript':
				out += `<sup>${renderInlines(inline.c, context)}</sup>`;
				break;
			case 'Subscript':
				out += `<sub>${renderInlines(inline.c, context)}</sub>`;
				break;
			case 'Underline':
			case 'SmallCaps':
				out += renderInlines(inline.c, context);
				break;
			case 'Quoted': {
				const [open, close] = inline.c[0].t === 'SingleQuote' ? ['‘', '’'] : ['“', '”'];
				out += `${open}${renderInlines(inline.c[1], context)}${close}`;
				break;
			}
			case 'Cite':
			case 'Span':
				out += renderInlines(inline.c[1], context);
				break;
			case 'Code': {
				const code = inline.c[1];
				const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
				const fence = '`'.repeat(longest + 1);
				out += code.includes('`') ? `${fence} ${code} ${fence}` : `${fence}${code}${fence}`;
				break;
			}
			case 'Math':
				out += escapeText(inline.c[1]);
				break;
			case 'Link': {
				const text = renderInlines(inline.c[1], context);
				const url = inline.c[2][0];
				out += /^(https?:|mailto:)/i.test(url) ? `[${text}](${url.replace(/[ ()<>]/g, encodeURIComponent)})` : text;
				break;
			}
			case 'Image':
				out += context.image(inline.c[2][0], stringify(inline.c[1]));
				break;
			case 'Note':
				out += context.note(inline.c);
				break;
			default:
				break;
		}
	}
	return out;
}

/** Soft line breaks: nothing between CJK characters (Chinese has no spaces), a space elsewhere. */
function resolveSoftBreaks(text: string): string {
	return text.replace(/ *\u0000 */g, (match, offset: number) => {
		const before = text[offset - 1] ?? '';
		const after = text[offset + match.length] ?? '';
		return CJK.test(before) || CJK.test(after) ? '' : ' ';
	});
}

/** Inlines as MDX: escaped text, emphasis, links, images, footnote references. */
export function inlineMdx(inlines: readonly Inline[], context: InlineContext): string {
	return resolveSoftBreaks(renderInlines(inlines, context))
		.replace(/[ \t]+$/gm, '')
		.trim();
}

/** Alternative text for an image: no Markdown or MDX syntax inside `![…]`. */
export function escapeAlt(alt: string): string {
	return escapeText(alt.replace(/\s+/g, ' ').trim());
}
