import type { Loader, LoaderContext } from 'astro/loaders';
import { documentsSource, hasImages, type DocumentEntry, type DocumentsSource } from './source.ts';

/**
 * The `documents` collection (src/content.config.ts). Every published version's body is rendered here,
 * once, at content sync (src/integration/documents/rendering.ts: HTML from the tree the analysis parsed; the tree
 * is let go), and kept by the source for its page (source.ts `documentBody`). Only the
 * versions whose body shows images become entries of the store: Astro's `render(entry)` optimises and
 * serves their images (`__ASTRO_IMAGE_`). Every other body stays out of the store, which Astro would
 * otherwise serialise into one JSON module (25 MB at 400 documents) that a build bundles and that
 * `astro dev` writes and reloads whole after each save.
 *
 * In `astro dev` the loader keeps the store: after each save the dev server's analysis names the
 * versions whose rendering changed; of those, the ones with images are rendered and set again, the ones
 * gone (or without images now) deleted. A store without them is not written at all after a save.
 */
export function documentsLoader(): Loader {
	let unsubscribe: (() => void) | undefined;
	return {
		name: 'isms-portal-documents',
		async load({ store, generateDigest, logger }) {
			const source = documentsSource();
			if (!source) throw new Error('入口網的文件來源尚未建立：documents 集合必須由 isms-portal 外掛（astro.config.mjs）提供');
			store.clear();
			for (const entry of source.entries) await setEntry(store, generateDigest, source, entry);
			unsubscribe?.();
			let queue = Promise.resolve();
			unsubscribe = source.subscribe?.((changed) => {
				// One update after another, in the order the analyses came.
				queue = queue
					.then(() => update(store, generateDigest, source, changed))
					.catch((error: unknown) => logger.error(`預覽更新失敗：${(error as Error).message}`));
			});
		},
	};
}

type Store = LoaderContext['store'];

async function setEntry(
	store: Store,
	generateDigest: LoaderContext['generateDigest'],
	source: DocumentsSource,
	entry: DocumentEntry,
): Promise<void> {
	const rendered = await source.render(entry.id);
	if (!hasImages(rendered)) {
		// Deleting marks the store for writing: only an entry that is there.
		if (store.has(entry.id)) store.delete(entry.id);
		return;
	}
	store.set({
		id: entry.id,
		data: { docNo: entry.docNo, version: entry.version },
		filePath: entry.filePath,
		rendered: {
			html: rendered.html,
			metadata: { headings: rendered.headings, imagePaths: rendered.imagePaths, frontmatter: rendered.frontmatter },
		},
		assetImports: rendered.imagePaths,
		digest: generateDigest(rendered.html),
	});
}

/** The store after an analysis: versions gone are deleted, new and changed ones rendered (and set when they show images). */
async function update(
	store: Store,
	generateDigest: LoaderContext['generateDigest'],
	source: DocumentsSource,
	changed: ReadonlySet<string>,
): Promise<void> {
	const ids = new Set(source.entries.map((entry) => entry.id));
	for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
	for (const entry of source.entries) if (changed.has(entry.id)) await setEntry(store, generateDigest, source, entry);
}
