import { rehypeHeadingIds, type MarkdownHeading, type UnifiedResolvedOptions } from '@astrojs/markdown-remark';
import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { resolve } from 'node:path';
import { unified, type Pluggable } from 'unified';
import { VFile } from 'vfile';
import { documentHast } from '../../lib/render/to-hast.ts';
import { controlLink } from '../../lib/soa/links.ts';
import { remarkClauseAnchors } from '../../lib/render/clause-anchors.ts';
import { remarkBaseLinks } from '../../lib/render/base-links.ts';
import { remarkReferences } from '../../lib/render/references.ts';
import type { DocumentEntry, DocumentsSource, RenderedDocument } from './source.ts';
import type { CorpusAnalysis } from '../../lib/documents/analysis.ts';
import type { Snapshot } from '../setup.ts';
import { pack, unpack } from '../packed.ts';

export interface DocumentRendering {
	root: string;
	base: string;
	/** One analysis (with its trees: `keepTrees`) and what the transforms look up in it. */
	snapshot: Snapshot;
	/** Astro's Markdown processor options: its rehype plugins (Starlight's heading links, Expressive Code, the portal's table scroll) run on every body. */
	processor: { options: UnifiedResolvedOptions };
	/**
	 * The dev server's: the trees stay the analysis cache's (each rendering works on a copy), and the
	 * versions whose body failed its checks (src/lib/site/preview.ts `blocked`) render empty.
	 */
	keep: boolean;
	blocked?: ReadonlySet<string>;
}

const EMPTY: RenderedDocument = { html: '', headings: [], imagePaths: [], frontmatter: {} };

/** The entries of the `documents` collection: every version the model publishes. */
export function documentEntries(snapshot: Snapshot): DocumentEntry[] {
	const byId = new Map(snapshot.analysis.versions.map((version) => [version.id, version]));
	return snapshot.model.documents.flatMap((doc) =>
		doc.versions.map((version) => ({
			id: version.id,
			docNo: version.docNo,
			version: version.version,
			filePath: byId.get(version.id)?.file ?? version.file,
		})),
	);
}

/**
 * The rendering of every published version from the one tree the analysis parsed: the portal's
 * Markdown transforms (redaction and auto-links, clause anchors, base-path links), then the tree as
 * HTML elements (src/lib/render/), then the rehype plugins Astro's Markdown pipeline would run
 * (Starlight's heading ids and anchor links, Expressive Code for code blocks, the table scroll box),
 * serialised once. No body becomes a JavaScript module.
 *
 * A build renders every body once, at content sync (loader.ts), and keeps it for its page, which reads it
 * later: packed (the rendering as JSON, compressed, packed.ts: 4,000 versions' HTML is ~200 MB as strings,
 * ~15 MB packed). Once every entry is rendered it lets the analysis go (every version's outline and source,
 * most of the build's heap). The dev server keeps its renderings as they are, and the analysis, which the
 * next save's analysis starts from.
 */
export function documentRendering(options: DocumentRendering): DocumentsSource {
	// Not `options` itself in the closures below: it holds the snapshot, which a build lets go.
	const { keep, blocked, processor } = options;
	const entries = documentEntries(options.snapshot);
	let context: RenderContext | undefined = renderContext(options);

	let rehype: ReturnType<typeof unified> | undefined;
	const pipeline = async () => {
		// Read when the first body is rendered: every integration has added its plugins by then.
		if (!rehype) {
			const plugins = await Promise.all(processor.options.rehypePlugins.map(loadPlugin));
			rehype = unified()
				.use(plugins as Pluggable[])
				.use(rehypeHeadingIds) as unknown as ReturnType<typeof unified>;
		}
		return rehype;
	};
	const done = new Map<string, RenderedDocument | Uint8Array>();
	return {
		entries,
		async render(id) {
			const kept = done.get(id);
			if (kept) return kept instanceof Uint8Array ? (JSON.parse(unpack(kept)) as RenderedDocument) : kept;
			const version = context?.byId.get(id);
			const analysed = context?.trees.get(id);
			// The dev server keeps serving when a body failed its checks (the terminal and the page list them): its page shows no body.
			if (keep && (!analysed || blocked?.has(id))) return EMPTY;
			if (!context || !analysed || !version) throw new Error(`${version?.file ?? id}：沒有可呈現的內文（分析時未保留此版次的語法樹）`);
			// A build renders each tree once and lets it go; the dev server's trees are the analysis cache's, kept for the next save.
			const tree = keep ? structuredClone(analysed) : analysed;
			if (!keep) context.trees.delete(id);
			const path = resolve(context.root, version.file);
			const frontmatter: Record<string, unknown> = {};
			const file = { path, data: { astro: { frontmatter } } };
			context.transform(tree, file);
			const { tree: hast, imagePaths } = documentHast(tree);
			const vfile = new VFile({ path, data: { astro: { frontmatter: {} } } });
			const processed = (await (await pipeline()).run(hast as never, vfile)) as unknown as HastRoot;
			const rendered: RenderedDocument = {
				html: toHtml(processed, { allowDangerousHtml: true }),
				headings: (vfile.data as { astro?: { headings?: MarkdownHeading[] } }).astro?.headings ?? [],
				imagePaths,
				frontmatter: file.data.astro.frontmatter,
			};
			// Packed as JSON, its strings come back flat: none keeps a version's source alive as a slice of it.
			done.set(id, keep ? rendered : pack(JSON.stringify(rendered)));
			if (!keep && done.size === entries.length) context = undefined;
			return rendered;
		},
	};
}

/** What rendering a tree needs of the analysis: the trees, the versions, and the portal's transforms. */
interface RenderContext {
	root: string;
	trees: Map<string, Root>;
	byId: ReadonlyMap<string, CorpusAnalysis['versions'][number]>;
	/** The portal's Markdown transforms, in order: redaction and auto-links, clause anchors, base-path links. */
	transform(tree: Root, file: { path: string; data: { astro: { frontmatter: Record<string, unknown> } } }): void;
}

function renderContext({ root, base, snapshot }: DocumentRendering): RenderContext {
	const { model, analysis, redactor, byFile, meant, published } = snapshot;
	const references = remarkReferences({
		docNoOf: (path) => (path ? byFile.get(resolve(path))?.docNo : undefined),
		outlineOf: (path) => (path ? analysis.analyses.get(byFile.get(resolve(path))?.id ?? '')?.outline : undefined),
		titleOf: (path) => (path ? byFile.get(resolve(path))?.title : undefined),
		documentOutline: (docNo) => meant.get(docNo),
		redactor,
		targets: {
			published,
			linkControls: Boolean(model.soa.matrix),
			controlLink: (id: string) => controlLink(id, model.soa.links, model.soa.edition),
		},
	});
	// Clause anchors from the outline, after the redaction and the auto-links (which keep the text).
	const anchors = remarkClauseAnchors({ include: () => true });
	const baseLinks = remarkBaseLinks({ base });
	return {
		root,
		trees: analysis.trees,
		byId: new Map(analysis.versions.map((version) => [version.id, version])),
		transform(tree, file) {
			references(tree, file);
			anchors(tree, file);
			baseLinks(tree);
		},
	};
}

/** A configured rehype plugin as unified takes it: `plugin`, `[plugin, options]`, or a package name to import. */
async function loadPlugin(entry: unknown): Promise<Pluggable> {
	const [plugin, settings] = Array.isArray(entry) ? entry : [entry];
	const resolved = typeof plugin === 'string' ? (await import(/* @vite-ignore */ plugin)).default : plugin;
	return settings === undefined ? resolved : [resolved, settings];
}
