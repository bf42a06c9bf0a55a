import type { Loader } from 'astro/loaders';
import { documentsSource } from './documents-source.ts';

/**
 * The `documents` collection (src/content.config.ts): every published version with its body already
 * rendered as HTML (src/integration/documents.ts) from the tree the analysis parsed, so `render(entry)`
 * returns that HTML and its headings and no document is compiled into a JavaScript module. The
 * version's frontmatter was read and validated by the analysis; the entry carries its number only.
 */
export function documentsLoader(): Loader {
	return {
		name: 'isms-portal-documents',
		async load({ store, generateDigest }) {
			const source = documentsSource();
			if (!source) throw new Error('入口網的文件來源尚未建立：documents 集合必須由 isms-portal 外掛（astro.config.mjs）提供');
			store.clear();
			for (const entry of source.entries) {
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
		},
	};
}
