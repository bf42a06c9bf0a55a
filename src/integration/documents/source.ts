import type { MarkdownHeading } from '@astrojs/markdown-remark';

/**
 * What the integration (src/integration/documents/rendering.ts) hands the documents collection's loader
 * (loader.ts). Both run in the build's process but in different module graphs (the
 * integration is loaded with the Astro config, the loader with src/content.config.ts), so the
 * source is left on `globalThis`; this file is all the loader's graph imports of it.
 */

/** One published version's body as the page shows it: HTML, the headings for the on-page outline, its images. */
export interface RenderedDocument {
	html: string;
	headings: MarkdownHeading[];
	imagePaths: string[];
	/** What the page reads as `remarkPluginFrontmatter`: the clause entries of 本頁內容 (src/lib/outline/toc.ts). */
	frontmatter: Record<string, unknown>;
}

/** A published version the `documents` collection holds. */
export interface DocumentEntry {
	/** `ISMS-M-001/1.0`, the version's id. */
	id: string;
	docNo: string;
	version: string;
	/** The source file, relative to the project root (Astro resolves the body's images from it). */
	filePath: string;
}

/** The entries and their rendering. */
export interface DocumentsSource {
	entries: DocumentEntry[];
	render(id: string): Promise<RenderedDocument>;
	/**
	 * The dev server's (src/integration/dev.ts): called after each analysis with the ids whose rendering
	 * changed (`entries` and `render` are then the new analysis's). Returns the unsubscription.
	 */
	subscribe?(listener: (changed: ReadonlySet<string>) => void): () => void;
}

const SLOT = Symbol.for('isms-portal.documents-source');

export function publishDocumentsSource(source: DocumentsSource): void {
	(globalThis as { [SLOT]?: DocumentsSource })[SLOT] = source;
}

export function documentsSource(): DocumentsSource | undefined {
	return (globalThis as { [SLOT]?: DocumentsSource })[SLOT];
}

/**
 * The body a document page shows (src/components/DocumentPage.astro), from the source itself: bodies
 * are not kept in Astro's content store (which, with every body in it, is one JSON module of tens of
 * megabytes that Vite bundles in a build and that `astro dev` writes and reloads whole after each
 * save). Only a body with images also has a store entry (loader.ts), because Astro's
 * image pipeline (`render(entry)`) optimises and serves them.
 */
export async function documentBody(id: string): Promise<RenderedDocument> {
	const source = documentsSource();
	if (!source) throw new Error('入口網的文件來源尚未建立：文件頁面必須由 isms-portal 外掛（astro.config.mjs）提供');
	return source.render(id);
}

/** Whether a rendered body has images for Astro's pipeline, and so an entry in the content store. */
export const hasImages = (rendered: RenderedDocument): boolean => rendered.imagePaths.length > 0;

/**
 * The dev server's source: one object the loader subscribes to once, whose entries and rendering are
 * replaced after each analysis (`update`), with the ids to render again. It keeps each rendering
 * until its id is named stale, so a page asked for again after an unrelated save is not rendered again.
 */
export interface LiveDocuments extends DocumentsSource {
	update(next: DocumentsSource, changed: ReadonlySet<string>): void;
}

export function liveDocuments(initial: DocumentsSource): LiveDocuments {
	const listeners = new Set<(changed: ReadonlySet<string>) => void>();
	const rendered = new Map<string, Promise<RenderedDocument>>();
	let current = initial;
	const live: LiveDocuments = {
		entries: initial.entries,
		render(id) {
			let kept = rendered.get(id);
			if (!kept) {
				kept = current.render(id);
				rendered.set(id, kept);
				// A failed rendering is not kept: the next request tries again.
				kept.catch(() => rendered.get(id) === kept && rendered.delete(id));
			}
			return kept;
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		update(next, changed) {
			current = next;
			live.entries = next.entries;
			const ids = new Set(next.entries.map((entry) => entry.id));
			for (const id of rendered.keys()) if (changed.has(id) || !ids.has(id)) rendered.delete(id);
			for (const listener of listeners) listener(changed);
		},
	};
	return live;
}
