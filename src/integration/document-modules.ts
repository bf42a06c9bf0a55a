import type { Plugin } from 'vite';

/**
 * Counts the document files Vite turns into modules. Bodies are rendered from the analysis's trees
 * (src/integration/documents/rendering.ts), so in a build this stays 0; the build record keeps the count beside
 * the number of parses (`parses`), and test/build/parses.test.ts fails if a second parse comes back.
 */
export function documentModules(inDocuments: (path: string | undefined) => boolean): { plugin: Plugin; count: () => number } {
	const seen = new Set<string>();
	return {
		plugin: {
			name: 'isms-portal:document-modules',
			transform(_code, id) {
				const path = id.split('?')[0];
				if (!id.startsWith('\0') && inDocuments(path) && /\.mdx?$/.test(path ?? '')) seen.add(path!);
				return null;
			},
		},
		count: () => seen.size,
	};
}
