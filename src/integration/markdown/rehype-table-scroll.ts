import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Every table written in Markdown (documents and help pages) scrolls sideways inside its own box, so a
 * wide table never makes the page wider than a phone's screen (issue 18). The box is a labelled region
 * that takes keyboard focus (WCAG 2.1.1, axe scrollable-region-focusable), like the portal's own tables
 * (src/components/TableScroll.astro). Its name is the table's caption, else its column headings.
 */
export function rehypeTableScroll() {
	return (tree: Root) => {
		visit(tree, 'element', (node: Element, index, parent) => {
			if (node.tagName !== 'table' || index === undefined || !parent) return;
			if (parent.type === 'element' && classList(parent).includes('table-scroll')) return;
			const box: Element = {
				type: 'element',
				tagName: 'div',
				properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: tableName(node) },
				children: [node],
			};
			parent.children[index] = box;
		});
	};
}

/** `表格：<caption>` or `表格：<first row's headings>` (at most 40 characters). */
export function tableName(table: Element): string {
	const caption = table.children.find((child): child is Element => child.type === 'element' && child.tagName === 'caption');
	const firstRow = findFirst(table, 'tr');
	const headings = firstRow ? firstRow.children.filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'th' || cell.tagName === 'td')).map(textOf).filter(Boolean) : [];
	const name = caption ? textOf(caption) : headings.join('、');
	const short = name.length > 40 ? `${name.slice(0, 39)}…` : name;
	return short ? `表格：${short}` : '表格';
}

function findFirst(node: Element, tagName: string): Element | undefined {
	for (const child of node.children) {
		if (child.type !== 'element') continue;
		if (child.tagName === tagName) return child;
		const found = findFirst(child, tagName);
		if (found) return found;
	}
	return undefined;
}

function textOf(node: ElementContent): string {
	if (node.type === 'text') return node.value;
	if (node.type !== 'element') return '';
	return node.children.map(textOf).join('').replace(/\s+/g, ' ').trim();
}

function classList(node: Element): string[] {
	const value = node.properties?.className;
	if (Array.isArray(value)) return value.map(String);
	return typeof value === 'string' ? (value as string).split(/\s+/) : [];
}
