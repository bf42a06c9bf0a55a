import type { Element, ElementContent, Root, Text } from 'hast';
import { visit } from 'unist-util-visit';
import { clauseDepth, leadingClause } from '../lib/clauses.ts';
import { clauseAnchor } from '../lib/urls.ts';

const CLAUSE_ELEMENTS = new Set(['h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li']);

/**
 * Gives every heading, paragraph and list item that begins with a clause number the anchor
 * `id="sec-6-4-3"` (AUTHORING.md), marks it as a clause for styling, and wraps the number in
 * `<span class="clause-no">` so it reads like the numbered original.
 * A paragraph that opens a list item leaves the anchor to the item.
 */
export function rehypeClauseAnchors(options: { include: (path: string | undefined) => boolean }) {
	return (tree: Root, file: { path?: string }) => {
		if (!options.include(file.path)) return;
		const used = new Set<string>();
		visit(tree, 'element', (node: Element, _index, parent) => {
			if (!CLAUSE_ELEMENTS.has(node.tagName)) return;
			if (node.tagName === 'p' && parent?.type === 'element' && parent.tagName === 'li' && firstElement(parent) === node) {
				return;
			}
			const clause = leadingClause(leadingText(node));
			if (!clause) return;
			const id = clauseAnchor(clause);
			if (used.has(id)) return;
			used.add(id);
			node.properties = {
				...node.properties,
				id,
				className: [...classList(node), 'clause', `clause-depth-${clauseDepth(clause)}`],
				dataClause: clause,
			};
			wrapNumber(node, clause);
		});
	};
}

/**
 * The start of an element's text, enough to read a clause number from (the longest is about 15
 * characters): a paragraph with a long nested list is not turned into one string to look at its
 * first characters.
 */
export function leadingText(node: Element, enough = 32): string {
	let text = '';
	const walk = (parent: Element): void => {
		for (const child of parent.children) {
			if (text.length >= enough) return;
			if (child.type === 'text') text += child.value;
			else if (child.type === 'element') walk(child);
		}
	};
	walk(node);
	return text;
}

function classList(node: Element): string[] {
	const value: unknown = node.properties?.className;
	if (Array.isArray(value)) return value.map(String);
	return typeof value === 'string' ? value.split(/\s+/) : [];
}

function firstElement(node: Element): ElementContent | undefined {
	return node.children.find((child) => child.type === 'element' || (child.type === 'text' && child.value.trim() !== ''));
}

/** Splits the leading text node so the clause number sits in its own span. */
function wrapNumber(node: Element, clause: string): void {
	let target: Element = node;
	// Descend into a leading paragraph of a list item.
	const first = firstElement(node);
	if (first?.type === 'element' && first.tagName === 'p') target = first;
	// Only when the number is plain text at the very start (not inside **bold** or a link).
	const index = target.children.findIndex((child) => child.type !== 'text' || child.value.trim() !== '');
	const text = target.children[index];
	if (text?.type !== 'text') return;
	const match = /^(\s*)(\d{1,3}(?:\.\d{1,3})*\.?)(\s*)/u.exec(text.value);
	if (!match || match[2]!.replace(/\.$/, '') !== clause) return;
	const rest = text.value.slice(match[0].length);
	const replacement: ElementContent[] = [
		{ type: 'element', tagName: 'span', properties: { className: ['clause-no'] }, children: [{ type: 'text', value: match[2]! }] },
		{ type: 'text', value: ` ${rest}` },
	];
	target.children.splice(index, 1, ...replacement);
}
