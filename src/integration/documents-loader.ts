import type { Loader, LoaderContext } from 'astro/loaders';
import { documentsSource, type DocumentEntry, type DocumentsSource } from './documents-source.ts';

/**
 * The `documents` collection (src/content.config.ts): every published version with its body already
 * rendered as HTML (src/integration/documents.ts) from the tree the analysis parsed, so `render(entry)`
 * returns that HTML and its headings and no document is compiled into a JavaScript module. The
 * version's frontmatter was read and validated by the analysis; the entry carries its number only.
 *
 * In `astro dev` the loader keeps the store: after each save the dev server's analysis names the
 * versions whose rendering changed (the saved one, its citers whose links change, added ones), and
 * exactly those are rendered again and set, removed versions deleted; Astro writes the store and its
 * pages read the new entries on their next request. No restart, no second sync.
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
	store.set({
		id: entry.id,
		data: { docNo: entry.docNo, version: entry.version },
		filePath: entry.filePath,
		rendered: {
			html: rendered.html,
			metadata: { headings: rendered.headings, imagePaths: rendered.imagePaths, frontmatter: rendered.frontmatter },
		},
		...(rendered.imagePaths.length > 0 ? { assetImports: rendered.imagePaths } : {}),
		digest: generateDigest(rendered.html),
	});
}

/** The store after an analysis: versions gone are deleted, new and changed ones rendered and set. */
async function update(
	store: Store,
	generateDigest: LoaderContext['generateDigest'],
	source: DocumentsSource,
	changed: ReadonlySet<string>,
): Promise<void> {
	const ids = new Set(source.entries.map((entry) => entry.id));
	for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
	for (const entry of source.entries)
		if (changed.has(entry.id) || !store.has(entry.id)) await setEntry(store, generateDigest, source, entry);
}
