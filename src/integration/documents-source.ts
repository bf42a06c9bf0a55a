import type { MarkdownHeading } from '@astrojs/markdown-remark';

/**
 * What the integration (src/integration/documents.ts) hands the documents collection's loader
 * (documents-loader.ts). Both run in the build's process but in different module graphs (the
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
 * The dev server's source: one object the loader subscribes to once, whose entries and rendering are
 * replaced after each analysis (`update`), with the ids to render again.
 */
export interface LiveDocuments extends DocumentsSource {
	update(next: DocumentsSource, changed: ReadonlySet<string>): void;
}

export function liveDocuments(initial: DocumentsSource): LiveDocuments {
	const listeners = new Set<(changed: ReadonlySet<string>) => void>();
	const live: LiveDocuments = {
		entries: initial.entries,
		render: initial.render,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		update(next, changed) {
			live.entries = next.entries;
			live.render = next.render;
			for (const listener of listeners) listener(changed);
		},
	};
	return live;
}
