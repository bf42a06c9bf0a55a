import { CLASSIFICATION_LABELS, type Classification } from '../documents/classification.ts';
import { formatRocDate } from '../documents/dates.ts';
import type { PublishedVersion } from '../documents/portal.ts';
import { TIER_LABELS } from '../documents/fields.ts';
import { FILTER_KEYS, STATUS_LABELS } from './filters.ts';

/**
 * What a document page tells Pagefind about itself (written on the page's wrapper element):
 * filters `docNo`, `status` (現行 / 已被取代 / 尚未生效 / 已廢止 / 草稿), `tier` (第一階文件 …) and
 * `classification` (公開 …), and the metadata each search result shows, among them the version's
 * standing in one sentence (「1.0 版已於民國110年4月1日由 1.1 版取代」). The search leaves versions out of
 * force out of the default results by their status (filters.ts).
 */
export function searchIndexAttributes(
	version: PublishedVersion,
	labels: Record<Classification, string> = CLASSIFICATION_LABELS,
): Record<string, string> {
	return {
		'data-search-doc-no': version.docNo,
		'data-search-title': version.title,
		'data-search-version': version.version,
		'data-search-status': STATUS_LABELS[version.state],
		'data-search-tier': TIER_LABELS[version.tier],
		'data-search-classification': labels[version.classification],
		'data-search-standing': versionStanding(version),
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
			'standing[data-search-standing]',
		].join(', '),
	};
}

/**
 * Whether a version is in force, in one plain sentence: what a person holding a printed copy wants to
 * know when they search for its number and version.
 */
export function versionStanding(version: PublishedVersion): string {
	const v = `${version.version} 版`;
	switch (version.state) {
		case 'current':
			return `${v}為現行版本，自${formatRocDate(version.effective)}起生效。`;
		case 'superseded':
			return version.supersededBy
				? `${v}已於${formatRocDate(version.supersededBy.effective)}由 ${version.supersededBy.version} 版取代，不再適用。`
				: `${v}已被取代，不再適用。`;
		case 'upcoming':
			return `${v}尚未生效，將於${formatRocDate(version.effective)}起生效。`;
		case 'withdrawn':
			return `本文件已於${formatRocDate(version.effective)}廢止（${v}），不得再使用。`;
		case 'draft':
			return `${v}為草稿，尚未核定，不得據以辦理。`;
	}
}

/**
 * The attribute that marks a page's search body (Starlight's and the document page's main content). Only pages
 * that have one are given to Pagefind: an index none of whose pages has one would take whole pages instead.
 */
export const SEARCH_BODY = 'data-pagefind-body';

/**
 * A Pagefind glob (wax syntax) matching exactly these output files: `{a,b,c}` with the glob
 * metacharacters of each path escaped. Pagefind then reads and indexes them itself, in parallel.
 */
export function globOfFiles(files: readonly string[]): string {
	return `{${files.map((file) => file.replace(/[\\?*$:<>()[\]{},]/g, (c) => `\\${c}`)).join(',')}}`;
}
