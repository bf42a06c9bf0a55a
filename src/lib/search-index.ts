import { CLASSIFICATION_LABELS, type Classification } from './classification.ts';
import type { PublishedVersion } from './portal.ts';
import { TIER_LABELS } from './schema.ts';
import { FILTER_KEYS, STATUS_LABELS } from './search-query.ts';

/**
 * What a document page tells Pagefind about itself (written on the page's wrapper element):
 * filters `docNo`, `status` (現行 / 已被取代 / 尚未生效 / 已廢止 / 草稿), `tier` (第一階文件 …) and
 * `classification` (公開 …), and the metadata each search result shows. The search UI leaves versions
 * out of force out of the default results by their status (src/lib/search-query.ts).
 */
export function searchIndexAttributes(version: PublishedVersion, labels: Record<Classification, string> = CLASSIFICATION_LABELS): Record<string, string> {
	return {
		'data-search-doc-no': version.docNo,
		'data-search-title': version.title,
		'data-search-version': version.version,
		'data-search-status': STATUS_LABELS[version.state],
		'data-search-tier': TIER_LABELS[version.tier],
		'data-search-classification': labels[version.classification],
		'data-pagefind-filter': [
			`${FILTER_KEYS.docNo}[data-search-doc-no]`,
			`${FILTER_KEYS.status}[data-search-status]`,
			`${FILTER_KEYS.tier}[data-search-tier]`,
			`${FILTER_KEYS.classification}[data-search-classification]`,
		].join(', '),
		'data-pagefind-meta': [
			'docNo[data-search-doc-no]',
			'title[data-search-title]',
			'version[data-search-version]',
			'classification[data-search-classification]',
			'status[data-search-status]',
		].join(', '),
	};
}

/**
 * A Pagefind glob (wax syntax) matching exactly these output files: `{a,b,c}` with the glob
 * metacharacters of each path escaped. Pagefind then reads and indexes them itself, in parallel.
 */
export function globOfFiles(files: readonly string[]): string {
	return `{${files.map((file) => file.replace(/[\\?*$:<>()[\]{},]/g, (c) => `\\${c}`)).join(',')}}`;
}
