import type { Link, Parent, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { linkedDocNo, renderReference, type LinkTargets } from '../lib/linking.ts';
import { findReferences, type ReferenceSyntax } from '../lib/references.ts';
import { withBase } from '../lib/urls.ts';

export interface RemarkReferencesOptions {
	/** The citing document's docNo for a file, or undefined for files this plugin leaves alone. */
	docNoOf: (path: string | undefined) => string | undefined;
	syntax: ReferenceSyntax;
	targets: LinkTargets;
}

const CODE = new Set(['code', 'inlineCode', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'html']);

/**
 * Auto-links references in rendered documents with the same parser the checker uses: documents to
 * their permalink, clauses to their anchor, controls to their SoA row. References to documents above
 * the publication ceiling become the bare number, and Markdown links to them lose their link.
 */
export function remarkReferences(options: RemarkReferencesOptions) {
	return (tree: Root, file: { path?: string }) => {
		const citing = options.docNoOf(file.path);
		if (!citing) return;
		visit(tree, (node, index, parent: Parent | undefined) => {
			if (CODE.has(node.type)) return SKIP;
			if (node.type === 'link') {
				const docNo = linkedDocNo((node as Link).url);
				if (docNo && options.targets.hidden.has(docNo) && parent && index !== undefined) {
					parent.children.splice(index, 1, { type: 'text', value: docNo });
					return [SKIP, index + 1];
				}
				return SKIP;
			}
			if (node.type !== 'text' || !parent || index === undefined) return;
			const replacement = linkify(node as Text, citing, options);
			if (!replacement) return;
			parent.children.splice(index, 1, ...replacement);
			return [SKIP, index + replacement.length];
		});
	};
}

function linkify(node: Text, citing: string, options: RemarkReferencesOptions): PhrasingContent[] | undefined {
	const refs = findReferences(node.value, options.syntax);
	if (refs.length === 0) return undefined;
	const out: PhrasingContent[] = [];
	let cursor = 0;
	let changed = false;
	for (const ref of refs) {
		if (ref.index < cursor) continue;
		const rendering = renderReference(ref, citing, options.targets);
		if (!rendering) continue;
		changed = true;
		if (ref.index > cursor) out.push({ type: 'text', value: node.value.slice(cursor, ref.index) });
		const written = node.value.slice(ref.index, ref.index + ref.length);
		if ('replaceWith' in rendering) {
			out.push({ type: 'text', value: rendering.replaceWith });
		} else {
			// 「ISMS-P-005 資訊安全目標管理程序書」: the brackets stay outside the link.
			const quoted = written.startsWith('「') && written.endsWith('」');
			const label = quoted ? written.slice(1, -1) : written;
			if (quoted) out.push({ type: 'text', value: '「' });
			out.push({
				type: 'link',
				url: rendering.href,
				data: { hProperties: { className: ['ref', `ref--${ref.kind}`], ...(rendering.title ? { title: rendering.title } : {}) } },
				children: [{ type: 'text', value: label }],
			});
			// A control of the other catalogue: which control of the SoA in force covers it.
			if (rendering.note) out.push({ type: 'emphasis', data: { hName: 'span', hProperties: { className: ['ref-crosswalk'], dataPagefindIgnore: '' } }, children: [{ type: 'text', value: rendering.note }] });
			if (quoted) out.push({ type: 'text', value: '」' });
		}
		cursor = ref.index + ref.length;
	}
	if (!changed) return undefined;
	if (cursor < node.value.length) out.push({ type: 'text', value: node.value.slice(cursor) });
	return out;
}

/**
 * Prefixes root-relative link URLs (`/documents/…`, `/soa/#…`) with the site's base path, for a site
 * served below the root (a GitHub Pages project site). Authors and the portal write site paths.
 */
export function remarkBaseLinks(options: { base: string }) {
	return (tree: Root) => {
		if (!options.base || options.base === '/') return;
		visit(tree, 'link', (node: Link) => {
			node.url = withBase(options.base, node.url);
		});
	};
}
