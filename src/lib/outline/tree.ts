import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';

/**
 * What the outline reads of a Markdown tree: the mdast both parsers produce, Sätteri's (`parseBody`,
 * the checker) and remark's (`@mdx-js/mdx`, the page), with MDX's JSX nodes. Only the fields used
 * here, so either tree (and a hand-built one in tests) fits.
 */
export interface MdNode {
	type: string;
	value?: string;
	/** Heading level. */
	depth?: number;
	/** Lists. */
	ordered?: boolean | null;
	start?: number | null;
	/** MDX JSX elements: `table`, `tr`, `td`, `Aside` … */
	name?: string | null;
	attributes?: readonly { type?: string; name?: string; value?: unknown }[];
	children?: MdNode[];
	position?: { start: { line: number; column: number } } | null;
}

/** A node's text as staff read it (formatting dropped), as `mdast-util-to-string` gives it. */
export function rawText(node: MdNode): string {
	return toString(node as Nodes);
}

/** Whitespace collapsed and trimmed: how blocks are compared and shown. */
export function normalise(text: string): string {
	// Most texts have no whitespace but single spaces: nothing to collapse, only to trim.
	return NOT_SINGLE_SPACE.test(text) ? text.replace(/\s+/gu, ' ').trim() : text.trim();
}

/** Whitespace `normalise` changes inside a text: any but a space, or spaces in a row. */
const NOT_SINGLE_SPACE = /[^\S ]| {2}/u;

export function startOf(node: MdNode): { line: number; column: number } {
	return { line: node.position?.start.line ?? 0, column: node.position?.start.column ?? 0 };
}

/** Where the text of a block starts (after `## `), for pointing at a clause number. */
export function textStartOf(node: MdNode): { line: number; column: number } {
	let first: MdNode | undefined = node;
	while (first?.children?.length) first = first.children[0];
	return first?.position ? startOf(first) : startOf(node);
}

export function isElement(node: MdNode, ...names: string[]): boolean {
	return (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && names.includes((node.name ?? '').toLowerCase());
}
