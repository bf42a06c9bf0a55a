import type { Link, Parent, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { renderReference, type LinkTargets } from '../references/linking.ts';
import { redactTree, type Redactor } from '../ceiling/redact.ts';
import { citingClauseAt } from '../outline/citing.ts';
import { canonicalAnchor } from '../outline/numbering.ts';
import type { ClauseReference } from '../outline/clause-references.ts';
import { resolveClauseReference } from '../outline/clause-resolution.ts';
import type { Outline } from '../outline/outline.ts';
import { textReferences } from '../references/collect.ts';

export interface RemarkReferencesOptions {
	/** The citing document's docNo for a file, or undefined for files this plugin leaves alone. */
	docNoOf: (path: string | undefined) => string | undefined;
	/** The build's one redaction (src/lib/ceiling/redact.ts): the same as versions.json and 修訂說明 go through. */
	redactor: Redactor;
	/** What to link; `hidden` is every document the build does not publish. */
	targets: Omit<LinkTargets, 'hidden'>;
	/** The outline of the version a file is (the checker's), for its own clause references. */
	outlineOf?: (path: string | undefined) => Outline | undefined;
	/** The outline of the version a reference to a document means (in force, else the newest released). */
	documentOutline?: (docNo: string) => Outline | undefined;
	/** The title of the version a file is: 「…要點」第三點 in that document is its own. */
	titleOf?: (path: string | undefined) => string | undefined;
}

const BLOCKS = new Set(['heading', 'paragraph']);

const CODE = new Set(['code', 'inlineCode', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'html']);

/**
 * Renders the references of a document body: first the build's redaction (a document or version the
 * build does not publish keeps only its bare number; links to it and its cited titles, in any form,
 * go), then auto-links with the same parser the checker uses: documents to their permalink, clauses
 * to their anchor, controls to their SoA row.
 */
export function remarkReferences(options: RemarkReferencesOptions) {
	const targets: LinkTargets = { ...options.targets, hidden: new Set(options.redactor.ceiling.hiddenDocuments.keys()) };
	return (tree: Root, file: { path?: string }) => {
		const citing = options.docNoOf(file.path);
		if (!citing) return;
		// Anything it cannot take out was refused by the checker before the build began.
		redactTree(tree, options.redactor);
		const own = options.outlineOf?.(file.path);
		const ownTitle = options.titleOf?.(file.path);
		// Official-scheme clause references resolve as the checker resolves them, from the citing clause.
		const anchorFor = (at: Text) => (docNo: string, ref: ClauseReference) => {
			const outline = docNo === citing ? own : options.documentOutline?.(docNo);
			if (!outline) return undefined;
			const from = docNo === citing && at.position ? citingClauseAt(outline, at.position.start) : undefined;
			const resolution = resolveClauseReference(ref, outline, from ? { citing: from.path } : {});
			return resolution.status === 'found' ? resolution.clause.anchor : undefined;
		};
		let blockStart = false;
		visit(tree, (node, index, parent: Parent | undefined) => {
			if (BLOCKS.has(node.type)) blockStart = true;
			if (node.type === 'link') canonicalLink(node as Link);
			if (CODE.has(node.type) || node.type === 'link') {
				blockStart = false;
				return SKIP;
			}
			if (node.type !== 'text' || !parent || index === undefined) return;
			const start = blockStart;
			blockStart = false;
			const replacement = linkify(
				node as Text,
				citing,
				options.redactor,
				targets,
				{ blockStart: start, ...(ownTitle ? { ownTitle } : {}) },
				anchorFor(node as Text),
			);
			if (!replacement) return;
			parent.children.splice(index, 1, ...replacement);
			return [SKIP, index + replacement.length];
		});
	};
}

/**
 * A hand-written clause link the checker accepts (`#sec-壹-一-(二)`, half-width parentheses, 叁)
 * points at the id the page has: the outline's canonical anchor (`#sec-壹-一-（二）`).
 */
function canonicalLink(node: Link): void {
	const hash = node.url.indexOf('#');
	if (hash === -1 || !(node.url.startsWith('/documents/') || hash === 0)) return;
	const anchor = canonicalAnchor(node.url.slice(hash + 1));
	if (anchor) node.url = `${node.url.slice(0, hash + 1)}${anchor}`;
}

function linkify(
	node: Text,
	citing: string,
	redactor: Redactor,
	targets: LinkTargets,
	context: { blockStart: boolean; ownTitle?: string },
	clauseAnchor: (docNo: string, ref: ClauseReference) => string | undefined,
): PhrasingContent[] | undefined {
	const refs = textReferences(node.value, redactor.syntax, context);
	if (refs.length === 0) return undefined;
	const out: PhrasingContent[] = [];
	let cursor = 0;
	let changed = false;
	for (const ref of refs) {
		if (ref.index < cursor) continue;
		const rendering = renderReference(ref, citing, targets, clauseAnchor);
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
			if (rendering.note)
				out.push({
					type: 'emphasis',
					data: { hName: 'span', hProperties: { className: ['ref-crosswalk'], dataPagefindIgnore: '' } },
					children: [{ type: 'text', value: rendering.note }],
				});
			if (quoted) out.push({ type: 'text', value: '」' });
		}
		cursor = ref.index + ref.length;
	}
	if (!changed) return undefined;
	if (cursor < node.value.length) out.push({ type: 'text', value: node.value.slice(cursor) });
	return out;
}
