import { diffableDocuments, versionsFile, type SourceBlock } from '../diff/diff-data.ts';
import type { AttachmentFile } from '../documents/attachment-changes.ts';
import type { PublishedDocument, PublishedVersion } from '../documents/portal.ts';
import { documentPath, versionPath, versionsDataPath } from './urls.ts';

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

/**
 * The data files the portal writes next to its pages, by site path: the `versions.json` of every
 * document with two published versions or more (with each version's attachments, read by
 * `attachmentsOf`), which the diff page (`/diff/`) fetches. The build
 * writes them once it is done; the dev server serves them from memory.
 */
export function dataFiles(
	documents: readonly PublishedDocument[],
	blocks: Readonly<Record<string, readonly SourceBlock[]>>,
	attachmentsOf?: (version: PublishedVersion) => readonly AttachmentFile[],
): Map<string, () => string> {
	return new Map(
		diffableDocuments(documents).map((document) => [
			versionsDataPath(document.docNo),
			() => JSON.stringify(versionsFile(document, blocks, attachmentsOf)),
		]),
	);
}
