import type { Element, ElementContent, Root, RootContent } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Every table written in Markdown (documents and help pages) scrolls sideways inside its own box, so a
 * wide table never makes the page wider than a phone's screen (issue 18). The box is a labelled region
 * that takes keyboard focus (WCAG 2.1.1, axe scrollable-region-focusable), like the portal's own tables
 * (src/components/TableScroll.astro). Its name is the table's caption, else its column headings.
 * An HTML table written in MDX (`<table>`, as the importer writes a table with merged cells) reaches
 * rehype as an MDX JSX element, not a hast element: it gets the same box.
 */
export function rehypeTableScroll() {
	return (tree: Root) => {
		visit(tree, (node, index, parent) => {
			if (nameOf(node as Node) !== 'table' || index === undefined || !parent) return;
			if (parent.type === 'element' && classList(parent).includes('table-scroll')) return;
			const box: Element = {
				type: 'element',
				tagName: 'div',
				properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: tableName(node as Node) },
				children: [node as ElementContent],
			};
			(parent.children as RootContent[])[index] = box;
		});
	};
}

/** A hast element, or an MDX JSX element in the hast tree (`name`, `children`). */
type Node = Element | ElementContent | { type: string; name?: string | null; value?: string; children?: Node[] };

/** `table`, `tr`, `th` … for a hast element or an MDX JSX element; undefined for anything else. */
function nameOf(node: Node): string | undefined {
	if (node.type === 'element') return (node as Element).tagName;
	if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement')
		return ((node as { name?: string | null }).name ?? '').toLowerCase();
	return undefined;
}

const childrenOf = (node: Node): Node[] => ('children' in node && Array.isArray(node.children) ? (node.children as Node[]) : []);

/** `表格：<caption>` or `表格：<first row's headings>` (at most 40 characters). */
export function tableName(table: Node): string {
	const caption = childrenOf(table).find((child) => nameOf(child) === 'caption');
	const firstRow = findFirst(table, 'tr');
	const headings = firstRow
		? childrenOf(firstRow)
				.filter((cell) => ['th', 'td'].includes(nameOf(cell) ?? ''))
				.map(textOf)
				.filter(Boolean)
		: [];
	const name = caption ? textOf(caption) : headings.join('、');
	const short = name.length > 40 ? `${name.slice(0, 39)}…` : name;
	return short ? `表格：${short}` : '表格';
}

function findFirst(node: Node, name: string): Node | undefined {
	for (const child of childrenOf(node)) {
		const childName = nameOf(child);
		if (childName === undefined) continue;
		if (childName === name) return child;
		const found = findFirst(child, name);
		if (found) return found;
	}
	return undefined;
}

function textOf(node: Node): string {
	if (node.type === 'text') return (node as { value: string }).value;
	if (nameOf(node) === undefined) return '';
	return childrenOf(node).map(textOf).join('').replace(/\s+/g, ' ').trim();
}

function classList(node: Element): string[] {
	const value = node.properties?.className;
	if (Array.isArray(value)) return value.map(String);
	return typeof value === 'string' ? (value as string).split(/\s+/) : [];
}
