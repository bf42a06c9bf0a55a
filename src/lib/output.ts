import type { PublishedDocument } from './portal.ts';
import { documentPath, versionPath } from './urls.ts';

/** The file a site path is written to in the build output: `/documents/isms-m-001/` → `documents/isms-m-001/index.html`. */
export function pageFile(path: string): string {
	const relative = path.replace(/^\/+/, '');
	return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

export interface PageCopy {
	/** Output file rendered by Astro (the permalink page). */
	from: string;
	/** Output file written as a byte-for-byte copy of it. */
	to: string;
}

/**
 * The `/v<version>/` page of the version a permalink shows is the permalink page itself: the same
 * version, the same notice, the same canonical link (the permalink). A build renders it once and
 * copies it, instead of rendering every such page twice; the copy is not indexed for search again.
 */
export function permalinkCopies(documents: readonly PublishedDocument[]): PageCopy[] {
	return documents.map((document) => ({
		from: pageFile(documentPath(document.docNo)),
		to: pageFile(versionPath(document.docNo, document.latest.version)),
	}));
}
