/**
 * The site's search index in parts. Pagefind builds an index in memory and, while writing it, holds about three
 * times what it read: 2.1 GB for 4,000 version pages, more than the build's 2 GB budget at 1,600 documents
 * (issue 19). The pages are therefore indexed in parts of at most `pagesPerIndex` pages, each written as its own
 * bundle (`pagefind/`, `pagefind-2/`, …) by an index of its own that is let go before the next; the browser
 * loads the first and merges the others into it (Pagefind's `mergeIndex`), so a search spans them all. A site
 * of up to `pagesPerIndex` pages has one bundle, as before.
 */

/** Pages per index part: ~0.8 GB at Pagefind's peak (measured at 1,600 documents, 1,335 pages a part). */
export const PAGES_PER_INDEX = 1500;

/** The list of extra bundles, in the first bundle's folder (absent when there is one). */
export const INDEX_PARTS_FILE = 'pagefind/portal-parts.json';

export interface IndexPart {
	/** The bundle's folder under the site's root: `pagefind`, `pagefind-2`, … */
	bundle: string;
	files: string[];
}

/** The pages (output paths), in a stable order, cut into parts of at most `pagesPerIndex`. */
export function indexParts(files: readonly string[], pagesPerIndex = PAGES_PER_INDEX): IndexPart[] {
	if (!Number.isInteger(pagesPerIndex) || pagesPerIndex < 1)
		throw new RangeError(`pagesPerIndex must be a positive integer: ${pagesPerIndex}`);
	const sorted = [...files].sort();
	const count = Math.max(1, Math.ceil(sorted.length / pagesPerIndex));
	// Parts of equal size (rather than full parts and a small last one): Pagefind ranks each part by its own statistics.
	const size = Math.ceil(sorted.length / count);
	return Array.from({ length: count }, (_, i) => ({
		bundle: i === 0 ? 'pagefind' : `pagefind-${i + 1}`,
		files: sorted.slice(i * size, (i + 1) * size),
	}));
}

/** What the first bundle's parts file says: the extra bundles' folders, `pagefind-2/` … */
export function partsFileContent(parts: readonly IndexPart[]): string {
	return `${JSON.stringify({ parts: parts.slice(1).map((part) => `${part.bundle}/`) })}\n`;
}

/** The extra bundles a parts file names; anything but the portal's own bundle names is ignored. */
export function readIndexParts(data: unknown): string[] {
	const parts = (data as { parts?: unknown } | null | undefined)?.parts;
	if (!Array.isArray(parts)) return [];
	return parts.filter((part): part is string => typeof part === 'string' && /^pagefind-[1-9]\d*\/$/.test(part));
}
